import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildDesk } from "../../scripts/buildDesk.js";

// `npm run build` compiles the server first (dist/desk/server/*.js is the desk's HTTP code the bot
// imports), then bundles the page into the same dist/desk: the page's build must not sweep the server away.
const outDir = mkdtempSync(path.join(tmpdir(), "desk-build-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe("the page's build beside the compiled server", () => {
  it("replaces the page's files and keeps dist/desk/server and dist/desk/shared", async () => {
    mkdirSync(path.join(outDir, "server"), { recursive: true });
    mkdirSync(path.join(outDir, "shared"), { recursive: true });
    mkdirSync(path.join(outDir, "assets"), { recursive: true });
    writeFileSync(path.join(outDir, "server", "deskServer.js"), "export {};\n");
    writeFileSync(path.join(outDir, "shared", "deskApi.js"), "export {};\n");
    writeFileSync(path.join(outDir, "assets", "desk-OLDHASH.js"), "old\n");
    await buildDesk(outDir);
    expect(existsSync(path.join(outDir, "server", "deskServer.js"))).toBe(true);
    expect(existsSync(path.join(outDir, "shared", "deskApi.js"))).toBe(true);
    expect(existsSync(path.join(outDir, "index.html"))).toBe(true);
    expect(existsSync(path.join(outDir, "assets", "desk-OLDHASH.js"))).toBe(false);
  }, 60_000);
});
