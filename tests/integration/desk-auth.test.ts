import { sign } from "@telegram-apps/init-data-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESK_ON_THIS_SERVER } from "../../src/app.js";
import type { DeskSession } from "../../src/desk/shared/deskApi.js";
import { deskKeysOf } from "../../src/desk/server/deskSession.js";
import { LOCALES_DIRECTORY } from "../../src/bot/i18n.js";
import { startTestBot, type TestBot } from "../support/botHarness.js";
import { seedVolunteer } from "../support/team.js";

// Issue #12, the desk's front door: the real HTTP server of a running bot, asked for
// /desk/api/session as Telegram's Mini App would ask, with init data signed by the token of the bot
// the emulator serves — and with every kind of init data that must not get in.
const ADMIN_ID = 971001;
const COORDINATOR_ID = 971002;
const VOLUNTEER_ID = 971003;
const FAMILY_ID = 971004;

let bot: TestBot;
let sessionUrl: string;

beforeAll(async () => {
  bot = await startTestBot({ adminIds: [ADMIN_ID], config: { deskUrl: DESK_ON_THIS_SERVER } });
  sessionUrl = `${bot.app.httpUrl}/desk/api/session`;
  const { services } = bot.app;
  const invite = await services.team.createInvite({ userId: ADMIN_ID }, "coordinator", []);
  if (!invite.ok) throw new Error(invite.error);
  await services.team.acceptInvite(COORDINATOR_ID, invite.value.code);
  await services.users.setLocale(COORDINATOR_ID, "fa");
  await seedVolunteer(services, { userId: VOLUNTEER_ID, provinces: ["ardabil", "gilan"], invitedBy: COORDINATOR_ID });
  await services.users.setLocale(VOLUNTEER_ID, "en");
  await services.users.touch(FAMILY_ID);
  await services.users.setLocale(FAMILY_ID, "fa");
}, 60_000);
afterAll(() => bot?.stop());

/** Init data as Telegram hands it to the page when this person opens the desk (signed `minutesAgo` minutes ago). */
function initDataFor(userId: number, { minutesAgo = 1, token = bot.emulator.token, languageCode = "en" } = {}): string {
  const authDate = new Date(bot.app.services.clock.now().getTime() - minutesAgo * 60_000);
  return sign({ query_id: "AAH-desk-test", user: { id: userId, first_name: "Test", language_code: languageCode } }, token, authDate);
}

async function askSession(initData: string | undefined): Promise<Response> {
  return fetch(sessionUrl, { headers: initData === undefined ? {} : { authorization: `tma ${initData}` } });
}

describe("who may open the desk", () => {
  it("no init data, a forged hash, another bot's token, or init data 61 minutes old: 401", async () => {
    const forged = initDataFor(COORDINATOR_ID).replace(/hash=[0-9a-f]{8}/, "hash=00000000");
    const otherBots = initDataFor(COORDINATOR_ID, { token: "999999:another-bots-token-entirely" });
    const stale = initDataFor(COORDINATOR_ID, { minutesAgo: 61 });
    for (const initData of [undefined, forged, otherBots, stale]) {
      const response = await askSession(initData);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: "unauthorized" });
    }
    // A person who is not even a user yet (signed correctly) is a family member at most.
    expect((await askSession(initDataFor(971999))).status).toBe(403);
  });

  it("a family member, signed correctly, is refused with 403", async () => {
    const response = await askSession(initDataFor(FAMILY_ID));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: "forbidden" });
  });

  it("a coordinator gets the session in Persian: every province, contacts and export allowed", async () => {
    const response = await askSession(initDataFor(COORDINATOR_ID));
    expect(response.status).toBe(200);
    const session = (await response.json()) as DeskSession;
    expect(session).toMatchObject({ locale: "fa", dir: "rtl", role: "coordinator", provinces: "all", can: { seeContacts: true, export: true } });
    expect(session.choices.statuses.find((s) => s.code === "under_review")?.label).toBe(bot.app.i18n.t("fa", "status-under_review"));
    expect(session.choices.provinces.find((p) => p.code === "ardabil")?.label).toBe("اردبیل");
    expect(session.choices.provinces.length).toBe(32);
    expect(session.choices.closeReasons.map((r) => r.code)).toContain("reunited");
    expect(session.choices.locations.map((l) => l.code)).toEqual(expect.arrayContaining(["other", "unknown"]));
    const deskKeys = deskKeysOf(LOCALES_DIRECTORY, "fa");
    expect(Object.keys(session.strings).sort()).toEqual(deskKeys.map((key) => key.slice("desk-".length)).sort());
    for (const key of deskKeys) expect(session.strings[key.slice("desk-".length)]).toBe(bot.app.i18n.t("fa", key));
  });

  it("a volunteer gets the session in English: their two provinces, no contacts, no export", async () => {
    const response = await askSession(initDataFor(VOLUNTEER_ID, { minutesAgo: 59 }));
    expect(response.status).toBe(200);
    const session = (await response.json()) as DeskSession;
    expect(session).toMatchObject({ locale: "en", dir: "ltr", role: "volunteer", provinces: ["ardabil", "gilan"], can: { seeContacts: false, export: false } });
    expect(session.choices.provinces.map((p) => p.label).sort()).toEqual(["Ardabil", "Gilan"]);
    expect(session.choices.statuses.find((s) => s.code === "registered")?.label).toBe("Registered");
    for (const key of deskKeysOf(LOCALES_DIRECTORY, "en")) expect(session.strings[key.slice("desk-".length)]).toBe(bot.app.i18n.t("en", key));
  });

  it("an admin who never chose a language in the bot reads the desk in their Telegram app's language, as the bot would answer", async () => {
    const albanian = (await (await askSession(initDataFor(ADMIN_ID, { languageCode: "sq" }))).json()) as DeskSession;
    expect(albanian).toMatchObject({ locale: "sq", dir: "ltr", role: "admin" });
    expect(albanian.choices.statuses.find((s) => s.code === "registered")?.label).toBe(bot.app.i18n.t("sq", "status-registered"));
    // A language the bot does not have: the bot's default (Persian). A stored language wins over the app's.
    expect(((await (await askSession(initDataFor(ADMIN_ID, { languageCode: "de" }))).json()) as DeskSession).locale).toBe("fa");
    expect(((await (await askSession(initDataFor(VOLUNTEER_ID, { languageCode: "sq" }))).json()) as DeskSession).locale).toBe("en");
  });

  it("a coordinator whose role is revoked between two requests is refused on the second, with the same init data", async () => {
    const { services } = bot.app;
    const invite = await services.team.createInvite({ userId: ADMIN_ID }, "coordinator", []);
    if (!invite.ok) throw new Error(invite.error);
    const leaving = 971010;
    await services.team.acceptInvite(leaving, invite.value.code);
    const initData = initDataFor(leaving);
    expect((await askSession(initData)).status).toBe(200);
    const revoked = await services.team.revoke({ userId: ADMIN_ID }, leaving, "coordinator");
    expect(revoked.ok).toBe(true);
    const after = await askSession(initData);
    expect(after.status).toBe(403);
  });
});

describe("what every desk answer carries", () => {
  it("a strict Content-Security-Policy, nosniff and no referrer, on refusals, answers and the page alike", async () => {
    const answers = [await askSession(undefined), await askSession(initDataFor(COORDINATOR_ID)), await fetch(`${bot.app.httpUrl}/desk/`)];
    for (const response of answers) {
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors https://web.telegram.org https://*.telegram.org");
      // Local mode and tests: the emulator's web chat may show the desk too, by either loopback name.
      const port = new URL(bot.emulator.apiRoot).port;
      expect(csp).toContain(`http://127.0.0.1:${port} http://localhost:${port}`);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    }
    expect(answers[1]!.headers.get("cache-control")).toBe("no-store");
  });

  it("/healthz is still the health check, and paths beside /desk are not the desk's", async () => {
    expect((await fetch(`${bot.app.httpUrl}/healthz`)).status).toBe(200);
    const beside = await fetch(`${bot.app.httpUrl}/desktop`);
    expect(beside.status).toBe(404);
    expect(beside.headers.get("content-security-policy")).toBeNull();
  });

  it("a body over 64 KB is refused before anything reads it", async () => {
    const response = await fetch(`${bot.app.httpUrl}/desk/api/session`, {
      method: "POST",
      headers: { authorization: `tma ${initDataFor(COORDINATOR_ID)}`, "content-type": "application/json" },
      body: JSON.stringify({ filler: "x".repeat(70 * 1024) }),
    });
    expect(response.status).toBe(413);
  });
});

describe("the data routes stand behind the same door", () => {
  const routes: { method: "GET" | "POST"; path: string; body?: unknown }[] = [
    { method: "POST", path: "/desk/api/cases", body: { filter: {}, sort: { field: "registered", direction: "desc" }, page: 0 } },
    { method: "GET", path: "/desk/api/cases/000000000000000000000000" },
    { method: "POST", path: "/desk/api/cases/000000000000000000000000/status", body: { to: "under_review" } },
    { method: "GET", path: "/desk/api/overview" },
    { method: "POST", path: "/desk/api/export", body: { filter: {} } },
  ];
  const ask = (route: (typeof routes)[number], initData: string | undefined, rawBody?: string) =>
    fetch(`${bot.app.httpUrl}${route.path}`, {
      method: route.method,
      headers: { "content-type": "application/json", ...(initData === undefined ? {} : { authorization: `tma ${initData}` }) },
      ...(route.method === "POST" ? { body: rawBody ?? JSON.stringify(route.body) } : {}),
    });

  it("every route: 401 without init data or with stale init data, 403 for a family member", async () => {
    for (const route of routes) {
      expect((await ask(route, undefined)).status, route.path).toBe(401);
      expect((await ask(route, initDataFor(COORDINATOR_ID, { minutesAgo: 61 }))).status, route.path).toBe(401);
      expect((await ask(route, initDataFor(FAMILY_ID))).status, route.path).toBe(403);
    }
  });

  it("a coordinator's table page answers; a body that is not JSON is 400; a volunteer may not export", async () => {
    const [cases, , , overview, exportRoute] = routes;
    const page = await ask(cases!, initDataFor(COORDINATOR_ID));
    expect(page.status).toBe(200);
    expect(await page.json()).toMatchObject({ rows: [], page: 0, total: 0 });
    expect((await ask(overview!, initDataFor(COORDINATOR_ID))).status).toBe(200);
    const broken = await ask(cases!, initDataFor(COORDINATOR_ID), "{ not json");
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ error: "invalid" });
    expect((await ask(exportRoute!, initDataFor(VOLUNTEER_ID))).status).toBe(403);
  });
});
