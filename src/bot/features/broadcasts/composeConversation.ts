import { InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import type { OutgoingContent } from "../../../delivery/types.js";
import { CASE_STATUSES } from "../../../domain/caseStatus.js";
import { formatDigits } from "../../../domain/digits.js";
import { entitiesToHtml } from "../../../domain/formattedText.js";
import { defaultTimeZone, parseLocalDateTime } from "../../../domain/localTime.js";
import { listProvinces } from "../../../domain/provinces.js";
import { can } from "../../../domain/roles.js";
import type { Audience } from "../../../services/broadcasts.js";
import type { ConversationContext } from "../../context.js";
import { waitForButton, type BotConversation } from "../../conversationKit.js";
import { pickProvinces } from "../../provincePicker.js";
import {
  audienceKindButton,
  audienceLocaleButton,
  audiencePetitionButton,
  audienceStatusButton,
  composeControl,
} from "./callbacks.js";
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
 * Compose → preview → send now, schedule, or discard. The audience is checked again by the service
 * on the server; a volunteer is only offered the provinces they serve.
 */
export function createComposeConversation(locales: readonly string[]) {
  return (conversation: BotConversation, ctx: ConversationContext) => composeBroadcast(conversation, ctx, locales);
}

async function composeBroadcast(conversation: BotConversation, ctx: ConversationContext, locales: readonly string[]): Promise<void> {
  const actor = await conversation.external((outside) => outside.profile.actor);
  const locale = await conversation.external((outside) => outside.i18n.getLocale());
  const defaultLocale = await conversation.external((outside) => outside.services.config.DEFAULT_LOCALE);
  const wide = can(actor, "province.all");
  const cancelled = async (target: ConversationContext) => {
    await target.reply(target.t("bc-discarded"));
  };
  const cancelRow = (kb: InlineKeyboard) => kb.row().text(ctx.t("button-cancel"), composeControl.pack({ action: "cancel" }));

  // 1. Audience.
  await ctx.reply(ctx.t("bc-choose-audience"), {
    reply_markup: cancelRow(
      new InlineKeyboard()
        .text(ctx.t("bc-audience-families"), audienceKindButton.pack({ kind: "families" }))
        .row()
        .text(ctx.t("bc-audience-language"), audienceKindButton.pack({ kind: "language" }))
        .row()
        .text(ctx.t("bc-audience-caseStatus"), audienceKindButton.pack({ kind: "caseStatus" }))
        .row()
        .text(ctx.t("bc-audience-signers"), audienceKindButton.pack({ kind: "signers" })),
    ),
  });
  const kindPress = await waitForButton(conversation, [audienceKindButton.filter, composeControl.filter], "reg-error-use-buttons");
  await kindPress.answerCallbackQuery();
  const kind = audienceKindButton.unpack(kindPress.callbackQuery.data)?.kind;
  if (!kind) return cancelled(kindPress);
  const audience: Audience = { kind, provinces: "all" };

  if (kind === "language") {
    const keyboard = new InlineKeyboard();
    for (const l of locales) keyboard.text(ctx.t(`language-name-${l}`), audienceLocaleButton.pack({ locale: l })).row();
    await ctx.reply(ctx.t("bc-choose-language"), { reply_markup: cancelRow(keyboard) });
    const press = await waitForButton(conversation, [audienceLocaleButton.filter, composeControl.filter], "reg-error-use-buttons");
    await press.answerCallbackQuery();
    const chosen = audienceLocaleButton.unpack(press.callbackQuery.data);
    if (!chosen) return cancelled(press);
    audience.locale = chosen.locale;
  } else if (kind === "caseStatus") {
    const keyboard = new InlineKeyboard();
    for (const status of CASE_STATUSES) keyboard.text(ctx.t(`status-${status}`), audienceStatusButton.pack({ status })).row();
    await ctx.reply(ctx.t("bc-choose-status"), { reply_markup: cancelRow(keyboard) });
    const press = await waitForButton(conversation, [audienceStatusButton.filter, composeControl.filter], "reg-error-use-buttons");
    await press.answerCallbackQuery();
    const chosen = audienceStatusButton.unpack(press.callbackQuery.data);
    if (!chosen) return cancelled(press);
    audience.status = chosen.status;
  } else if (kind === "signers") {
    const petitions = await conversation.external(async (outside) =>
      (await outside.services.petitions.listOpen()).map((p) => ({ id: p.id, title: (p.texts.find((t) => t.locale === locale) ?? p.texts[0])?.title ?? p.ref })),
    );
    if (petitions.length === 0) {
      await ctx.reply(ctx.t("bc-no-petitions"));
      return;
    }
    const keyboard = new InlineKeyboard();
    for (const p of petitions) keyboard.text(p.title.slice(0, 60), audiencePetitionButton.pack({ petitionId: p.id })).row();
    await ctx.reply(ctx.t("bc-choose-petition"), { reply_markup: cancelRow(keyboard) });
    const press = await waitForButton(conversation, [audiencePetitionButton.filter, composeControl.filter], "reg-error-use-buttons");
    await press.answerCallbackQuery();
    const chosen = audiencePetitionButton.unpack(press.callbackQuery.data);
    if (!chosen) return cancelled(press);
    audience.petitionId = chosen.petitionId;
  }

  // 2. Provinces: coordinators may reach everyone; volunteers choose among their own.
  const choosable = wide ? [] : [...actor.provinces];
  if (!wide && choosable.length === 1) {
    audience.provinces = choosable;
  } else {
    const picked = await pickProvinces(conversation, ctx, {
      codes: wide ? listProvinces().map((p) => p.code) : choosable,
      locale,
      promptKey: wide ? "bc-choose-provinces-wide" : "bc-choose-provinces",
      allowAll: wide,
    });
    if (picked === null) return cancelled(ctx);
    audience.provinces = picked;
  }

  // 3. The message, first in the default language, then optional versions for the others.
  const contentByLocale: Record<string, OutgoingContent> = {};
  const ordered = [defaultLocale, ...locales.filter((l) => l !== defaultLocale)];
  for (const target of ordered) {
    const optional = target !== defaultLocale;
    const keyboard = new InlineKeyboard();
    if (optional) keyboard.text(ctx.t("button-skip"), composeControl.pack({ action: "skip" }));
    keyboard.text(ctx.t("button-cancel"), composeControl.pack({ action: "cancel" }));
    await ctx.reply(ctx.t(optional ? "bc-ask-translation" : "bc-ask-message", { language: ctx.t(`language-name-${target}`) }), { reply_markup: keyboard });
    for (;;) {
      const next = await conversation.wait();
      const control = composeControl.unpack(next.callbackQuery?.data);
      if (control?.action === "cancel") {
        await next.answerCallbackQuery();
        return cancelled(next);
      }
      if (control?.action === "skip" && optional) {
        await next.answerCallbackQuery();
        break;
      }
      if (next.isOutsideInput || next.callbackQuery || !next.message) await conversation.skip({ next: true });
      const built = contentFrom(next.message!);
      if (!built) {
        await next.reply(next.t("bc-error-kind"));
        continue;
      }
      const shared = contentByLocale[defaultLocale];
      const content: OutgoingContent = optional && shared ? { ...built.content, photoFileId: built.content.photoFileId ?? shared.photoFileId, documentFileId: built.content.documentFileId ?? shared.documentFileId } : built.content;
      const limit = content.photoFileId || content.documentFileId ? CAPTION_LIMIT : TEXT_LIMIT;
      if (built.visibleLength === 0 && !content.photoFileId && !content.documentFileId) {
        await next.reply(next.t("bc-error-kind"));
        continue;
      }
      if (built.visibleLength > limit) {
        await next.reply(next.t("reg-error-text-too-long", { limit }));
        continue;
      }
      contentByLocale[target] = content;
      break;
    }
  }

  // 4. Preview: exactly what recipients will see, and how many will receive it.
  const size = await conversation.external((outside) => outside.services.broadcasts.measure(outside.profile.actor, audience));
  if (!size.ok) {
    await ctx.reply(ctx.t(`bc-error-${size.error}`));
    return;
  }
  for (const [contentLocale, content] of Object.entries(contentByLocale)) {
    await ctx.reply(ctx.t("bc-preview-label", { language: ctx.t(`language-name-${contentLocale}`) }));
    const options = { parse_mode: "HTML" as const };
    if (content.photoFileId) await ctx.replyWithPhoto(content.photoFileId, { caption: content.text, ...options });
    else if (content.documentFileId) await ctx.replyWithDocument(content.documentFileId, { caption: content.text, ...options });
    else await ctx.reply(content.text, options);
  }
  const breakdown = Object.entries(size.value.byLocale)
    .map(([l, count]) => `${ctx.t(`language-name-${l}`)}: ${formatDigits(count, locale)}`)
    .join(", ");
  await ctx.reply(ctx.t("bc-preview-count", { count: size.value.total, breakdown: breakdown || "—" }), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t("bc-send-now"), composeControl.pack({ action: "send" }))
      .row()
      .text(ctx.t("bc-schedule"), composeControl.pack({ action: "schedule" }))
      .row()
      .text(ctx.t("bc-discard"), composeControl.pack({ action: "discard" })),
  });
  if (size.value.total === 0) {
    await ctx.reply(ctx.t("bc-error-empty_audience"));
  }
  const decision = await waitForButton(conversation, composeControl.filter, "reg-error-use-buttons");
  await decision.answerCallbackQuery();
  const action = composeControl.unpack(decision.callbackQuery.data)?.action;
  if (action !== "send" && action !== "schedule") return cancelled(decision);

  // 5. When: now, or a time on the sender's own clock.
  let notBefore: Date | undefined;
  if (action === "schedule") {
    const timeZone = defaultTimeZone(locale);
    await ctx.reply(ctx.t("bc-ask-time", { zone: timeZone }), { reply_markup: new InlineKeyboard().text(ctx.t("button-cancel"), composeControl.pack({ action: "cancel" })) });
    const now = new Date(await conversation.now());
    for (;;) {
      const next = await conversation.wait();
      if (composeControl.unpack(next.callbackQuery?.data)?.action === "cancel") {
        await next.answerCallbackQuery();
        return cancelled(next);
      }
      if (next.isOutsideInput || next.callbackQuery || !next.message) await conversation.skip({ next: true });
      const parsed = next.message?.text ? parseLocalDateTime(next.message.text, { timeZone, now }) : ({ ok: false, error: "format" } as const);
      if (parsed.ok) {
        notBefore = parsed.at;
        break;
      }
      await next.reply(next.t(parsed.error === "past" ? "bc-error-time-past" : "bc-error-time-format"));
    }
  }

  // 6. Start: the progress message first, so the worker can keep it up to date.
  const progressMessage = await ctx.reply(ctx.t(notBefore ? "bc-starting-scheduled" : "bc-starting"));
  const started = await conversation.external((outside) =>
    outside.services.broadcasts.start(outside.profile.actor, { audience, contentByLocale, notBefore, progressChat: { chatId: progressMessage.chat.id, messageId: progressMessage.message_id, locale } }),
  );
  if (!started.ok) {
    await ctx.api.editMessageText(progressMessage.chat.id, progressMessage.message_id, ctx.t(`bc-error-${started.error}`));
    return;
  }
  const keyboard = progressKeyboard((key) => ctx.t(key), started.value.jobId, notBefore ? "scheduled" : "running");
  const text = notBefore ? ctx.t("bc-progress-scheduled", { total: formatDigits(started.value.recipients, locale) }) : ctx.t("bc-starting");
  await ctx.api.editMessageText(progressMessage.chat.id, progressMessage.message_id, text, { reply_markup: keyboard });
}
