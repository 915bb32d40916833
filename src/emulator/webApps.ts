// Mini Apps (Web Apps) as Telegram opens them: the URL check of a web_app button and the signed
// launch a client builds — `url#tgWebAppData=<init data>&tgWebAppVersion=…&tgWebAppThemeParams=…`.
import { createHmac, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { badRequest, type BotApiError } from "./botApiError.js";
import type { UserRecord } from "./chatRecords.js";
import { nowSeconds, type EmulatorState } from "./emulatorState.js";

/** Where a Mini App was opened from; Telegram's init data differs a little between them. */
export type WebAppSource = "inline_button" | "keyboard_button" | "menu_button";

export interface WebAppLaunch {
  source: WebAppSource;
  /** The button's URL as the bot gave it. */
  url: string;
  /** The signed init data: the raw query string the page reads from `#tgWebAppData` (and sends to its server). */
  initData: string;
  /** What the client loads: `url` with the launch parameters in its fragment. */
  launchUrl: string;
  /** The button's label (the panel's title). */
  title: string;
}

/** The version of the Mini App platform the web chat says it is (Bot API 8.0, November 2024). */
export const webAppVersion = "8.0";

/** The web chat's own (light) colours, as Telegram passes a client's theme to a Mini App. */
export const webChatTheme: Readonly<Record<string, string>> = {
  bg_color: "#ffffff",
  text_color: "#1f2933",
  hint_color: "#7b8794",
  link_color: "#2f89d8",
  button_color: "#2f89d8",
  button_text_color: "#ffffff",
  secondary_bg_color: "#f1f5f8",
  header_bg_color: "#ffffff",
  accent_text_color: "#2f89d8",
  section_bg_color: "#ffffff",
  section_header_text_color: "#52606d",
  subtitle_text_color: "#7b8794",
  destructive_text_color: "#c94c4c",
};

const localHosts = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Telegram accepts only https Mini App URLs (TDLib's check_link with https required; its test
 * environment also allows http). The emulator also accepts http on this machine (127.0.0.1,
 * localhost, [::1]) so a bot's local HTTP server can be opened without a certificate.
 * `what` names the button in Telegram's error text, e.g. "inline keyboard button".
 */
export function checkWebAppUrl(raw: unknown, what: string): string {
  const url = typeof raw === "string" ? raw.trim() : "";
  const invalid = (why: string): BotApiError => badRequest(`${what} Web App URL '${String(raw ?? "")}' is invalid: ${why}`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid(url.includes("://") || url === "" ? "Wrong HTTP URL" : "Only HTTPS links are allowed");
  }
  if (parsed.protocol === "https:" && parsed.hostname !== "") return url;
  if (parsed.protocol === "http:" && localHosts.has(parsed.host.replace(/:\d+$/, ""))) return url;
  if (parsed.protocol === "http:" || parsed.protocol === "https:") throw invalid("Only HTTPS links are allowed");
  throw invalid("Wrong HTTP URL");
}

const checkString = (fields: Record<string, string>): string =>
  Object.entries(fields)
    .map(([key, value]) => `${key}=${value}`)
    .sort()
    .join("\n");

/** Telegram signs `signature` with its own private key; the emulator has a key of its own (one per process). */
let signatureKey: KeyObject | undefined;

/**
 * Init data signed as Telegram signs it. First `signature`: Ed25519 over "<bot id>:WebAppData\n" and the
 * sorted `key=value` lines, for third parties who hold no bot token (made with the emulator's key, so
 * it does not verify against Telegram's public key — nothing but Telegram can make one that does).
 * Then `hash`: HMAC-SHA256 of every field but `hash`, sorted as `key=value` lines, keyed by
 * HMAC-SHA256("WebAppData", bot token) — what a bot's server checks.
 */
export function signInitData(fields: Record<string, string>, botToken: string): string {
  signatureKey ??= generateKeyPairSync("ed25519").privateKey;
  const botId = botToken.split(":")[0];
  const signature = sign(null, Buffer.from(`${botId}:WebAppData\n${checkString(fields)}`), signatureKey).toString("base64url");
  const signed = { ...fields, signature };
  const secret = createHmac("sha256", "WebAppData").update(botToken).digest();
  const hash = createHmac("sha256", secret).update(checkString(signed)).digest("hex");
  return queryString({ ...signed, hash });
}

/** Percent-encoded like Telegram's clients (a space is %20, not the form encoding's "+"). */
const queryString = (fields: Record<string, string>): string =>
  Object.entries(fields)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join("&");

/** The WebAppUser object of the init data (no photo_url: emulated users have no photos). */
function webAppUser(user: UserRecord): Record<string, unknown> {
  return {
    id: user.id,
    first_name: user.firstName,
    ...(user.lastName ? { last_name: user.lastName } : {}),
    ...(user.username ? { username: user.username } : {}),
    ...(user.languageCode ? { language_code: user.languageCode } : {}),
    allows_write_to_pm: true,
  };
}

/** A query_id like Telegram's (opaque, base64url); only launches that can answer with answerWebAppQuery get one. */
const newQueryId = (): string => `AA${randomBytes(16).toString("base64url")}`;

export function launchWebApp(
  state: EmulatorState,
  user: UserRecord,
  button: { url: string; title: string; source: WebAppSource; chatInstance?: string },
): WebAppLaunch {
  const fields: Record<string, string> = {};
  // A reply keyboard's Mini App talks back with sendData, not answerWebAppQuery: no query_id.
  if (button.source !== "keyboard_button") fields.query_id = state.queries.addWebAppQuery(user.id, newQueryId()).id;
  fields.user = JSON.stringify(webAppUser(user));
  if (button.source === "inline_button") {
    fields.chat_type = "private";
    if (button.chatInstance) fields.chat_instance = button.chatInstance;
  }
  fields.auth_date = String(nowSeconds(state));
  const initData = signInitData(fields, state.token);
  const fragment = queryString({
    tgWebAppData: initData,
    tgWebAppVersion: webAppVersion,
    tgWebAppPlatform: "web",
    tgWebAppThemeParams: JSON.stringify(webChatTheme),
  });
  const launchUrl = `${button.url.replace(/#.*$/, "")}#${fragment}`;
  return { source: button.source, url: button.url, initData, launchUrl, title: button.title };
}
