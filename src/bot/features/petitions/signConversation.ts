import { replacePressedMessage } from "../../buttons.js";
import { InlineKeyboard, type Context } from "grammy";
import { pickLocalized, PETITION_LIMITS } from "../../../domain/petitions/content.js";
import { storedSignerName, type NameDisplay } from "../../../domain/petitions/signerName.js";
import { listProvinces, provinceName, isProvinceCode } from "../../../domain/provinces.js";
import { RELATIONS } from "../../../domain/relations.js";
import type { ConversationContext } from "../../context.js";
import { ask, type Parsed } from "../../ask.js";
import type { CallbackButton } from "../../callbackData.js";
import type { BotConversation } from "../../conversationKit.js";
import { collectAppeal } from "./appealInput.js";
import { appealOffer, confirmSigning, nameChoice, newsChoice, provinceChoice, relationChoice } from "./callbacks.js";
import { petitionText } from "./conversationInput.js";

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
  const cancelled = async (press: Context) => {
    await replacePressedMessage(press, ctx.t("pet-sign-cancelled"));
  };

  const choose = <Data>(button: CallbackButton<Data>, key: string, keyboard: InlineKeyboard) =>
    ask(conversation, { prompt: () => ctx.reply(ctx.t(key), { reply_markup: keyboard }), buttons: { button }, hint: "pet-use-buttons" });

  // 1. The name as it will appear on the list.
  const nameKeyboard = new InlineKeyboard();
  for (const choice of ["full", "initials", "anonymous"] as const) nameKeyboard.text(ctx.t(`pet-name-${choice}`), nameChoice.pack({ display: choice })).row();
  nameKeyboard.text(ctx.t("button-cancel"), nameChoice.pack({ display: "cancel" }));
  const { data: { display }, ctx: displayPress } = await choose(nameChoice, "pet-sign-ask-name-display", nameKeyboard);
  if (display === "cancel") return cancelled(displayPress);
  await replacePressedMessage(displayPress, ctx.t(`pet-name-chosen-${display}`));
  const nameDisplay: NameDisplay = display;

  let name: string | undefined;
  if (nameDisplay !== "anonymous") {
    const typed = await ask(conversation, {
      prompt: () => ctx.reply(ctx.t(nameDisplay === "full" ? "pet-sign-ask-name" : "pet-sign-ask-name-initials")),
      text: (text): Parsed<string> => {
        const stored = storedSignerName(nameDisplay, text);
        return stored.ok ? stored : { ok: false, error: NAME_ERRORS[stored.reason] };
      },
      hint: "pet-sign-type-name",
    });
    name = typed.value;
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
  const where = await ask(conversation, {
    prompt: () => ctx.reply(ctx.t("pet-sign-ask-province"), { reply_markup: provinceKeyboard }),
    buttons: { province: { button: provinceChoice, accepts: (d: { code: string }) => d.code === ABROAD || isProvinceCode(d.code) } },
    hint: "pet-use-buttons",
  });
  const province = where.data.code === ABROAD ? null : where.data.code;
  await replacePressedMessage(where.ctx, ctx.t("pet-sign-from", { place: province ? provinceName(province, locale) : ctx.t("pet-abroad") }));
  let country: string | null = null;
  if (province === null) {
    const typed = await ask(conversation, {
      prompt: () => ctx.reply(ctx.t("pet-sign-ask-country")),
      text: (text) => petitionText(text, PETITION_LIMITS.country),
      hint: "pet-sign-type-country",
    });
    country = typed.value;
  }

  // 3. Relation to a relative in the camp (optional: supporters sign too).
  const relationKeyboard = new InlineKeyboard();
  RELATIONS.forEach((relation, index) => {
    relationKeyboard.text(ctx.t(`pet-relation-${relation}`), relationChoice.pack({ relation }));
    if (index % 2 === 1) relationKeyboard.row();
  });
  relationKeyboard.row().text(ctx.t("pet-relation-none"), relationChoice.pack({ relation: "none" }));
  const { data: { relation: relationPicked }, ctx: relationPress } = await choose(relationChoice, "pet-sign-ask-relation", relationKeyboard);
  const relation = relationPicked === "none" ? null : relationPicked;
  await replacePressedMessage(relationPress, ctx.t(`pet-relation-${relationPicked}`));

  // 4. News when the petition reaches its milestones.
  let notify = false;
  if (petition.hasMilestones) {
    const news = await choose(
      newsChoice,
      "pet-sign-ask-news",
      new InlineKeyboard().text(ctx.t("pet-news-yes"), newsChoice.pack({ answer: "yes" })).text(ctx.t("pet-news-no"), newsChoice.pack({ answer: "no" })),
    );
    const newsPress = news.ctx;
    notify = news.data.answer === "yes";
    await replacePressedMessage(newsPress, ctx.t(notify ? "pet-news-yes" : "pet-news-no"));
  }

  // 5. A last look, with what will be stored and who will see it.
  const shownName = nameDisplay === "anonymous" ? ctx.t("pet-anonymous") : name!;
  const place = province ? provinceName(province, locale) : `${ctx.t("pet-abroad")} (${country})`;
  const confirmed = await ask(conversation, {
    prompt: () =>
      ctx.reply(ctx.t("pet-sign-confirm", { title: petition.title, name: shownName, place }), {
        reply_markup: new InlineKeyboard().text(ctx.t("pet-button-sign-now"), confirmSigning.pack({ answer: "sign" })).text(ctx.t("button-cancel"), confirmSigning.pack({ answer: "cancel" })),
      }),
    buttons: { confirm: confirmSigning },
    hint: "pet-use-buttons",
  });
  const confirm = confirmed.ctx;
  if (confirmed.data.answer !== "sign") return cancelled(confirm);
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
  // 6. An optional personal appeal, delivered with the signatures.
  const offer = await ask(conversation, {
    prompt: () =>
      ctx.reply(ctx.t("pet-signed", { count: signed.count }), {
        reply_markup: new InlineKeyboard().text(ctx.t("pet-button-appeal"), appealOffer.pack({ answer: "appeal" })).text(ctx.t("pet-button-no-thanks"), appealOffer.pack({ answer: "done" })),
      }),
    buttons: { offer: appealOffer },
    hint: "pet-use-buttons",
  });
  await offer.ctx.editMessageReplyMarkup();
  if (offer.data.answer !== "appeal") {
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
