// The desk's entry: read what Telegram put in the fragment, apply its theme, start the app.
// The init data stays in memory (the client holds it) and travels only in the Authorization header.

import { render } from "preact";
import { App } from "./app.js";
import { bootLocale } from "./bootStrings.js";
import { createDeskClient } from "./deskClient.js";
import { parseLaunchFragment, themeVariables } from "./launchParams.js";
import "./desk.css";

const launch = parseLaunchFragment(window.location.hash);
// CSSOM properties, not a style attribute: the page's CSP (style-src 'self') allows them.
for (const [variable, colour] of themeVariables(launch.theme)) document.documentElement.style.setProperty(variable, colour);
const locale = bootLocale(launch.languageCode);
document.documentElement.lang = locale;
document.documentElement.dir = locale === "fa" ? "rtl" : "ltr";

const apiBase = new URL("api/", new URL(".", window.location.href)).toString();
const client = launch.initData ? createDeskClient(launch.initData, apiBase, (url, init) => fetch(url, init)) : null;
const root = document.getElementById("desk");
if (root) {
  root.textContent = "";
  render(<App client={client} bootLocale={locale} />, root);
}
