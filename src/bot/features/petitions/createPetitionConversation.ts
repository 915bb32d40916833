import { replacePressedMessage } from "../../buttons.js";
import { InlineKeyboard } from "grammy";
import { PETITION_LIMITS } from "../../../domain/petitions/content.js";
import { parseCount, parseMilestones, MAX_SIGNATURE_COUNT } from "../../../domain/petitions/milestones.js";
import { can } from "../../../domain/roles.js";
import type { PetitionText, PetitionTexts } from "../../../services/petitions.js";
import type { ConversationContext } from "../../context.js";
import { ask, type Parsed } from "../../ask.js";
import type { BotConversation } from "../../conversationKit.js";
import { createStep } from "./callbacks.js";
import { petitionText } from "./conversationInput.js";
import { showManagementCard } from "./management.js";

export const CREATE_PETITION_CONVERSATION = "createPetition";
export const EDIT_PETITION_CONVERSATION = "editPetition";

/** Persian and English are required (families and partners); Albanian is optional. */
const TEXT_LOCALES = [
  { locale: "fa", required: true },
  { locale: "en", required: true },
  { locale: "sq", required: false },
] as const;

const skipKeyboard = (ctx: ConversationContext, skipKey: string) =>
  new InlineKeyboard().text(ctx.t(skipKey), createStep.pack({ choice: "skip" })).text(ctx.t("button-cancel"), createStep.pack({ choice: "cancel" }));
const cancelKeyboard = (ctx: ConversationContext) => new InlineKeyboard().text(ctx.t("button-cancel"), createStep.pack({ choice: "cancel" }));

type Answer<T> = { kind: "value"; value: T } | { kind: "skip" } | { kind: "cancel" };

/** Asks one question until a valid answer, a skip (when offered) or a cancel. */
async function askField<T>(
  conversation: BotConversation,
  ctx: ConversationContext,
  question: { key: string; variables?: Record<string, string | number>; skipKey?: string },
  parse: (text: string) => Parsed<T> | Promise<Parsed<T>>,
): Promise<Answer<T>> {
  const answer = await ask(conversation, {
    prompt: () => ctx.reply(ctx.t(question.key, question.variables), { reply_markup: question.skipKey ? skipKeyboard(ctx, question.skipKey) : cancelKeyboard(ctx) }),
    buttons: { step: { button: createStep, accepts: (d: { choice: string }) => d.choice === "cancel" || (d.choice === "skip" && question.skipKey !== undefined) } },
    text: parse,
    hint: "pet-create-use-text",
  });
  if (answer.kind === "message") return { kind: "value", value: answer.value };
  if (answer.data.choice === "skip") {
    await answer.ctx.editMessageReplyMarkup();
    return { kind: "skip" };
  }
  await replacePressedMessage(answer.ctx, ctx.t("pet-create-cancelled"));
  return { kind: "cancel" };
}

const textParser = (limit: number, multiline = false) => (raw: string) => petitionText(raw, limit, multiline);

/** Title and full text in each language, then the addressee. Null when the coordinator cancels. */
async function askTexts(conversation: BotConversation, ctx: ConversationContext): Promise<PetitionTexts | null> {
  const texts: PetitionText[] = [];
  for (const { locale, required } of TEXT_LOCALES) {
    const language = ctx.t(`pet-language-${locale}`);
    const title = await askField(conversation, ctx, { key: "pet-create-ask-title", variables: { language }, ...(required ? {} : { skipKey: "pet-create-skip-language" }) }, textParser(PETITION_LIMITS.title));
    if (title.kind === "cancel") return null;
    if (title.kind === "skip") continue;
    const body = await askField(conversation, ctx, { key: "pet-create-ask-body", variables: { language, limit: PETITION_LIMITS.body } }, textParser(PETITION_LIMITS.body, true));
    if (body.kind !== "value") return null;
    texts.push({ locale, title: title.value, body: body.value });
  }
  const addressee = await askField(conversation, ctx, { key: "pet-create-ask-addressee" }, textParser(PETITION_LIMITS.addressee));
  if (addressee.kind !== "value") return null;
  return { texts, addressee: addressee.value };
}

/** A coordinator writes a new petition; it is saved as a draft and opened from its card. */
export async function createPetitionConversation(conversation: BotConversation, ctx: ConversationContext): Promise<void> {
  const actor = await conversation.external((outside) => outside.profile.actor);
  if (!can(actor, "petition.manage")) {
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  await ctx.reply(ctx.t("pet-create-intro"));
  const texts = await askTexts(conversation, ctx);
  if (!texts) return;

  const goal = await askField(conversation, ctx, { key: "pet-create-ask-goal" }, (raw): Parsed<number> => {
    const value = parseCount(raw);
    return value !== null && value >= 1 && value <= MAX_SIGNATURE_COUNT ? { ok: true, value } : { ok: false, error: "pet-error-goal" };
  });
  if (goal.kind !== "value") return;

  // The deadline is read on the server's clock and the coordinator's time zone.
  const deadline = await askField(conversation, ctx, { key: "pet-create-ask-deadline", skipKey: "pet-create-no-deadline" }, (raw) =>
    conversation.external((outside): Parsed<string> => {
      const result = outside.services.petitions.parseDeadline(raw);
      if (result.ok) return { ok: true, value: result.value.toISOString() };
      return { ok: false, error: result.error === "in-the-past" ? "pet-error-deadline-past" : "pet-error-deadline" };
    }),
  );
  if (deadline.kind === "cancel") return;
  const deadlineIso = deadline.kind === "value" ? deadline.value : null;

  const milestones = await askField(conversation, ctx, { key: "pet-create-ask-milestones", skipKey: "pet-create-no-milestones" }, (raw): Parsed<number[]> => {
    const parsed = parseMilestones(raw);
    return parsed.ok ? parsed : { ok: false, error: "pet-error-milestones" };
  });
  if (milestones.kind === "cancel") return;

  const titles = texts.texts.map((t) => `• ${ctx.t(`pet-language-${t.locale}`)}: ${t.title}`).join("\n");
  await ctx.reply(
    ctx.t("pet-create-summary", {
      titles,
      addressee: texts.addressee,
      goal: goal.value,
      milestones: milestones.kind === "value" ? milestones.value.join(" · ") : "—",
    }),
    { reply_markup: new InlineKeyboard().text(ctx.t("pet-button-save-draft"), createStep.pack({ choice: "save" })).text(ctx.t("button-cancel"), createStep.pack({ choice: "cancel" })) },
  );
  const { data: decision, ctx: confirm } = await ask(conversation, { buttons: { step: createStep }, hint: "pet-create-use-buttons" });
  if (decision.choice !== "save") {
    await replacePressedMessage(confirm, ctx.t("pet-create-cancelled"));
    return;
  }
  await confirm.editMessageReplyMarkup();
  const created = await conversation.external(async (outside) => {
    const result = await outside.services.petitions.create(outside.profile.actor, {
      ...texts,
      goal: goal.value,
      deadline: deadlineIso ? new Date(deadlineIso) : null,
      milestones: milestones.kind === "value" ? milestones.value : [],
    });
    return result.ok ? { ok: true as const, ref: result.value.ref } : { ok: false as const };
  });
  if (!created.ok) {
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  await ctx.reply(ctx.t("pet-create-saved"));
  await conversation.external((outside) => showManagementCard(outside, created.ref));
}

/** New texts for a petition nobody has signed yet. */
export async function editPetitionConversation(conversation: BotConversation, ctx: ConversationContext, ref: string): Promise<void> {
  const actor = await conversation.external((outside) => outside.profile.actor);
  if (!can(actor, "petition.manage")) {
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  const frozen = await conversation.external(async (outside) => (await outside.services.petitions.get(ref))?.frozen ?? true);
  if (frozen) {
    await ctx.reply(ctx.t("pet-error-text-frozen"));
    return;
  }
  await ctx.reply(ctx.t("pet-edit-intro"));
  const texts = await askTexts(conversation, ctx);
  if (!texts) return;
  const edited = await conversation.external(async (outside) => {
    const result = await outside.services.petitions.editText(outside.profile.actor, ref, texts);
    return result.ok ? { ok: true as const, version: result.value.textVersion } : { ok: false as const, error: result.error };
  });
  if (!edited.ok) {
    await ctx.reply(ctx.t(edited.error === "text_frozen" ? "pet-error-text-frozen" : "error-not-allowed"));
    return;
  }
  await ctx.reply(ctx.t("pet-edit-saved", { version: edited.version }));
  await conversation.external((outside) => showManagementCard(outside, ref));
}
