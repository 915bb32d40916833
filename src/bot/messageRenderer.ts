import type { I18n } from "@grammyjs/i18n";
import type { MessageRenderer, OutgoingContent } from "../delivery/types.js";
import { formatDigits } from "../domain/digits.js";
import type { Notice } from "../domain/notices.js";
import { pickLocalized } from "../domain/petitions/content.js";
import type { BotContext } from "./context.js";
import { progressKeyboard, progressText } from "./features/broadcasts/progressReport.js";
import { eventBody, eventTextFor, rsvpKeyboard } from "./features/events/eventText.js";
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

  /** Event news on the readers' clock (the job's zone) and calendar; the link only in reminders, which go to Yes and Maybe. */
  function eventNews(locale: string, notice: Extract<Notice, { kind: "event-invitation" | "event-reminder" | "event-change" }>): OutgoingContent {
    const tl = (key: string, args?: Record<string, string | number>) => t(locale, key, args);
    const body = eventBody(tl, notice.texts, notice.startsAt, locale, notice.timeZone);
    switch (notice.kind) {
      case "event-invitation":
        return { text: `${tl("ev-invitation")}\n\n${body}\n\n${tl("ev-invitation-question")}`, inlineKeyboard: rsvpKeyboard(tl, notice.eventId) };
      case "event-reminder": {
        const lines = [tl(notice.before === "24h" ? "ev-reminder-24h" : "ev-reminder-1h"), body];
        if (notice.link) lines.push(tl("ev-link", { link: notice.link }));
        return { text: lines.join("\n\n") };
      }
      case "event-change":
        if (notice.change === "cancelled") return { text: `${tl("ev-change-cancelled")}\n\n${eventTextFor(notice.texts, locale).title}` };
        return { text: `${tl("ev-change-moved")}\n\n${body}\n\n${tl("ev-change-moved-question")}`, inlineKeyboard: rsvpKeyboard(tl, notice.eventId) };
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
        case "event-invitation":
        case "event-reminder":
        case "event-change":
          return { content: eventNews(locale, notice), locale };
        case "registration-unfinished":
        case "case-checkin":
        case "petition-last-call":
        case "petition-closed":
          return { content: reminder(locale, notice), locale };
      }
    },
  };
}
