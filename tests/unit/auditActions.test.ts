import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { actionText } from "../../src/bot/features/audit/actionText.js";
import { createI18n } from "../../src/bot/i18n.js";
import { AUDIT_ACTIONS, AUDIT_KINDS, auditActionLabelKey, isAuditAction, readAuditEntry } from "../../src/domain/auditActions.js";
import { parseAuditFilter } from "../../src/domain/auditFilter.js";

const root = path.resolve(import.meta.dirname, "../..");
const i18n = createI18n("fa", async () => undefined);
const LOCALES = readdirSync(path.join(root, "locales"))
  .filter((f) => f.endsWith(".ftl"))
  .map((f) => f.replace(".ftl", ""));

/** The feature's `ctx.t` in one locale, without a bot. */
const readerIn = (locale: string) => (key: string, args?: Record<string, string | number>) => i18n.t(locale, key, args);
const plain = (text: string) => text.replace(/[\u2068\u2069]/g, "");
const phrase = (locale: string, action: string, details?: Record<string, unknown>) => plain(actionText(readerIn(locale), readAuditEntry(action, details), locale));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

describe("every action in the audit trail has a label a person can read", () => {
  it("each action the domain lists has a label in every locale (Persian, English, Albanian, and any added), with every value it names given", () => {
    expect(LOCALES).toEqual(expect.arrayContaining(["fa", "en", "sq"]));
    // No fallback language here: a label missing in one locale comes back as its key, a value the label names but is not given throws.
    const strict = createI18n("none", async () => undefined);
    const reader = (locale: string) => (key: string, args?: Record<string, string | number>) => strict.t(locale, key, args);
    const missing = LOCALES.flatMap((locale) =>
      AUDIT_ACTIONS.filter((action) => {
        const text = actionText(reader(locale), readAuditEntry(action, {}), locale);
        return text === auditActionLabelKey(action) || text.includes("audit-");
      }).map((action) => `${locale}: ${action}`),
    );
    expect(missing).toEqual([]);
  });

  it("each action code the services store is one of those actions (the type checks audit.record; this also catches direct writes)", () => {
    const source = sourceFiles(path.join(root, "src/services")).map((f) => readFileSync(f, "utf8"));
    const recorded = source.flatMap((text) => [
      ...[...text.matchAll(/audit\.record\([^,]+,\s*["'`]([^"'`]+)["'`]/g)].map((m) => m[1]!),
      ...[...text.matchAll(/auditEvents\.create\(\{[^}]*action:\s*["'`]([^"'`]+)["'`]/g)].map((m) => m[1]!),
    ]);
    expect(recorded.length).toBeGreaterThan(25);
    const templated = recorded.filter((code) => code.includes("${"));
    const literal = recorded.filter((code) => !code.includes("${"));
    expect(literal.filter((code) => !isAuditAction(code))).toEqual([]);
    // `broadcast.${action}` (pause, resume, cancel): each has its own entry.
    expect(templated).toEqual(["broadcast.${action}"]);
    expect(["broadcast.pause", "broadcast.resume", "broadcast.cancel"].every(isAuditAction)).toBe(true);
  });

  it("each kind an admin can filter by lists actions the trail knows", () => {
    for (const actions of Object.values(AUDIT_KINDS)) expect(actions.every((a) => isAuditAction(a))).toBe(true);
  });
});

describe("what /audit shows of an entry: counts, statuses and kinds — never content", () => {
  it("a search reads as what it was by and how many it found, in Persian digits for a Persian reader", () => {
    expect(phrase("en", "case.search", { filter: "name", results: 3, page: 0 })).toBe("searched cases by name: 3 results");
    expect(phrase("en", "case.search", { filter: "name+province", results: 1 })).toBe("searched cases by name, province: one result");
    expect(phrase("fa", "case.search", { filter: "name", results: 3 })).toBe("پرونده‌ها را با نام جستجو کرد: ۳ نتیجه");
    expect(phrase("en", "case.search", { filter: "all", results: 300 })).toBe("listed all cases: 300 results");
    expect(phrase("fa", "case.search", { filter: "all", results: 300 })).toBe("فهرست همهٔ پرونده‌ها را دید: ۳۰۰ نتیجه");
    expect(phrase("sq", "case.export", { filter: "all", rows: 120 })).toBe("eksportoi 120 raste (filtri: të gjitha rastet)");
    expect(phrase("fa", "case.export", { filter: "all", rows: 1200 })).toBe("فهرست ۱٬۲۰۰ پرونده را گرفت (جستجو با: همهٔ پرونده‌ها)");
  });

  it("a status change names both statuses in the reader's words", () => {
    expect(phrase("en", "case.status", { from: "registered", to: "verified" })).toBe("changed a case's status from “Registered” to “Verified”");
    expect(phrase("fa", "petition.status", { from: "open", to: "closed" })).toMatch(/^وضعیت یک طومار را از «باز» به «[^»]+» تغییر داد$/);
    expect(phrase("en", "role.revoke", { role: "coordinator", invitesVoided: 2 })).toBe("took back the role Coordinator (2 open invitations voided)");
  });

  it("a stored field outside the whitelist, or of another shape, is never shown", () => {
    const view = readAuditEntry("case.search", { filter: "name", results: 2, name: "Kazemi", query: { $gt: "" } });
    expect(view).toEqual({ action: "case.search", details: { filter: ["name"], results: 2 } });
    // A filter kind that is not made of the search's field names is dropped, not echoed.
    expect(readAuditEntry("case.search", { filter: "Kazemi", results: 2 })).toEqual({ action: "case.search", details: { results: 2 } });
    expect(phrase("en", "case.search", { filter: "Kazemi", results: 2 })).toBe("searched cases by ?: 2 results");
    expect(readAuditEntry("case.status", { from: "registered", to: "<b>x</b>" })).toEqual({ action: "case.status", details: { from: "registered" } });
  });

  it("an older code the list does not know is shown as its code, nothing else", () => {
    expect(readAuditEntry("case.peek", { name: "x" })).toEqual({ action: "unknown", code: "case.peek" });
    expect(phrase("en", "case.peek")).toBe("case.peek");
  });

  it("statistics read for all provinces or for some", () => {
    expect(phrase("en", "stats.view", { scope: "all" })).toBe("viewed the statistics: all provinces");
    expect(phrase("fa", "stats.view", { scope: 2 })).toBe("آمار را دید: ۲ استان");
  });
});

describe("/audit's typed kind of action", () => {
  it("reads the kind in English, Persian and Albanian, with the other filters in any order", () => {
    expect(parseAuditFilter("exports")).toEqual({ ok: true, filter: { kind: "exports" } });
    expect(parseAuditFilter("خروجی من")).toEqual({ ok: true, filter: { kind: "exports", person: "me" } });
    expect(parseAuditFilter("1405/09/07 statusi")).toEqual({ ok: true, filter: { day: "2026-11-28", kind: "statuses" } });
    expect(parseAuditFilter("Roles 123")).toEqual({ ok: true, filter: { kind: "roles", person: 123 } });
  });

  it("refuses a second kind or an unknown word", () => {
    expect(parseAuditFilter("exports views")).toEqual({ ok: false, error: "unknown_filter" });
    expect(parseAuditFilter("downloads")).toEqual({ ok: false, error: "unknown_filter" });
  });
});
