import type { I18n } from "@grammyjs/i18n";
import type { MessageRenderer, OutgoingContent } from "../delivery/types.js";
import { formatDigits } from "../domain/digits.js";
import type { Notice } from "../domain/notices.js";
import { pickLocalized } from "../domain/petitions/content.js";
import type { BotContext } from "./context.js";
import { progressKeyboard, progressText } from "./features/broadcasts/progressReport.js";
import { formatDay, petitionLink } from "./features/petitions/petitionText.js";
import { resumeButton } from "./features/registration/callbacks.js";

/**
 * The one place where news outside a conversation gets its words: built once from the bot's i18n
 * (the same instance the features use), handed to the delivery worker, which renders each job's
 * subject in the recipient's language at the moment it sends, and to the broadcast progress
 * reporter, which edits the sender's live progress message.
 */
export function createMessageRenderer(
  i18n: I18n<BotContext>,
  options: { defaultLocale: string; botUsername: string; /** Petition deadlines are days on the organisers' clock (TZ_DEFAULT). */ organiserTimeZone?: string },
): MessageRenderer {
  const locales = i18n.locales;
  const t = (locale: string, key: string, args?: Record<string, string | number>) => i18n.t(locale, key, args);

  function caseStatusNews(locale: string, notice: Extract<Notice, { kind: "case-status" }>): OutgoingContent {
    // The internal note never goes in it: the notice carries only what families may read.
    const status = t(locale, `status-${notice.status}`) + (notice.closeReason ? ` (${t(locale, `close-reason-${notice.closeReason}`)})` : "");
    const lines = [t(locale, "case-news", { name: notice.fullName, reference: formatDigits(notice.reference, locale), status })];
    if (notice.familyNote) lines.push(t(locale, "case-news-note", { note: notice.familyNote }));
    lines.push(t(locale, "case-news-footer"));
    return { text: lines.join("\n\n") };
  }

  function milestoneNews(locale: string, notice: Extract<Notice, { kind: "petition-milestone" }>): OutgoingContent {
    const title = pickLocalized(notice.titles, locale)?.title ?? "";
    return {
      text: t(locale, "pet-milestone-news", { title, milestone: notice.milestone, goal: notice.goal }),
      inlineKeyboard: [[{ text: t(locale, "pet-button-open-petition"), url: petitionLink(options.botUsername, notice.ref) }]],
    };
  }

  function reminder(locale: string, notice: Extract<Notice, { kind: "registration-unfinished" | "case-checkin" | "petition-last-call" | "petition-closed" }>): OutgoingContent {
    switch (notice.kind) {
      case "registration-unfinished":
        // The same button as /start's offer: the stored conversation takes it and asks its open question again.
        return { text: t(locale, "reminder-registration-unfinished"), inlineKeyboard: [[{ text: t(locale, "reg-resume-continue"), callbackData: resumeButton.pack({ action: "continue" }) }]] };
      case "case-checkin":
        return { text: t(locale, "reminder-case-checkin") };
      case "petition-last-call": {
        const title = pickLocalized(notice.titles, locale)?.title ?? "";
        const date = formatDay(notice.deadline, { locale, timeZone: options.organiserTimeZone ?? "Asia/Tehran" });
        return {
          text: t(locale, "reminder-petition-last-call", { title, date }),
          inlineKeyboard: [[{ text: t(locale, "pet-button-open-petition"), url: petitionLink(options.botUsername, notice.ref) }]],
        };
      }
      case "petition-closed": {
        const title = pickLocalized(notice.titles, locale)?.title ?? "";
        return { text: t(locale, "pet-closed-news", { title, count: notice.signatures }) };
      }
    }
  }

  function broadcastProgress(locale: string, notice: Extract<Notice, { kind: "broadcast-progress" }>): OutgoingContent {
    const text = progressText(i18n, locale, notice, notice.final);
    // The final report has no buttons left: nothing to pause or cancel any more.
    if (notice.final) return { text };
    const keyboard = progressKeyboard((key) => t(locale, key), notice.jobId, notice.state);
    return { text, inlineKeyboard: keyboard.inline_keyboard.map((row) => row.map((button) => ({ text: button.text, callbackData: (button as { callback_data: string }).callback_data }))) };
  }

  return {
    locales,
    defaultLocale: options.defaultLocale,
    render(asked, notice) {
      const locale = locales.includes(asked) ? asked : options.defaultLocale;
      switch (notice.kind) {
        case "case-status":
          return { content: caseStatusNews(locale, notice), locale };
        case "petition-milestone":
          return { content: milestoneNews(locale, notice), locale };
        case "broadcast-progress":
          return { content: broadcastProgress(locale, notice), locale };
        case "registration-unfinished":
        case "case-checkin":
        case "petition-last-call":
        case "petition-closed":
          return { content: reminder(locale, notice), locale };
      }
    },
  };
}
