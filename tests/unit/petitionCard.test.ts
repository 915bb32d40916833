import { describe, expect, it } from "vitest";
import { petitionCard } from "../../src/bot/features/petitions/petitionText.js";
import { createI18n } from "../../src/bot/i18n.js";
import { PETITION_LIMITS } from "../../src/domain/petitions/content.js";
import type { PetitionSummary } from "../../src/services/petitions.js";

const i18n = createI18n("fa", async () => undefined);

describe("a petition card", () => {
  it.each(["fa", "en", "sq"])("fits one Telegram message in %s even at every limit", (locale) => {
    const longest: PetitionSummary = {
      id: "x",
      ref: "abcdefgh",
      status: "open",
      texts: [{ locale, title: "ت".repeat(PETITION_LIMITS.title), body: "م".repeat(PETITION_LIMITS.body) }],
      addressee: "A".repeat(PETITION_LIMITS.addressee),
      goal: 10_000_000,
      deadline: new Date("2027-09-22T20:29:59Z"),
      milestones: [],
      textVersion: 1,
      frozen: true,
      createdAt: new Date("2026-11-27T10:00:00Z"),
      closedAt: null,
      deliveredAt: null,
      count: 9_999_999,
    };
    const card = petitionCard(
      { t: (key, variables) => i18n.t(locale, key, variables) },
      longest,
      { state: "active", signedAt: new Date("2026-11-27T10:00:00Z"), textVersion: 1 },
      { locale, timeZone: "Asia/Tehran", botUsername: "family_reach_bot", now: new Date("2026-11-28T10:00:00Z") },
    );
    // Telegram counts UTF-16 code units.
    expect(card.text.length).toBeLessThanOrEqual(4096);
    expect(card.text).toContain("م".repeat(PETITION_LIMITS.body));
  });
});
