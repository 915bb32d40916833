// The desk's web page, its pure parts: what Telegram puts in the fragment, dates typed in either
// calendar, numbers in the reader's digits, the API client's headers and errors, and its words.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bootLocale } from "../../src/desk/web/bootStrings.js";
import { createDeskClient, DeskCallFailed } from "../../src/desk/web/deskClient.js";
import { EMPTY_DRAFT, filterFromDraft } from "../../src/desk/web/filterForm.js";
import { parseLaunchFragment, themeVariables } from "../../src/desk/web/launchParams.js";
import { numberFormat } from "../../src/desk/web/numbers.js";
import { parseTypedDay } from "../../src/domain/typedDay.js";

const rawInitData =
  "query_id=AAHdF6IQAAAAAN0XohDhrOrc&user=%7B%22id%22%3A5001%2C%22first_name%22%3A%22Maryam%22%2C%22language_code%22%3A%22fa%22%7D&auth_date=1764300000&hash=c501b71e775f74ce10e377dea85a7ea24ecd640b223ea86dfe453e0eaed2e2b2";

function fragment(params: Record<string, string>): string {
  return "#" + Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&");
}

describe("the launch fragment Telegram hands the page", () => {
  it("gives back the raw init data exactly as signed, the theme and the user's language", () => {
    const launch = parseLaunchFragment(
      fragment({ tgWebAppData: rawInitData, tgWebAppVersion: "8.0", tgWebAppPlatform: "web", tgWebAppThemeParams: JSON.stringify({ bg_color: "#17212b", text_color: "#f5f5f5", button_color: "#5288c1" }) }),
    );
    expect(launch.initData).toBe(rawInitData);
    expect(launch.languageCode).toBe("fa");
    expect(themeVariables(launch.theme)).toEqual([
      ["--bg", "#17212b"],
      ["--text", "#f5f5f5"],
      ["--button", "#5288c1"],
    ]);
  });

  it("keeps only colours from the theme, so nothing else can reach the stylesheet", () => {
    const launch = parseLaunchFragment(fragment({ tgWebAppData: rawInitData, tgWebAppThemeParams: JSON.stringify({ bg_color: "red;background:url(https://evil)", link_color: "#2481cc", "x y": "#fff" }) }));
    expect(launch.theme).toEqual({ link_color: "#2481cc" });
    expect(parseLaunchFragment(fragment({ tgWebAppData: rawInitData, tgWebAppThemeParams: "{not json" })).theme).toEqual({});
  });

  it("says there is no init data when the page is opened outside Telegram", () => {
    expect(parseLaunchFragment("").initData).toBeNull();
    expect(parseLaunchFragment("#tgWebAppVersion=8.0").initData).toBeNull();
  });

  it("speaks Persian before the session answers unless Telegram's language is English or Albanian", () => {
    expect(bootLocale("en-GB")).toBe("en");
    expect(bootLocale("sq")).toBe("sq");
    expect(bootLocale("de")).toBe("fa");
    expect(bootLocale(null)).toBe("fa");
  });
});

describe("dates typed into the filter", () => {
  it("accepts a Solar Hijri day in Persian digits and sends the Gregorian ISO day", () => {
    expect(parseTypedDay("۱۴۰۵/۰۹/۰۷")).toBe("2026-11-28");
    expect(parseTypedDay("1403/1/1")).toBe("2024-03-20");
  });

  it("accepts a Gregorian day as it is and refuses days that do not exist", () => {
    expect(parseTypedDay("2026-11-28")).toBe("2026-11-28");
    expect(parseTypedDay("2026-02-30")).toBeNull();
    expect(parseTypedDay("1403/12/31")).toBeNull(); // 1403 is not a leap year in the Solar Hijri calendar
    expect(parseTypedDay("yesterday")).toBeNull();
  });

  it("turns the typed form into the contract's filter, or names what is wrong", () => {
    expect(filterFromDraft({ ...EMPTY_DRAFT, name: "  Hasanzadeh ", province: "ardabil", registeredFrom: "۱۴۰۵/۰۱/۰۱", registeredTo: "2026-11-28", duplicatesPending: true })).toEqual({
      ok: true,
      filter: { name: "Hasanzadeh", province: "ardabil", registeredFrom: "2026-03-21", registeredTo: "2026-11-28", duplicatesPending: true },
    });
    expect(filterFromDraft(EMPTY_DRAFT)).toEqual({ ok: true, filter: {} });
    // A reference typed in the name box, in Persian digits, searches by reference as /find does.
    expect(filterFromDraft({ ...EMPTY_DRAFT, name: "۰۰۰۰-۰۰۰۷-۶" })).toEqual({ ok: true, filter: { reference: "0000-0007-6" } });
    expect(filterFromDraft({ ...EMPTY_DRAFT, registeredFrom: "1405/13/01", reference: "12" })).toEqual({ ok: false, problems: ["reference", "registeredFrom"] });
    expect(filterFromDraft({ ...EMPTY_DRAFT, registeredFrom: "2026-11-28", registeredTo: "1405/01/01" })).toEqual({ ok: false, problems: ["dateOrder"] });
  });
});

describe("numbers in the reader's digits", () => {
  it("writes Persian digits and separators for Persian readers, Latin digits otherwise", () => {
    expect(numberFormat("fa")(12345)).toBe("۱۲٬۳۴۵");
    expect(numberFormat("en")(12345)).toBe("12,345");
  });
});

describe("the page's API client", () => {
  it("sends the init data in the Authorization header only, never in the address", async () => {
    const seen: { url: string; headers: Record<string, string>; body?: string }[] = [];
    const client = createDeskClient(rawInitData, "https://bot.example/desk/api/", async (url, init) => {
      seen.push({ url, headers: init.headers, ...(init.body === undefined ? {} : { body: init.body }) });
      return { ok: true, status: 200, json: async () => ({ rows: [], page: 0, pages: 0, total: 0 }) };
    });
    await client.cases({ filter: { name: "Hasanzadeh" }, sort: { field: "registered", direction: "desc" }, page: 0 });
    await client.caseCard("665f1c2e9b1d8a3f4c2b1a09");
    expect(seen.map((s) => s.url)).toEqual(["https://bot.example/desk/api/cases", "https://bot.example/desk/api/cases/665f1c2e9b1d8a3f4c2b1a09"]);
    expect(seen[0]!.headers.Authorization).toBe(`tma ${rawInitData}`);
    expect(seen.some((s) => s.url.includes("hash") || s.url.includes("Hasanzadeh"))).toBe(false);
    expect(JSON.parse(seen[0]!.body!)).toEqual({ filter: { name: "Hasanzadeh" }, sort: { field: "registered", direction: "desc" }, page: 0 });
  });

  it.each([
    [401, "unauthorized"],
    [403, "forbidden"],
    [404, "not_found"],
    [400, "invalid"],
    [409, "conflict"],
    [500, "server"],
  ] as const)("turns an HTTP %i into the failure %s the page has words for", async (status, kind) => {
    const client = createDeskClient(rawInitData, "https://bot.example/desk/api/", async () => ({ ok: false, status, json: async () => ({ error: "x" }) }));
    await expect(client.session()).rejects.toEqual(new DeskCallFailed(kind));
  });

  it("calls a failed connection a network failure (the page offers to try again)", async () => {
    const client = createDeskClient(rawInitData, "https://bot.example/desk/api/", async () => {
      throw new TypeError("Failed to fetch");
    });
    await expect(client.overview()).rejects.toMatchObject({ kind: "network" });
  });
});

describe("the page's words", () => {
  const webDir = path.resolve(import.meta.dirname, "../../src/desk/web");
  const source = readdirSync(webDir)
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => readFileSync(path.join(webDir, f), "utf8"))
    .join("\n");
  const used = new Set([...source.matchAll(/"(desk-[a-z0-9-]+)"/g)].map((m) => m[1]!));

  it.each(["fa", "en", "sq"])("are all in locales/%s.ftl, without placeables (the server renders them without arguments)", (locale) => {
    const ftl = readFileSync(path.resolve(import.meta.dirname, `../../locales/${locale}.ftl`), "utf8");
    const defined = new Map([...ftl.matchAll(/^(desk-[a-z0-9-]+)\s*=\s*(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((key) => !defined.has(key))).toEqual([]);
    expect([...used].filter((key) => defined.get(key)?.includes("{"))).toEqual([]);
  });
});
