import type { I18nFlavor } from "@grammyjs/i18n";
import { InlineKeyboard } from "grammy";
import { listProvinces, provinceName } from "../../../domain/provinces.js";
import { ABROAD, CONTACT_PREFERENCES, LOCATION_OTHER, LOCATION_UNKNOWN, type RegistrationDraft } from "../../../domain/registration/draft.js";
import { progress, previousStep, STEP_RULES, type RegistrationStep } from "../../../domain/registration/steps.js";
import { LAST_CONTACT_METHODS, RELATIONS, SEXES } from "../../../domain/relations.js";
import { locationName, type BelievedLocation } from "../../../services/locations.js";
import { choiceButton, controlButton } from "./callbacks.js";

/** Anything that can translate: a conversation context or a bot context. */
export type Translator = Pick<I18nFlavor, "t">;

export interface StepEnvironment {
  locale: string;
  locations: BelievedLocation[];
}

export interface Choice {
  value: string;
  label: string;
}

/** The finite answers of a choice step, labelled in the user's language. */
export function choicesFor(step: RegistrationStep, ctx: Translator, env: StepEnvironment): Choice[] {
  switch (step) {
    case "relation":
      return RELATIONS.map((value) => ({ value, label: ctx.t(`relation-${value}`) }));
    case "sex":
      return SEXES.map((value) => ({ value, label: ctx.t(`sex-${value}`) }));
    case "location":
      return [
        ...env.locations.map((l) => ({ value: l.code, label: locationName(l, env.locale) })),
        { value: LOCATION_OTHER, label: ctx.t("location-other") },
        { value: LOCATION_UNKNOWN, label: ctx.t("location-unknown") },
      ];
    case "familyProvince":
      return [
        ...listProvinces()
          .map((p) => ({ value: p.code, label: provinceName(p.code, env.locale) }))
          .sort((a, b) => a.label.localeCompare(b.label, env.locale)),
        { value: ABROAD, label: ctx.t("province-abroad") },
      ];
    case "lastContactMethod":
      return LAST_CONTACT_METHODS.map((value) => ({ value, label: ctx.t(`contact-${value}`) }));
    case "contactPreference":
      return CONTACT_PREFERENCES.map((value) => ({ value, label: ctx.t(`reach-${value}`) }));
    default:
      return [];
  }
}

/** "Step 3 of 14" and the question, with its choices and Back / Skip / Cancel. */
export function renderQuestion(step: RegistrationStep, draft: RegistrationDraft, ctx: Translator, env: StepEnvironment, options: { backAllowed: boolean }) {
  const { current, total } = progress(step, draft);
  const text = `${ctx.t("reg-progress", { current, total })}\n\n${ctx.t(`reg-q-${step}`)}`;
  const keyboard = new InlineKeyboard();
  const choices = choicesFor(step, ctx, env);
  const perRow = step === "familyProvince" || step === "location" ? 2 : choices.length > 4 ? 2 : 1;
  choices.forEach((choice, index) => {
    keyboard.text(choice.label, choiceButton.pack({ step, value: choice.value }));
    if ((index + 1) % perRow === 0) keyboard.row();
  });
  if (choices.length % perRow !== 0) keyboard.row();
  if (options.backAllowed && previousStep(step, draft) !== null) keyboard.text(ctx.t("button-back"), controlButton.pack({ action: "back" }));
  if (STEP_RULES[step].optional) keyboard.text(ctx.t("button-skip"), controlButton.pack({ action: "skip" }));
  keyboard.text(ctx.t("button-cancel"), controlButton.pack({ action: "cancel" }));
  return { text, keyboard };
}
