// `npm run build:desk`: esbuild bundles the desk's page into index.html + hashed JS, CSS and fonts,
// with nothing inline (the page's CSP allows only files from 'self') and a first load under 200 KB gzip.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDesk, type DeskBuild } from "../../scripts/buildDesk.js";

describe("the desk's page build", () => {
  let built: DeskBuild;
  let html: string;
  const outDir = path.join(mkdtempSync(path.join(tmpdir(), "desk-build-")), "desk");

  beforeAll(async () => {
    built = await buildDesk(outDir);
    html = readFileSync(path.join(outDir, "index.html"), "utf8");
  }, 60_000);
  afterAll(() => rmSync(path.dirname(outDir), { recursive: true, force: true }));

  it("writes index.html referencing hashed JS and CSS files that exist", () => {
    const refs = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(refs).toHaveLength(2);
    expect(refs.some((r) => /^assets\/desk-[A-Z0-9]{8}\.js$/.test(r))).toBe(true);
    expect(refs.some((r) => /^assets\/desk-[A-Z0-9]{8}\.css$/.test(r))).toBe(true);
    for (const ref of refs) expect(existsSync(path.join(outDir, ref)), ref).toBe(true);
    expect(html).toContain('<html lang="fa" dir="rtl">');
  });

  it("has no inline script, inline style or third-party address for the CSP to block", () => {
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=/);
    const css = readFileSync(path.join(outDir, built.entryFiles.find((f) => f.endsWith(".css"))!), "utf8");
    const js = readFileSync(path.join(outDir, built.entryFiles.find((f) => f.endsWith(".js"))!), "utf8");
    expect(/url\(\s*["']?(https?:)?\/\//.test(css), "a stylesheet address off this server").toBe(false);
    expect(js.match(/https?:\/\/(?!www\.w3\.org)[^"'\s]*/g), "an address off this server").toBeNull();
    // The fonts the stylesheet names are bundled beside it.
    const fonts = [...css.matchAll(/url\(["']?\.?\/?([^"')]+\.woff2)["']?\)/g)].map((m) => m[1]!);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(existsSync(path.join(outDir, "assets", font)), font).toBe(true);
  });

  it("carries the words shown before the session answers, from the locale files", () => {
    const js = readFileSync(path.join(outDir, built.entryFiles.find((f) => f.endsWith(".js"))!), "utf8");
    expect(js.includes("زمان این صفحه گذشته است"), "Persian boot words").toBe(true);
    expect(js.includes("This page has expired"), "English boot words").toBe(true);
  });

  it("stays under 200 KB gzip for the whole first load (page, script, stylesheet and Persian fonts)", () => {
    const files = ["index.html", ...readdirSync(path.join(outDir, "assets")).map((f) => `assets/${f}`)];
    const total = files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(outDir, f)), { level: 9 }).length, 0);
    console.log(`desk first load: ${(total / 1024).toFixed(1)} KB gzip over ${files.length} files`);
    expect(total).toBeLessThan(200 * 1024);
  });
});
