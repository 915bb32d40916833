import { InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import type { OutgoingContent } from "../../../delivery/types.js";
import { formatDigits } from "../../../domain/digits.js";
import { entitiesToHtml } from "../../../domain/formattedText.js";
import { defaultTimeZone, parseLocalDateTime } from "../../../domain/localTime.js";
import type { Audience } from "../../../services/broadcasts.js";
import type { ConversationContext } from "../../context.js";
import { ask, type Parsed } from "../../ask.js";
import type { BotConversation } from "../../conversationKit.js";
import { cancelOnly, chooseAudience, withCancel, type Sender } from "./audienceStep.js";
import { composeControl } from "./callbacks.js";
import { progressKeyboard } from "./progressReport.js";

export const COMPOSE_CONVERSATION = "composeBroadcast";
const TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;

/** A volunteer's message as recipients will see it: formatting kept as HTML, one photo or document. */
function contentFrom(message: Message): { content: OutgoingContent; visibleLength: number } | null {
  const text = message.text ?? message.caption ?? "";
  const entities = message.entities ?? message.caption_entities ?? [];
  const html = entitiesToHtml(text, entities);
  if (message.photo) return { content: { text: html, parseMode: "HTML", photoFileId: message.photo.at(-1)!.file_id }, visibleLength: text.length };
  if (message.document) return { content: { text: html, parseMode: "HTML", documentFileId: message.document.file_id }, visibleLength: text.length };
  if (message.text) return { content: { text: html, parseMode: "HTML" }, visibleLength: text.length };
  return null;
}

/**
 * Compose → preview → send now, schedule, deliver in each recipient's daytime, or discard. The audience is checked again by the service
 * on the server; a volunteer is only offered the provinces they serve.
 */
export function createComposeConversation(locales: readonly string[]) {
  return (conversation: BotConversation, ctx: ConversationContext) => composeBroadcast(conversation, ctx, locales);
}

async function composeBroadcast(conversation: BotConversation, ctx: ConversationContext, locales: readonly string[]): Promise<void> {
  const sender: Sender = {
    actor: await conversation.external((outside) => outside.profile.actor),
    locale: await conversation.external((outside) => outside.i18n.getLocale()),
    defaultLocale: await conversation.external((outside) => outside.services.config.DEFAULT_LOCALE),
    locales,
  };
  const discarded = () => ctx.reply(ctx.t("bc-discarded"));

  const audience = await chooseAudience(conversation, ctx, sender);
  if (audience === null) return;
  if (audience === "cancelled") return void (await discarded());
  const contentByLocale = await writeMessages(conversation, ctx, sender);
  if (!contentByLocale) return void (await discarded());
  const decision = await preview(conversation, ctx, sender, audience, contentByLocale);
  if (decision === null) return;
  if (decision === "discard") return void (await discarded());
  const notBefore = decision === "schedule" ? await askSendTime(conversation, ctx, sender.locale) : undefined;
  if (notBefore === null) return void (await discarded());
  await startBroadcast(conversation, ctx, sender.locale, { audience, contentByLocale, notBefore, daytimeOnly: decision === "daytime" });
}

/** The message, first in the default language, then optional versions for the others. Null when cancelled. */
async function writeMessages(conversation: BotConversation, ctx: ConversationContext, sender: Sender): Promise<Record<string, OutgoingContent> | null> {
  const contentByLocale: Record<string, OutgoingContent> = {};
  const ordered = [sender.defaultLocale, ...sender.locales.filter((l) => l !== sender.defaultLocale)];
  for (const target of ordered) {
    const optional = target !== sender.defaultLocale;
    const keyboard = new InlineKeyboard();
    if (optional) keyboard.text(ctx.t("button-skip"), composeControl.pack({ action: "skip" }));
    keyboard.text(ctx.t("button-cancel"), composeControl.pack({ action: "cancel" }));
    const answer = await ask(conversation, {
      prompt: () => ctx.reply(ctx.t(optional ? "bc-ask-translation" : "bc-ask-message", { language: ctx.t(`language-name-${target}`) }), { reply_markup: keyboard }),
      buttons: { control: { button: composeControl, accepts: (d: { action: string }) => d.action === "cancel" || (d.action === "skip" && optional) } },
      message: (message) => readContent(message, optional ? contentByLocale[sender.defaultLocale] : undefined),
    });
    if (answer.kind === "control" && answer.data.action === "cancel") return null;
    if (answer.kind === "message") contentByLocale[target] = answer.value;
  }
  return contentByLocale;
}

/** A translation without its own photo or document shares the first version's. */
function readContent(message: Message, shared: OutgoingContent | undefined): Parsed<OutgoingContent> {
  const built = contentFrom(message);
  if (!built) return { ok: false, error: "bc-error-kind" };
  const content: OutgoingContent = shared
    ? { ...built.content, photoFileId: built.content.photoFileId ?? shared.photoFileId, documentFileId: built.content.documentFileId ?? shared.documentFileId }
    : built.content;
  const hasFile = Boolean(content.photoFileId || content.documentFileId);
  if (built.visibleLength === 0 && !hasFile) return { ok: false, error: "bc-error-kind" };
  const limit = hasFile ? CAPTION_LIMIT : TEXT_LIMIT;
  if (built.visibleLength > limit) return { ok: false, error: "reg-error-text-too-long", variables: { limit } };
  return { ok: true, value: content };
}

/** Exactly what recipients will see, and how many will receive it; then send, schedule, send in daytime or discard. Null when the audience is refused. */
async function preview(
  conversation: BotConversation,
  ctx: ConversationContext,
  sender: Sender,
  audience: Audience,
  contentByLocale: Record<string, OutgoingContent>,
): Promise<"send" | "schedule" | "daytime" | "discard" | null> {
  const size = await conversation.external((outside) => outside.services.broadcasts.measure(outside.profile.actor, audience));
  if (!size.ok) {
    await ctx.reply(ctx.t(`bc-error-${size.error}`));
    return null;
  }
  for (const [contentLocale, content] of Object.entries(contentByLocale)) {
    await ctx.reply(ctx.t("bc-preview-label", { language: ctx.t(`language-name-${contentLocale}`) }));
    const options = { parse_mode: "HTML" as const };
    if (content.photoFileId) await ctx.replyWithPhoto(content.photoFileId, { caption: content.text, ...options });
    else if (content.documentFileId) await ctx.replyWithDocument(content.documentFileId, { caption: content.text, ...options });
    else await ctx.reply(content.text, options);
  }
  const breakdown = Object.entries(size.value.byLocale)
    .map(([l, count]) => `${ctx.t(`language-name-${l}`)}: ${formatDigits(count, sender.locale)}`)
    .join(", ");
  await ctx.reply(ctx.t("bc-preview-count", { count: size.value.total, breakdown: breakdown || "—" }), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t("bc-send-now"), composeControl.pack({ action: "send" }))
      .row()
      .text(ctx.t("bc-schedule"), composeControl.pack({ action: "schedule" }))
      .row()
      .text(ctx.t("bc-send-daytime"), composeControl.pack({ action: "daytime" }))
      .row()
      .text(ctx.t("bc-discard"), composeControl.pack({ action: "discard" })),
  });
  if (size.value.total === 0) await ctx.reply(ctx.t("bc-error-empty_audience"));
  const decision = await ask(conversation, { buttons: { control: { button: composeControl, accepts: (d: { action: string }) => ["send", "schedule", "daytime", "discard"].includes(d.action) } } });
  const { action } = decision.data;
  return action === "send" || action === "schedule" || action === "daytime" ? action : "discard";
}

/** A time on the sender's own clock; null when cancelled. */
async function askSendTime(conversation: BotConversation, ctx: ConversationContext, locale: string): Promise<Date | null> {
  const timeZone = defaultTimeZone(locale);
  const now = new Date(await conversation.now());
  const answer = await ask(conversation, {
    prompt: () => ctx.reply(ctx.t("bc-ask-time", { zone: timeZone }), { reply_markup: withCancel(ctx, new InlineKeyboard()) }),
    buttons: { control: cancelOnly },
    text: (text): Parsed<Date> => {
      const parsed = parseLocalDateTime(text, { timeZone, now });
      return parsed.ok ? { ok: true, value: parsed.at } : { ok: false, error: parsed.error === "past" ? "bc-error-time-past" : "bc-error-time-format" };
    },
    hint: "bc-error-time-format",
  });
  return answer.kind === "message" ? answer.value : null;
}

/** The progress message first, so the worker can keep it up to date. */
async function startBroadcast(
  conversation: BotConversation,
  ctx: ConversationContext,
  locale: string,
  input: { audience: Audience; contentByLocale: Record<string, OutgoingContent>; notBefore: Date | undefined; daytimeOnly: boolean },
): Promise<void> {
  const { notBefore } = input;
  const progressMessage = await ctx.reply(ctx.t(notBefore ? "bc-starting-scheduled" : input.daytimeOnly ? "bc-starting-daytime" : "bc-starting"));
  const started = await conversation.external((outside) =>
    outside.services.broadcasts.start(outside.profile.actor, { ...input, progressChat: { chatId: progressMessage.chat.id, messageId: progressMessage.message_id, locale } }),
  );
  if (!started.ok) {
    await ctx.api.editMessageText(progressMessage.chat.id, progressMessage.message_id, ctx.t(`bc-error-${started.error}`));
    return;
  }
  const keyboard = progressKeyboard((key) => ctx.t(key), started.value.jobId, notBefore ? "scheduled" : "running");
  const text = notBefore
    ? ctx.t("bc-progress-scheduled", { total: formatDigits(started.value.recipients, locale) })
    : ctx.t(input.daytimeOnly ? "bc-starting-daytime" : "bc-starting");
  await ctx.api.editMessageText(progressMessage.chat.id, progressMessage.message_id, text, { reply_markup: keyboard });
}
