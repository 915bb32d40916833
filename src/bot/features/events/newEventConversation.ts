import { InlineKeyboard } from "grammy";
import type { EventText } from "../../../db/models/event.js";
import { formatDigits, stripInvisibleMarks } from "../../../domain/digits.js";
import { parseLocalDateTime } from "../../../domain/localTime.js";
import type { Audience } from "../../../services/broadcasts.js";
import { ask, type Parsed } from "../../ask.js";
import type { ConversationContext } from "../../context.js";
import type { BotConversation } from "../../conversationKit.js";
import { chooseAudience, type Sender } from "../broadcasts/audienceStep.js";
import { newEventControl } from "./callbacks.js";
import { eventBody } from "./eventText.js";

export const NEW_EVENT_CONVERSATION = "newEvent";
const TITLE_LIMIT = 200;
const DESCRIPTION_LIMIT = 2000;

type Control = "skip" | "cancel" | "send" | "discard" | "nolink";
const controls = (...allowed: Control[]) => ({ button: newEventControl, accepts: (d: { action: Control }) => allowed.includes(d.action) });
const keyboardOf = (ctx: ConversationContext, ...buttons: Control[]) => {
  const keyboard = new InlineKeyboard();
  for (const action of buttons) keyboard.text(ctx.t(`ev-button-${action}`), newEventControl.pack({ action })).row();
  return keyboard;
};

/** A line of text up to a limit. */
const textUpTo =
  (limit: number) =>
  (text: string): Parsed<string> => {
    const value = stripInvisibleMarks(text).trim() === "" ? "" : text.trim();
    if (value === "") return { ok: false, error: "ev-error-empty" };
    return value.length > limit ? { ok: false, error: "reg-error-text-too-long", variables: { limit } } : { ok: true, value };
  };

/** Reads a start time on the creator's clock: each wrong answer has its own message, then the question again. */
export function readStartTime(text: string, timeZone: string, now: Date): Parsed<Date> {
  const parsed = parseLocalDateTime(text, { timeZone, now });
  if (parsed.ok) return { ok: true, value: parsed.at };
  return { ok: false, error: parsed.error === "past" ? "ev-error-time-past" : parsed.error === "no-such-date" ? "ev-error-no-such-date" : "ev-error-time-format" };
}

/** The start time question, shared by /newevent and "Move". Null when cancelled. */
export async function askStartTime(conversation: BotConversation, ctx: ConversationContext, promptKey: string): Promise<Date | null> {
  const timeZone = await conversation.external(async (outside) => outside.services.events.timeZoneOf(outside.profile.id));
  const now = new Date(await conversation.now());
  const answer = await ask(conversation, {
    prompt: () => ctx.reply(ctx.t(promptKey, { zone: timeZone }), { reply_markup: keyboardOf(ctx, "cancel") }),
    repeat: () => ctx.reply(ctx.t(promptKey, { zone: timeZone }), { reply_markup: keyboardOf(ctx, "cancel") }),
    buttons: { control: controls("cancel") },
    text: (text) => readStartTime(text, timeZone, now),
    hint: "ev-error-time-format",
  });
  return answer.kind === "message" ? answer.value : null;
}

/**
 * /newevent: titles and descriptions (Persian required, the other languages optional), the start
 * time on the creator's clock, an optional link, the audience (as for broadcasts), a preview of
 * the invitation, then send. The service checks permission and audience again when it sends.
 */
export function createNewEventConversation(locales: readonly string[]) {
  return (conversation: BotConversation, ctx: ConversationContext) => newEvent(conversation, ctx, locales);
}

async function newEvent(conversation: BotConversation, ctx: ConversationContext, locales: readonly string[]): Promise<void> {
  const sender: Sender = {
    actor: await conversation.external((outside) => outside.profile.actor),
    locale: await conversation.external((outside) => outside.i18n.getLocale()),
    defaultLocale: "fa",
    locales,
  };
  const discarded = () => ctx.reply(ctx.t("ev-discarded"));

  const texts = await askTexts(conversation, ctx, locales);
  if (!texts) return void (await discarded());
  const startsAt = await askStartTime(conversation, ctx, "ev-ask-time");
  if (!startsAt) return void (await discarded());
  const link = await askLink(conversation, ctx);
  if (link === null) return void (await discarded());
  const audience = await chooseAudience(conversation, ctx, sender);
  if (audience === null) return;
  if (audience === "cancelled") return void (await discarded());
  const send = await preview(conversation, ctx, sender, { texts, startsAt, link: link || null, audience });
  if (send === null) return;
  if (!send) return void (await discarded());
  const created = await conversation.external((outside) => outside.services.events.create(outside.profile.actor, { texts, startsAt, link: link || null, audience }));
  if (!created.ok) return void (await ctx.reply(ctx.t(`ev-error-${created.error}`)));
  await ctx.reply(ctx.t("ev-sent", { count: formatDigits(created.value.recipients, sender.locale) }));
}

/** Title and description per language, Persian first and required; the others may be skipped. Null when cancelled. */
async function askTexts(conversation: BotConversation, ctx: ConversationContext, locales: readonly string[]): Promise<EventText[] | null> {
  const texts: EventText[] = [];
  for (const locale of ["fa", ...locales.filter((l) => l !== "fa")]) {
    const optional = locale !== "fa";
    const language = ctx.t(`language-name-${locale}`);
    const title = await ask(conversation, {
      prompt: () => ctx.reply(ctx.t("ev-ask-title", { language }), { reply_markup: optional ? keyboardOf(ctx, "skip", "cancel") : keyboardOf(ctx, "cancel") }),
      buttons: { control: optional ? controls("skip", "cancel") : controls("cancel") },
      text: textUpTo(TITLE_LIMIT),
      hint: "ev-error-empty",
    });
    if (title.kind === "control") {
      if (title.data.action === "cancel") return null;
      continue;
    }
    const description = await ask(conversation, {
      prompt: () => ctx.reply(ctx.t("ev-ask-description", { language }), { reply_markup: keyboardOf(ctx, "skip", "cancel") }),
      buttons: { control: controls("skip", "cancel") },
      text: textUpTo(DESCRIPTION_LIMIT),
      hint: "ev-error-empty",
    });
    if (description.kind === "control" && description.data.action === "cancel") return null;
    texts.push({ locale, title: title.value, description: description.kind === "message" ? description.value : "" });
  }
  return texts;
}

/** The meeting's link, or "" for none; null when cancelled. */
async function askLink(conversation: BotConversation, ctx: ConversationContext): Promise<string | null> {
  const answer = await ask(conversation, {
    prompt: () => ctx.reply(ctx.t("ev-ask-link"), { reply_markup: keyboardOf(ctx, "nolink", "cancel") }),
    buttons: { control: controls("nolink", "cancel") },
    text: (text): Parsed<string> => {
      const value = text.trim();
      return /^https?:\/\/[^\s]{3,290}$/i.test(value) && URL.canParse(value) ? { ok: true, value } : { ok: false, error: "ev-error-link" };
    },
    hint: "ev-error-link",
  });
  if (answer.kind === "message") return answer.value;
  return answer.data.action === "nolink" ? "" : null;
}

/** The invitation as the sender will see it, and how many it goes to. True to send; null when the audience is refused. */
async function preview(
  conversation: BotConversation,
  ctx: ConversationContext,
  sender: Sender,
  event: { texts: EventText[]; startsAt: Date; link: string | null; audience: Audience },
): Promise<boolean | null> {
  const size = await conversation.external((outside) => outside.services.broadcasts.measure(outside.profile.actor, event.audience));
  if (!size.ok) {
    await ctx.reply(ctx.t(`ev-error-${size.error}`));
    return null;
  }
  const timeZone = await conversation.external(async (outside) => outside.services.events.timeZoneOf(outside.profile.id));
  const t = (key: string, args?: Record<string, string | number>) => ctx.t(key, args);
  await ctx.reply(ctx.t("ev-preview-label"));
  // Without the Yes / Maybe / No buttons: the event does not exist yet, a press would lead nowhere.
  const body = eventBody(t, event.texts, event.startsAt, sender.locale, timeZone);
  await ctx.reply(`${ctx.t("ev-invitation")}\n\n${body}\n\n${ctx.t("ev-invitation-question")}`);
  if (event.link) await ctx.reply(ctx.t("ev-preview-link", { link: event.link }));
  await ctx.reply(ctx.t("ev-preview-count", { count: formatDigits(size.value.total, sender.locale) }), { reply_markup: keyboardOf(ctx, "send", "discard") });
  const decision = await ask(conversation, { buttons: { control: controls("send", "discard") } });
  return decision.data.action === "send";
}
