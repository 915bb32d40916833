import { createConversation } from "@grammyjs/conversations";
import type { I18n } from "@grammyjs/i18n";
import { Composer, InlineKeyboard } from "grammy";
import { formatEventTime } from "../../../domain/events.js";
import { formatDigits } from "../../../domain/digits.js";
import { provinceName } from "../../../domain/provinces.js";
import type { EventSummary } from "../../../services/events.js";
import { onButton } from "../../buttons.js";
import type { BotContext, ConversationContext } from "../../context.js";
import { enterConversation, type BotConversation } from "../../conversationKit.js";
import { requirePermission } from "../../middleware/requirePermission.js";
import { eventActionButton, eventCardButton, rsvpButton } from "./callbacks.js";
import { countsText, eventBody, eventTextFor } from "./eventText.js";
import { askStartTime, createNewEventConversation, NEW_EVENT_CONVERSATION } from "./newEventConversation.js";

export const MOVE_EVENT_CONVERSATION = "moveEvent";

/** "Move": the new start time on the organiser's clock; everyone who answered is told. */
async function moveEvent(conversation: BotConversation, ctx: ConversationContext, eventId: string): Promise<void> {
  const startsAt = await askStartTime(conversation, ctx, "ev-ask-new-time");
  if (!startsAt) return void (await ctx.reply(ctx.t("ev-discarded")));
  const moved = await conversation.external((outside) => outside.services.events.move(outside.profile.actor, eventId, startsAt));
  if (!moved.ok) return void (await ctx.reply(ctx.t(`ev-error-${moved.error}`)));
  const locale = await conversation.external((outside) => outside.i18n.getLocale());
  await ctx.reply(ctx.t("ev-moved", { count: formatDigits(moved.value.told, locale) }));
}

/**
 * Events: /newevent (coordinators; volunteers for their provinces), /events with each event's
 * answers per province and language, Move and Cancel; and the Yes / Maybe / No buttons under an
 * invitation, which anyone invited may press (and press again to change their answer).
 */
export function eventsFeature(i18n: I18n<BotContext>) {
  const composer = new Composer<BotContext>();
  const conversations = [
    createConversation<BotContext, ConversationContext>(createNewEventConversation(i18n.locales), NEW_EVENT_CONVERSATION),
    createConversation<BotContext, ConversationContext>(moveEvent, MOVE_EVENT_CONVERSATION),
  ];

  async function timeZoneOf(ctx: BotContext): Promise<string> {
    return ctx.services.events.timeZoneOf(ctx.profile.id);
  }

  async function showCard(ctx: BotContext, event: EventSummary): Promise<void> {
    const locale = await ctx.i18n.getLocale();
    const t = (key: string, args?: Record<string, string | number>) => ctx.t(key, args);
    const lines = [eventBody(t, event.texts, event.startsAt, locale, await timeZoneOf(ctx)), ctx.t(`ev-state-${event.state}`)];
    if (event.link) lines.push(ctx.t("ev-link", { link: event.link }));
    lines.push(countsText(t, event.counts, locale, (code) => (code === "unknown" ? ctx.t("ev-province-unknown") : provinceName(code, locale))));
    const keyboard = new InlineKeyboard();
    if (event.state !== "cancelled") {
      keyboard.text(ctx.t("ev-button-move"), eventActionButton.pack({ action: "move", id: event.id }));
      keyboard.text(ctx.t("ev-button-cancel-event"), eventActionButton.pack({ action: "cancel", id: event.id }));
    }
    await ctx.reply(lines.join("\n\n"), { reply_markup: keyboard });
  }

  composer.command("newevent", requirePermission("event.manage"), (ctx) => enterConversation(ctx, NEW_EVENT_CONVERSATION));

  composer.command("events", requirePermission("event.manage"), async (ctx) => {
    const result = await ctx.services.events.list(ctx.profile.actor);
    if (!result.ok) return void (await ctx.reply(ctx.t("error-not-allowed")));
    if (result.value.length === 0) return void (await ctx.reply(ctx.t("ev-list-empty")));
    const locale = await ctx.i18n.getLocale();
    const timeZone = await timeZoneOf(ctx);
    const keyboard = new InlineKeyboard();
    for (const event of result.value) {
      const label = `${eventTextFor(event.texts, locale).title.slice(0, 40)} — ${formatEventTime(event.startsAt, locale, timeZone)}`;
      keyboard.text(label.slice(0, 64), eventCardButton.pack({ id: event.id })).row();
    }
    await ctx.reply(ctx.t("ev-list-title"), { reply_markup: keyboard });
  });

  onButton(composer, eventCardButton, requirePermission("event.manage"), async (ctx, { id }) => {
    const result = await ctx.services.events.card(ctx.profile.actor, id);
    await ctx.answerCallbackQuery(result.ok ? {} : { text: ctx.t("error-not-allowed") });
    if (result.ok) await showCard(ctx, result.value);
  });

  onButton(composer, eventActionButton, requirePermission("event.manage"), async (ctx, { action, id }) => {
    await ctx.answerCallbackQuery();
    if (action === "move") return enterConversation(ctx, MOVE_EVENT_CONVERSATION, id);
    if (action === "cancel") {
      const keyboard = new InlineKeyboard().text(ctx.t("ev-button-confirm-cancel"), eventActionButton.pack({ action: "confirm-cancel", id }));
      return void (await ctx.reply(ctx.t("ev-confirm-cancel"), { reply_markup: keyboard }));
    }
    const cancelled = await ctx.services.events.cancel(ctx.profile.actor, id);
    if (!cancelled.ok) return void (await ctx.reply(ctx.t(`ev-error-${cancelled.error}`)));
    const locale = await ctx.i18n.getLocale();
    await ctx.reply(ctx.t("ev-cancelled", { count: formatDigits(cancelled.value.told, locale) }));
  });

  // Anyone invited answers; the service finds the event and keeps one answer per person.
  onButton(composer, rsvpButton, async (ctx, { answer, id }) => {
    const result = await ctx.services.events.answer(ctx.profile.id, id, answer, await ctx.i18n.getLocale());
    if (!result.ok) return void (await ctx.answerCallbackQuery({ text: ctx.t(result.error === "not_open" ? "ev-error-not_open" : "error-button-expired"), show_alert: true }));
    await ctx.answerCallbackQuery({ text: ctx.t(`ev-answer-${answer}`) });
    const locale = await ctx.i18n.getLocale();
    const { event, timeZone } = result.value;
    const lines = [ctx.t(`ev-answered-${answer}`, { title: eventTextFor(event.texts, locale).title, time: formatEventTime(event.startsAt, locale, timeZone) })];
    // The link only for Yes and Maybe: the service leaves it out otherwise.
    if (event.link) lines.push(ctx.t("ev-link", { link: event.link }));
    lines.push(ctx.t("ev-answered-change"));
    await ctx.reply(lines.join("\n\n"));
  });

  return { composer, conversations };
}
