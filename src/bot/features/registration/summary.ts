import { InlineKeyboard } from "grammy";
import { provinceName } from "../../../domain/provinces.js";
import { ABROAD, type RegistrationDraft } from "../../../domain/registration/draft.js";
import { applicableSteps, type RegistrationStep } from "../../../domain/registration/steps.js";
import { formatYear } from "../../../domain/yearInput.js";

import { summaryButton } from "./callbacks.js";
import { choicesFor, type StepEnvironment, type Translator } from "./stepPrompts.js";

/** An answer as the family reads it back, in their language and calendar. */
export function answerText(step: RegistrationStep, draft: RegistrationDraft, ctx: Translator, env: StepEnvironment): string {
  const none = ctx.t("reg-value-none");
  const year = (value: number | null | undefined) => (value == null ? none : formatYear(value, env.locale));
  const choice = (value: string | undefined) => choicesFor(step, ctx, env).find((c) => c.value === value)?.label ?? value ?? none;
  switch (step) {
    case "relation":
    case "sex":
    case "location":
    case "lastContactMethod":
    case "contactPreference":
      return choice(draft[step === "location" ? "location" : step]);
    case "familyProvince":
      return draft.familyProvince === ABROAD ? ctx.t("province-abroad") : draft.familyProvince ? provinceName(draft.familyProvince, env.locale) : none;
    case "birthYear":
    case "leftYear":
    case "lastContactYear":
      return year(draft[step]);
    case "photo":
      return draft.photoFileId ? ctx.t("reg-value-photo") : none;
    case "fullName":
    case "otherNames":
    case "leftPlace":
    case "locationOther":
    case "notes":
    case "familyCity":
    case "familyCountry":
    case "phone":
      return draft[step] ?? none;
  }
}

/** Every answer with an edit button each, then Save and Cancel. */
export function renderSummary(draft: RegistrationDraft, ctx: Translator, env: StepEnvironment, mode: "new" | "edit") {
  const steps = applicableSteps(draft);
  const lines = steps.map((step) => `• ${ctx.t(`reg-field-${step}`)}: ${answerText(step, draft, ctx, env)}`);
  const keyboard = new InlineKeyboard();
  steps.forEach((step, index) => {
    keyboard.text(`✏️ ${ctx.t(`reg-field-${step}`)}`, summaryButton.pack({ action: "edit", step }));
    if (index % 2 === 1) keyboard.row();
  });
  keyboard.row().text(ctx.t(mode === "new" ? "reg-save" : "reg-save-changes"), summaryButton.pack({ action: "save", step: "none" }));
  keyboard.text(ctx.t("button-cancel"), summaryButton.pack({ action: "cancel", step: "none" }));
  return { text: `${ctx.t("reg-summary-title")}\n\n${lines.join("\n")}`, keyboard };
}
