import { formatDigits } from "../../../domain/digits.js";
import { ABROAD, type RegistrationDraft } from "../../../domain/registration/draft.js";
import { isComplete, nextStep, previousStep, type RegistrationStep } from "../../../domain/registration/steps.js";
import type { ConversationContext } from "../../context.js";
import { ask } from "../../ask.js";
import type { BotConversation } from "../../conversationKit.js";
import { askStep, confirmCancel } from "./askStep.js";
import { consentButton, summaryButton } from "./callbacks.js";
import { settleTimeZoneAfterRegistration } from "../settings/index.js";
import type { StepEnvironment } from "./stepPrompts.js";
import { renderSummary } from "./summary.js";

export const REGISTRATION_CONVERSATION = "registration";

/** Started empty for a new registration, or with a stored case for editing it. */
export interface RegistrationInput {
  edit?: { caseId: string; draft: RegistrationDraft };
}

/**
 * A family registers a missing relative: consent first (nothing is stored without it), then one
 * question at a time with Back / Skip / Cancel, a summary with "edit" per answer, and only then
 * the save. The state lives in the conversation storage, so a restart loses nobody's place.
 */
export async function registrationConversation(conversation: BotConversation, ctx: ConversationContext, input: RegistrationInput = {}): Promise<void> {
  const env: StepEnvironment = {
    locale: await conversation.external((outside) => outside.i18n.getLocale()),
    locations: await conversation.external((outside) => outside.services.locations.listActive()),
  };
  const now = new Date(await conversation.external((outside) => outside.services.clock.now().getTime()));
  const mode = input.edit ? "edit" : "new";
  let draft: RegistrationDraft = input.edit?.draft ?? {};
  // A reminder of this registration that waits for the morning has nothing left to remind of once it ends.
  const forgetReminders = () => conversation.external((outside) => outside.services.registrationReminders.cancelFor(outside.from!.id));
  let consentAt = 0;

  if (mode === "new") {
    const consent = await ask(conversation, {
      prompt: () =>
        ctx.reply(ctx.t("reg-consent"), {
          reply_markup: {
            inline_keyboard: [
              [{ text: ctx.t("reg-consent-agree"), callback_data: consentButton.pack({ answer: "agree" }) }],
              [{ text: ctx.t("reg-consent-decline"), callback_data: consentButton.pack({ answer: "decline" }) }],
            ],
          },
        }),
      buttons: { consent: consentButton },
    });
    const press = consent.ctx;
    // The pressed message may be gone (deleted, or the press is forged): the answer then comes as a
    // new message, and the conversation goes on — a failed edit must not end it.
    if (consent.data.answer !== "agree") {
      await press.editMessageText(ctx.t("reg-declined")).catch(() => ctx.reply(ctx.t("reg-declined")));
      return;
    }
    await press.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
    consentAt = await conversation.now();
  }

  // The questions, in order; Back goes to the previous one and then on to the first unanswered.
  let step: RegistrationStep | null = nextStep(draft);
  while (step) {
    const outcome = await askStep(conversation, ctx, step, draft, env, { backAllowed: true, now });
    if (outcome.kind === "cancelled") {
      await forgetReminders();
      await ctx.reply(ctx.t("reg-cancelled"));
      return;
    }
    if (outcome.kind === "back") {
      step = previousStep(step, draft) ?? step;
      continue;
    }
    draft = outcome.draft;
    step = nextStep(draft);
  }

  // The summary: read everything back, edit any answer, then save.
  for (;;) {
    const summary = renderSummary(draft, ctx, env, mode);
    const { data: action, ctx: press } = await ask(conversation, {
      prompt: () => ctx.reply(summary.text, { reply_markup: summary.keyboard }),
      buttons: { summary: summaryButton },
    });
    await press.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
    if (action.action === "cancel") {
      if (await confirmCancel(conversation, press)) {
        if (mode === "new") await forgetReminders();
        await ctx.reply(ctx.t(mode === "new" ? "reg-cancelled" : "reg-edit-cancelled"));
        return;
      }
      continue;
    }
    if (action.action === "edit" && action.step !== "none") {
      let editing: RegistrationStep | null = action.step;
      while (editing) {
        const outcome = await askStep(conversation, ctx, editing, draft, env, { backAllowed: false, now });
        if (outcome.kind === "cancelled") {
          if (mode === "new") await forgetReminders();
          await ctx.reply(ctx.t(mode === "new" ? "reg-cancelled" : "reg-edit-cancelled"));
          return;
        }
        if (outcome.kind === "answered") draft = outcome.draft;
        // A changed answer may open a new question (e.g. the country after "outside Iran").
        editing = nextStep(draft);
      }
      continue;
    }
    if (!isComplete(draft)) continue;
    const complete = draft;
    if (mode === "new") {
      // The family gets their reference first; the duplicate search (a query per name key) runs in
      // the background after the update (services/cases/duplicateCheckQueue.ts), and the
      // check-unchecked-duplicates job runs one a crash or a full queue left undone.
      const saved = await conversation.external((outside) =>
        outside.services.cases.register({ userId: outside.from!.id, locale: env.locale, draft: complete, consentAt: new Date(consentAt), duplicateSearch: "later" }),
      );
      await ctx.reply(ctx.t("reg-saved", { reference: formatDigits(saved.reference, env.locale) }));
      await conversation.external((outside) => outside.services.duplicateChecks.add(saved.caseId));
      await forgetReminders();
      // A family abroad: reminders follow their clock, not Tehran's (asked once, changeable in /settings).
      if (complete.familyProvince === ABROAD) await settleTimeZoneAfterRegistration(conversation, ctx, complete.familyCountry);
    } else {
      const caseId = input.edit!.caseId;
      const result = await conversation.external((outside) => outside.services.cases.updateForFamily(outside.from!.id, caseId, complete));
      await ctx.reply(ctx.t(result.ok ? "reg-updated" : "mycases-not-found"));
    }
    return;
  }
}
