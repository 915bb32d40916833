import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { sign } from "@telegram-apps/init-data-node";
import { DatabaseUnavailableError } from "../../src/db/connection.js";
import { createDeskServer } from "../../src/desk/server/deskServer.js";
import type { Actor } from "../../src/domain/roles.js";
import { silentLogger } from "../../src/logger.js";

// The desk's page as the bot's HTTP server serves it: from dist/desk when built, a plain line when not.
const BOT_TOKEN = "123456:page-test";
const built = mkdtempSync(path.join(tmpdir(), "desk-page-"));
const notBuilt = mkdtempSync(path.join(tmpdir(), "desk-empty-"));
mkdirSync(path.join(built, "assets"));
const script = `console.log(${JSON.stringify("desk ".repeat(2000))});`;
writeFileSync(path.join(built, "index.html"), '<!doctype html><html><head><script type="module" src="assets/desk-abc123.js"></script></head><body></body></html>');
writeFileSync(path.join(built, "assets", "desk-abc123.js"), script);
writeFileSync(path.join(built, "secret.txt"), "not for the web");
afterAll(() => {
  rmSync(built, { recursive: true, force: true });
  rmSync(notBuilt, { recursive: true, force: true });
});

function deskOn(pageDirectory: string, actorNow: (userId: number) => Promise<Actor> = async (userId) => ({ userId, roles: ["family"], provinces: [] })) {
  return createDeskServer({
    botToken: BOT_TOKEN,
    clock: { now: () => new Date() },
    log: silentLogger,
    users: {
      actorNow,
      settingsOf: async () => ({ timeZone: "Asia/Tehran", timeZoneChosen: false, reminderOptOuts: [] }),
    },
    locations: { listActive: async () => [] },
    i18n: { t: (_locale, key) => key, locales: ["fa", "en", "sq"] },
    localesDirectory: path.resolve("locales"),
    defaultLocale: "fa",
    defaultTimeZone: "Asia/Tehran",
    pageDirectory,
    frameAncestors: [],
  });
}
const get = (desk: ReturnType<typeof deskOn>, url: string, headers: Record<string, string> = {}) => desk.fetch(new Request(`http://127.0.0.1${url}`, { headers }));

describe("the desk's page", () => {
  it("not built yet: 503 and a plain line saying what to run", async () => {
    const response = await get(deskOn(notBuilt), "/desk/");
    expect(response.status).toBe(503);
    expect(await response.text()).toContain("npm run build:desk");
  });

  it("index.html is never cached (it names the current assets); a hashed asset is cached for a year", async () => {
    const desk = deskOn(built);
    const index = await get(desk, "/desk/");
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(index.headers.get("cache-control")).toBe("no-cache");
    expect(await index.text()).toContain("assets/desk-abc123.js");
    const asset = await get(desk, "/desk/assets/desk-abc123.js");
    expect(asset.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await asset.text()).toBe(script);
  });

  it("compressed with brotli or gzip when the client asks, and the same bytes once unpacked", async () => {
    const desk = deskOn(built);
    const br = await get(desk, "/desk/assets/desk-abc123.js", { "accept-encoding": "gzip, deflate, br" });
    expect(br.headers.get("content-encoding")).toBe("br");
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brBytes.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(brBytes).toString()).toBe(script);
    const gzip = await get(desk, "/desk/assets/desk-abc123.js", { "accept-encoding": "gzip" });
    expect(gzip.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(script);
    expect(gzip.headers.get("vary")).toBe("Accept-Encoding");
  });

  it("nothing outside assets/ is served: no other file, no way up the tree", async () => {
    const desk = deskOn(built);
    for (const url of ["/desk/secret.txt", "/desk/assets/../secret.txt", "/desk/assets/%2e%2e/secret.txt", "/desk/assets/.hidden.js", "/desk/assets/missing.js"]) {
      const response = await get(desk, url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain("not for the web");
    }
  });

  it("the page carries the strict headers too", async () => {
    const response = await get(deskOn(built), "/desk/");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(response.headers.get("content-security-policy")).toContain("form-action 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-robots-tag")).toBe("noindex, nofollow");
  });
});

describe("the desk's API when the database is away", () => {
  it("answers 503 { error: unavailable } (the page offers to try again), not a 500", async () => {
    const desk = deskOn(built, async () => {
      throw new DatabaseUnavailableError(new Error("connection 3 to 127.0.0.1:27017 closed"));
    });
    const initData = sign({ query_id: "AAH-desk-db", user: { id: 5150, first_name: "Test" } }, BOT_TOKEN, new Date());
    const response = await get(desk, "/desk/api/session", { authorization: `tma ${initData}` });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: "unavailable" });
  });
});
