import { Keyboard } from "grammy";
import { parseFreeText, parseFullName, parsePhone, parseYearAnswer, TEXT_LIMITS, type AnswerError } from "../../../domain/registration/answers.js";
import type { RegistrationDraft } from "../../../domain/registration/draft.js";
import { pruneDraft, STEP_RULES, type RegistrationStep } from "../../../domain/registration/steps.js";
import type { YearPair } from "../../../domain/yearInput.js";
import { formatDigits } from "../../../domain/digits.js";
import type { ConversationContext } from "../../context.js";
import type { BotConversation } from "../../conversationKit.js";
import { calendarButton, choiceButton, consentButton, controlButton, resumeButton, summaryButton } from "./callbacks.js";
import { choicesFor, renderQuestion, type StepEnvironment } from "./stepPrompts.js";

export type StepOutcome = { kind: "answered"; draft: RegistrationDraft } | { kind: "back" } | { kind: "cancelled" };

export interface AskOptions {
  backAllowed: boolean;
  now: Date;
}

/**
 * Asks one question until it gets a valid answer, Back, Skip or a confirmed Cancel. Bad input gets
 * a specific message and the same question again; the answers given so far are never touched.
 * Commands, menu buttons and other features' buttons pass through to the rest of the bot.
 */
export async function askStep(
  conversation: BotConversation,
  ctx: ConversationContext,
  step: RegistrationStep,
  draft: RegistrationDraft,
  env: StepEnvironment,
  options: AskOptions,
): Promise<StepOutcome> {
  const rule = STEP_RULES[step];
  const ask = async (target: ConversationContext) => {
    const question = renderQuestion(step, draft, target, env, { backAllowed: options.backAllowed });
    await target.reply(question.text, { reply_markup: question.keyboard });
    if (rule.input === "phone") {
      await target.reply(target.t("reg-phone-share-hint"), {
        reply_markup: new Keyboard().requestContact(target.t("reg-share-phone")).oneTime().resized(),
      });
    }
  };
  const answered = (next: RegistrationDraft): StepOutcome => ({ kind: "answered", draft: pruneDraft(next) });
  let ambiguousYear: { asSolarHijri: YearPair; asGregorian: YearPair } | undefined;

  await ask(ctx);
  for (;;) {
    const next = await conversation.wait();
    const data = next.callbackQuery?.data;
    if (data !== undefined) {
      if (resumeButton.unpack(data)?.action === "continue") {
        await next.answerCallbackQuery();
        await ask(next);
        continue;
      }
      const control = controlButton.unpack(data);
      if (control) {
        await next.answerCallbackQuery();
        if (control.action === "back" && options.backAllowed) return { kind: "back" };
        if (control.action === "skip" && rule.optional) return answered(skipped(step, draft));
        if (control.action === "cancel") {
          if (await confirmCancel(conversation, next)) return { kind: "cancelled" };
          await ask(next);
        }
        continue;
      }
      const choice = choiceButton.unpack(data);
      if (choice && choice.step === step && choicesFor(step, next, env).some((c) => c.value === choice.value)) {
        await next.answerCallbackQuery();
        return answered({ ...draft, [step]: choice.value });
      }
      const calendar = calendarButton.unpack(data);
      if (calendar && ambiguousYear) {
        await next.answerCallbackQuery();
        const pair = calendar.calendar === "solarHijri" ? ambiguousYear.asSolarHijri : ambiguousYear.asGregorian;
        return answered({ ...draft, [step]: pair.gregorian });
      }
      if (choice || calendar || summaryButton.unpack(data) || consentButton.unpack(data)) {
        await next.answerCallbackQuery({ text: next.t("error-button-expired") });
        continue;
      }
      await conversation.skip({ next: true });
    }
    if (next.isOutsideInput || !next.message) await conversation.skip({ next: true });

    const message = next.message!;
    const text = message.text;
    let error: AnswerError | "use-buttons" | "send-photo" | "text-expected" | undefined;
    let limit: number | undefined;
    switch (rule.input) {
      case "choice": {
        // Someone may type the label instead of pressing it; accept an exact match.
        const typed = text?.trim().toLowerCase();
        const match = choicesFor(step, next, env).find((c) => c.label.toLowerCase() === typed);
        if (match) return answered({ ...draft, [step]: match.value });
        error = "use-buttons";
        break;
      }
      case "photo": {
        const largest = message.photo?.at(-1);
        if (largest) return answered({ ...draft, photoFileId: largest.file_id });
        error = "send-photo";
        break;
      }
      case "phone": {
        const phone = message.contact?.phone_number ?? text;
        if (phone === undefined) {
          error = "text-expected";
          break;
        }
        const parsed = parsePhone(phone);
        if (parsed.ok) return answered({ ...draft, phone: parsed.value });
        error = parsed.error;
        break;
      }
      case "year": {
        if (text === undefined) {
          error = "text-expected";
          break;
        }
        const parsed = parseYearAnswer(text, step as "birthYear" | "leftYear" | "lastContactYear", draft, options.now);
        if (parsed.ok === true) return answered({ ...draft, [step]: parsed.value.gregorian });
        if (parsed.ok === "ambiguous") {
          ambiguousYear = { asSolarHijri: parsed.asSolarHijri, asGregorian: parsed.asGregorian };
          await next.reply(
            next.t("reg-year-which", {
              solar: formatDigits(parsed.asSolarHijri.solarHijri, env.locale),
              gregorian: formatDigits(parsed.asGregorian.gregorian, env.locale),
            }),
            {
              reply_markup: {
                inline_keyboard: [
                  [{ text: next.t("reg-year-solar", { year: formatDigits(parsed.asSolarHijri.solarHijri, env.locale) }), callback_data: calendarButton.pack({ calendar: "solarHijri" }) }],
                  [{ text: next.t("reg-year-gregorian", { year: formatDigits(parsed.asGregorian.gregorian, env.locale) }), callback_data: calendarButton.pack({ calendar: "gregorian" }) }],
                ],
              },
            },
          );
          continue;
        }
        error = parsed.error;
        break;
      }
      case "text": {
        if (text === undefined) {
          error = "text-expected";
          break;
        }
        const parsed =
          step === "fullName"
            ? parseFullName(text)
            : parseFreeText(text, textLimit(step), { multiline: step === "notes", name: step !== "notes" });
        if (parsed.ok) return answered({ ...draft, [step]: parsed.value });
        error = parsed.error;
        limit = parsed.limit;
        break;
      }
    }
    await next.reply(next.t(`reg-error-${error}`, { limit: limit ?? 0 }));
    await ask(next);
  }
}

function textLimit(step: RegistrationStep): number {
  switch (step) {
    case "otherNames":
      return TEXT_LIMITS.otherNames;
    case "leftPlace":
      return TEXT_LIMITS.place;
    case "locationOther":
      return TEXT_LIMITS.locationOther;
    case "notes":
      return TEXT_LIMITS.notes;
    case "familyCity":
      return TEXT_LIMITS.city;
    default:
      return TEXT_LIMITS.country;
  }
}

/** What a skipped optional answer is stored as. */
function skipped(step: RegistrationStep, draft: RegistrationDraft): RegistrationDraft {
  return step === "photo" ? { ...draft, photoFileId: null } : { ...draft, [step]: null };
}

/** Cancel asks before discarding anything. */
export async function confirmCancel(conversation: BotConversation, ctx: ConversationContext): Promise<boolean> {
  await ctx.reply(ctx.t("reg-cancel-confirm"), {
    reply_markup: {
      inline_keyboard: [
        [{ text: ctx.t("reg-cancel-discard"), callback_data: controlButton.pack({ action: "discard" }) }],
        [{ text: ctx.t("reg-cancel-keep"), callback_data: controlButton.pack({ action: "keep" }) }],
      ],
    },
  });
  for (;;) {
    const next = await conversation.wait();
    const control = controlButton.unpack(next.callbackQuery?.data);
    if (control?.action === "discard" || control?.action === "keep") {
      await next.answerCallbackQuery();
      await next.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
      return control.action === "discard";
    }
    if (next.isOutsideInput || (next.callbackQuery && !control)) await conversation.skip({ next: true });
    if (next.callbackQuery) await next.answerCallbackQuery();
    await next.reply(next.t("reg-error-use-buttons"));
  }
}
