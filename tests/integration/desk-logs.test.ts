import { sign } from "@telegram-apps/init-data-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESK_ON_THIS_SERVER } from "../../src/app.js";
import { startTestBot, type TestBot } from "../support/botHarness.js";
import { captureLogs } from "../support/logCapture.js";

// The desk's requests carry a person's signed init data (their Telegram id, name, username) and
// bodies with names typed into filters: none of it may reach a log line, not even when a request fails.
const CANARY_ID = 6180339881;
const CANARY_FIRST = "Canarydeskfirst";
const CANARY_USERNAME = "canary_desk_handle";
const CANARY_TYPED_NAME = "Canarytyped Qwxz";

const { logger: capturingLogger, lines: lines } = captureLogs();

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({
    adminIds: [CANARY_ID],
    logger: capturingLogger,
    config: { deskUrl: DESK_ON_THIS_SERVER },
    overrides: {
      // The search fails the way a database does: its message quotes the id and the typed name.
      wrapServices: (services) => ({
        ...services,
        caseSearch: new Proxy(services.caseSearch, {
          get: (target, property) => {
            const value = Reflect.get(target, property) as unknown;
            if (typeof value !== "function") return value;
            return async () => {
              throw new Error(`Cast to string failed for value "${CANARY_TYPED_NAME}" at ${CANARY_ID}`);
            };
          },
        }),
      }),
    },
  });
}, 60_000);
afterAll(() => bot?.stop());

function initData(minutesAgo = 1): string {
  const user = { id: CANARY_ID, first_name: CANARY_FIRST, username: CANARY_USERNAME, language_code: "fa" };
  return sign({ query_id: "AAH-desk-logs", user }, bot.emulator.token, new Date(Date.now() - minutesAgo * 60_000));
}

describe("the desk writes nothing personal to the logs", () => {
  it("a session, a refused request and a failing search: the logs hold no id, name, username, init data or typed name", async () => {
    const fresh = initData();
    const headers = { authorization: `tma ${fresh}`, "content-type": "application/json" };
    expect((await fetch(`${bot.app.httpUrl}/desk/api/session`, { headers })).status).toBe(200);
    expect((await fetch(`${bot.app.httpUrl}/desk/api/session`, { headers: { authorization: `tma ${initData(90)}` } })).status).toBe(401);
    const body = JSON.stringify({ filter: { name: CANARY_TYPED_NAME }, sort: { field: "registered", direction: "desc" }, page: 0 });
    const failed = await fetch(`${bot.app.httpUrl}/desk/api/cases`, { method: "POST", headers, body });
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ error: "internal" });
    // The failure is logged (by its route, scrubbed), so the check below reads real log lines.
    expect(lines.some((line) => line.includes("desk request failed") && line.includes("/desk/api/cases"))).toBe(true);
    const hash = new URLSearchParams(fresh).get("hash")!;
    for (const canary of [String(CANARY_ID), CANARY_FIRST, CANARY_USERNAME, CANARY_TYPED_NAME, hash, "tma "]) {
      expect(lines.filter((line) => line.includes(canary)), canary).toEqual([]);
    }
  });
});
