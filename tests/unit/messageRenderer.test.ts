// The one message renderer: news sent outside a conversation gets its words here, from the bot's
// own i18n, in the recipient's language — or the default one when the bot does not speak theirs.
import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { createMessageRenderer } from "../../src/bot/messageRenderer.js";
import type { BotContext } from "../../src/bot/context.js";
import { plain } from "../support/botHarness.js";

const i18n = createI18n<BotContext>("fa", async () => undefined);
const messages = createMessageRenderer(i18n, { defaultLocale: "fa", botUsername: "family_reach_bot" });

describe("the message renderer", () => {
  it("tells a Persian mother her son's case moved on, in Persian digits, with the association's note", () => {
    const { content, locale } = messages.render("fa", { kind: "case-status", reference: "RF-4821", fullName: "بهرام کاناری", status: "under_review", familyNote: "نامه به دفتر رسید." });
    expect(locale).toBe("fa");
    expect(plain(content.text)).toContain("بهرام کاناری");
    expect(plain(content.text)).toContain("۴۸۲۱");
    expect(plain(content.text)).toContain("در حال بررسی");
    expect(plain(content.text)).toContain("پیام انجمن: نامه به دفتر رسید.");
  });

  it("falls back to the default language for a language the bot does not have, and says which one it used", () => {
    const rendered = messages.render("de", { kind: "case-status", reference: "RF-1000", fullName: "Sara K.", status: "under_review" });
    expect(rendered.locale).toBe("fa");
    expect(plain(rendered.content.text)).toContain("در حال بررسی");
    expect(plain(rendered.content.text)).not.toContain("پیام انجمن");
  });

  it("announces a milestone in English with the petition's English title and a button that opens it", () => {
    const { content } = messages.render("en", {
      kind: "petition-milestone",
      ref: "ab12cd",
      titles: [
        { locale: "fa", title: "بازگشت به خانه" },
        { locale: "en", title: "Let them call home" },
      ],
      milestone: 1000,
      goal: 5000,
    });
    expect(plain(content.text)).toContain("«Let them call home» has reached 1,000 signatures");
    expect(content.inlineKeyboard?.[0]?.[0]).toMatchObject({ text: "📜 Open the petition" });
    expect(content.inlineKeyboard?.[0]?.[0]?.url).toMatch(/^https:\/\/t\.me\/family_reach_bot\?start=/);
  });

  it("gives a running broadcast's progress pause and cancel buttons, and the final report none", () => {
    const figures = { jobId: "bc-1", total: 10, sent: 4, failed: 0, skipped: 0, pending: 6 };
    const running = messages.render("en", { kind: "broadcast-progress", state: "running", final: false, ...figures }).content;
    expect(running.inlineKeyboard?.flat().map((b) => b.text)).toEqual(["⏸ Pause", "✖️ Cancel sending"]);
    expect(running.inlineKeyboard?.flat().every((b) => typeof b.callbackData === "string")).toBe(true);
    const done = messages.render("en", { kind: "broadcast-progress", state: "done", final: true, ...figures, sent: 10, pending: 0 }).content;
    expect(plain(done.text)).toContain("Finished: 10 sent");
    expect(done.inlineKeyboard).toBeUndefined();
  });
});
