import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const localesDir = path.join(root, "locales");

function ftlKeys(file: string): Set<string> {
  const keys = new Set<string>();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const match = /^([a-z][a-z0-9_-]*)\s*=/.exec(line);
    if (match?.[1]) keys.add(match[1]);
  }
  return keys;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "emulator" ? [] : sourceFiles(full);
    // .tsx: the desk's web page (src/desk/web) asks for its `desk-*` words with t("desk-…") too.
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const locales = readdirSync(localesDir).filter((f) => f.endsWith(".ftl"));
const keysByLocale = new Map(locales.map((f) => [f.replace(".ftl", ""), ftlKeys(path.join(localesDir, f))]));
const source = sourceFiles(path.join(root, "src")).map((f) => readFileSync(f, "utf8")).join("\n");
/** Keys the code asks for by name: t("key"), t(locale, "key"), labelKey/textKey values, menu.show(ctx, "key"). */
const requestedKeys = new Set(
  [...source.matchAll(/(?:\bt\(\s*(?:[a-zA-Z.]+,\s*)?|labelKey:\s*|textKey\s*=\s*|show\(\s*ctx,\s*|Key\(\s*)"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)"/g)].map((m) => m[1]!),
);
/** Every kebab-case string literal, and prefixes of keys built at run time (`role-${role}`). */
const literals = new Set([...source.matchAll(/["'`]([a-z][a-z0-9]*(?:-[a-z0-9]+)+)["'`]/g)].map((m) => m[1]!));
const dynamicPrefixes = [...source.matchAll(/`([a-z][a-z0-9-]*-)\$\{/g)].map((m) => m[1]!);

describe("locale files", () => {
  it("include Persian (default), English and Albanian", () => {
    expect([...keysByLocale.keys()].sort()).toEqual(expect.arrayContaining(["en", "fa", "sq"]));
  });

  it.each([...keysByLocale.keys()])("%s defines exactly the same keys as fa", (locale) => {
    const fa = keysByLocale.get("fa")!;
    const other = keysByLocale.get(locale)!;
    expect([...fa].filter((k) => !other.has(k)), `missing in ${locale}.ftl`).toEqual([]);
    expect([...other].filter((k) => !fa.has(k)), `only in ${locale}.ftl`).toEqual([]);
  });

  it("define every key the code asks for", () => {
    expect(requestedKeys.size).toBeGreaterThan(10);
    for (const [locale, keys] of keysByLocale) {
      expect([...requestedKeys].filter((k) => !keys.has(k)), `missing in ${locale}.ftl`).toEqual([]);
    }
  });

  it("have no key the code never uses", () => {
    const unused = [...keysByLocale.get("fa")!].filter((key) => !literals.has(key) && !dynamicPrefixes.some((p) => key.startsWith(p)));
    expect(unused).toEqual([]);
  });
});

describe("right-to-left text", () => {
  it("isolates Latin names, links and digits inside Persian sentences so the line does not scramble", async () => {
    const { createI18n } = await import("../../src/bot/i18n.js");
    const i18n = createI18n("fa", async () => undefined);
    const text = i18n.t("fa", "invite-created", { role: "Volunteer", link: "https://t.me/x_bot?start=inv_AbC", hours: 48 });
    expect(text).toContain("\u2068https://t.me/x_bot?start=inv_AbC\u2069");
    expect(text).toContain("\u2068Volunteer\u2069");
    // Numbers are shown in Persian digits in the Persian locale.
    expect(text).toContain("\u2068۴۸\u2069");
  });
});
