import { InlineKeyboard } from "grammy";
import { cleanText, pickLocalized, PETITION_LIMITS } from "../../../domain/petitions/content.js";
import { storedSignerName, type NameDisplay } from "../../../domain/petitions/signerName.js";
import { listProvinces, provinceName, isProvinceCode } from "../../../domain/provinces.js";
import { RELATIONS } from "../../../domain/relations.js";
import type { ConversationContext } from "../../context.js";
import { waitForButton, type BotConversation } from "../../conversationKit.js";
import { collectAppeal } from "./appealInput.js";
import { appealOffer, confirmSigning, nameChoice, newsChoice, provinceChoice, relationChoice } from "./callbacks.js";
import { waitForTextOrButton } from "./conversationInput.js";

export const SIGN_PETITION_CONVERSATION = "signPetition";
const ABROAD = "abroad";

const NAME_ERRORS = { empty: "pet-error-name-empty", too_long: "pet-error-name-too-long", no_letters: "pet-error-name-no-letters" } as const;

/**
 * A signer reads, then signs: how their name appears, where they live, their relation to a
 * relative in the camp (optional), whether they want news, and a last look before signing. Nothing
 * is stored before the last button; the service has the final word on double signatures.
 */
export async function signPetitionConversation(conversation: BotConversation, ctx: ConversationContext, ref: string, version: number): Promise<void> {
  const locale = await conversation.external((outside) => outside.i18n.getLocale());
  const petition = await conversation.external(async (outside) => {
    const found = await outside.services.petitions.get(ref);
    return found ? { title: pickLocalized(found.texts, locale)?.title ?? "", hasMilestones: found.milestones.length > 0 } : null;
  });
  if (!petition) {
    await ctx.reply(ctx.t("pet-not-found"));
    return;
  }
  const cancelled = async (press: { editMessageText(text: string): Promise<unknown> }) => {
    await press.editMessageText(ctx.t("pet-sign-cancelled"));
  };

  // 1. The name as it will appear on the list.
  await ctx.reply(ctx.t("pet-sign-ask-name-display"), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t("pet-name-full"), nameChoice.pack({ display: "full" }))
      .row()
      .text(ctx.t("pet-name-initials"), nameChoice.pack({ display: "initials" }))
      .row()
      .text(ctx.t("pet-name-anonymous"), nameChoice.pack({ display: "anonymous" }))
      .row()
      .text(ctx.t("button-cancel"), nameChoice.pack({ display: "cancel" })),
  });
  const displayPress = await waitForButton(conversation, nameChoice.filter, "pet-use-buttons");
  await displayPress.answerCallbackQuery();
  const display = nameChoice.unpack(displayPress.callbackQuery.data)?.display;
  if (!display || display === "cancel") return cancelled(displayPress);
  await displayPress.editMessageText(ctx.t(`pet-name-chosen-${display}`));
  const nameDisplay: NameDisplay = display;

  let name: string | undefined;
  if (nameDisplay !== "anonymous") {
    await ctx.reply(ctx.t(nameDisplay === "full" ? "pet-sign-ask-name" : "pet-sign-ask-name-initials"));
    for (;;) {
      const answer = await waitForTextOrButton(conversation, [], "pet-sign-type-name");
      if (answer.kind !== "text") continue;
      const stored = storedSignerName(nameDisplay, answer.text);
      if (stored.ok) {
        name = stored.value;
        break;
      }
      await ctx.reply(ctx.t(NAME_ERRORS[stored.reason]));
    }
  }

  // 2. Province, or the country for signers outside Iran.
  const provinces = listProvinces()
    .map((p) => ({ code: p.code, name: provinceName(p.code, locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  const provinceKeyboard = new InlineKeyboard();
  provinces.forEach((p, index) => {
    provinceKeyboard.text(p.name, provinceChoice.pack({ code: p.code }));
    if (index % 2 === 1) provinceKeyboard.row();
  });
  provinceKeyboard.row().text(ctx.t("pet-abroad-button"), provinceChoice.pack({ code: ABROAD }));
  await ctx.reply(ctx.t("pet-sign-ask-province"), { reply_markup: provinceKeyboard });
  let province: string | null = null;
  let country: string | null = null;
  for (;;) {
    const press = await waitForButton(conversation, provinceChoice.filter, "pet-use-buttons");
    await press.answerCallbackQuery();
    const code = provinceChoice.unpack(press.callbackQuery.data)?.code;
    if (code === ABROAD) {
      await press.editMessageText(ctx.t("pet-sign-from", { place: ctx.t("pet-abroad") }));
      break;
    }
    if (code && isProvinceCode(code)) {
      province = code;
      await press.editMessageText(ctx.t("pet-sign-from", { place: provinceName(code, locale) }));
      break;
    }
  }
  if (province === null) {
    await ctx.reply(ctx.t("pet-sign-ask-country"));
    for (;;) {
      const answer = await waitForTextOrButton(conversation, [], "pet-sign-type-country");
      if (answer.kind !== "text") continue;
      const cleaned = cleanText(answer.text, PETITION_LIMITS.country);
      if (cleaned.ok) {
        country = cleaned.value;
        break;
      }
      await ctx.reply(ctx.t(cleaned.error === "empty" ? "pet-error-text-empty" : "pet-error-text-too-long", { limit: PETITION_LIMITS.country }));
    }
  }

  // 3. Relation to a relative in the camp (optional: supporters sign too).
  const relationKeyboard = new InlineKeyboard();
  RELATIONS.forEach((relation, index) => {
    relationKeyboard.text(ctx.t(`pet-relation-${relation}`), relationChoice.pack({ relation }));
    if (index % 2 === 1) relationKeyboard.row();
  });
  relationKeyboard.row().text(ctx.t("pet-relation-none"), relationChoice.pack({ relation: "none" }));
  await ctx.reply(ctx.t("pet-sign-ask-relation"), { reply_markup: relationKeyboard });
  const relationPress = await waitForButton(conversation, relationChoice.filter, "pet-use-buttons");
  await relationPress.answerCallbackQuery();
  const relationPicked = relationChoice.unpack(relationPress.callbackQuery.data)?.relation ?? "none";
  const relation = relationPicked === "none" ? null : relationPicked;
  await relationPress.editMessageText(ctx.t(`pet-relation-${relationPicked}`));

  // 4. News when the petition reaches its milestones.
  let notify = false;
  if (petition.hasMilestones) {
    await ctx.reply(ctx.t("pet-sign-ask-news"), {
      reply_markup: new InlineKeyboard().text(ctx.t("pet-news-yes"), newsChoice.pack({ answer: "yes" })).text(ctx.t("pet-news-no"), newsChoice.pack({ answer: "no" })),
    });
    const newsPress = await waitForButton(conversation, newsChoice.filter, "pet-use-buttons");
    await newsPress.answerCallbackQuery();
    notify = newsChoice.unpack(newsPress.callbackQuery.data)?.answer === "yes";
    await newsPress.editMessageText(ctx.t(notify ? "pet-news-yes" : "pet-news-no"));
  }

  // 5. A last look, with what will be stored and who will see it.
  const shownName = nameDisplay === "anonymous" ? ctx.t("pet-anonymous") : name!;
  const place = province ? provinceName(province, locale) : `${ctx.t("pet-abroad")} (${country})`;
  await ctx.reply(ctx.t("pet-sign-confirm", { title: petition.title, name: shownName, place }), {
    reply_markup: new InlineKeyboard().text(ctx.t("pet-button-sign-now"), confirmSigning.pack({ answer: "sign" })).text(ctx.t("button-cancel"), confirmSigning.pack({ answer: "cancel" })),
  });
  const confirm = await waitForButton(conversation, confirmSigning.filter, "pet-use-buttons");
  await confirm.answerCallbackQuery();
  if (confirmSigning.unpack(confirm.callbackQuery.data)?.answer !== "sign") return cancelled(confirm);
  await confirm.editMessageReplyMarkup();

  const signed = await conversation.external(async (outside) => {
    const result = await outside.services.petitions.sign({
      userId: outside.from!.id,
      ref,
      seenVersion: version,
      nameDisplay,
      ...(name !== undefined ? { name } : {}),
      province,
      country,
      relation,
      notify,
      locale,
    });
    if (result.ok) outside.log.info({ petition: ref }, "petition signed");
    return result.ok ? { ok: true as const, count: result.value.count } : { ok: false as const, error: result.error };
  });
  if (!signed.ok) {
    const key =
      signed.error === "already_signed"
        ? "pet-already-signed"
        : signed.error === "text_changed"
          ? "pet-error-text-changed"
          : signed.error === "not_found"
            ? "pet-not-found"
            : "pet-closed";
    await ctx.reply(ctx.t(key));
    return;
  }
  await ctx.reply(ctx.t("pet-signed", { count: signed.count }), {
    reply_markup: new InlineKeyboard().text(ctx.t("pet-button-appeal"), appealOffer.pack({ answer: "appeal" })).text(ctx.t("pet-button-no-thanks"), appealOffer.pack({ answer: "done" })),
  });

  // 6. An optional personal appeal, delivered with the signatures.
  const offer = await waitForButton(conversation, appealOffer.filter, "pet-use-buttons");
  await offer.answerCallbackQuery();
  await offer.editMessageReplyMarkup();
  if (appealOffer.unpack(offer.callbackQuery.data)?.answer !== "appeal") {
    await ctx.reply(ctx.t("pet-sign-done"));
    return;
  }
  await saveAppeal(conversation, ctx, ref);
}

/** Asks for the appeal and stores it with the user's signature. */
export async function saveAppeal(conversation: BotConversation, ctx: ConversationContext, ref: string): Promise<void> {
  const content = await collectAppeal(conversation, ctx, "pet-appeal-ask");
  if (!content) return;
  const saved = await conversation.external(async (outside) => {
    const result = await outside.services.appeals.addToSignature(outside.from!.id, ref, content);
    if (result.ok) outside.log.info({ petition: ref, kind: content.kind }, "appeal saved");
    return result.ok ? { ok: true as const } : { ok: false as const, error: result.error };
  });
  if (saved.ok) {
    await ctx.reply(ctx.t("pet-appeal-saved"));
    return;
  }
  const key = saved.error === "too_many" ? "pet-appeal-too-many" : saved.error === "not_signed" ? "pet-appeal-sign-first" : saved.error === "not_open" ? "pet-closed" : "pet-not-found";
  await ctx.reply(ctx.t(key));
}
