import { InlineKeyboard, Keyboard } from "grammy";
import type { Message } from "grammy/types";
import { parseFreeText, parseFullName, parsePhone, parseYearAnswer, TEXT_LIMITS } from "../../../domain/registration/answers.js";
import type { RegistrationDraft } from "../../../domain/registration/draft.js";
import { pruneDraft, STEP_RULES, type RegistrationStep } from "../../../domain/registration/steps.js";
import type { YearPair } from "../../../domain/yearInput.js";
import { formatDigits } from "../../../domain/digits.js";
import type { ConversationContext } from "../../context.js";
import { ask, type Parsed } from "../../ask.js";
import type { BotConversation } from "../../conversationKit.js";
import { withAnswerMessage } from "./answerMessages.js";
import { calendarButton, choiceButton, controlButton, resumeButton } from "./callbacks.js";
import { choicesFor, renderQuestion, type StepEnvironment } from "./stepPrompts.js";

export type StepOutcome = { kind: "answered"; draft: RegistrationDraft } | { kind: "back" } | { kind: "cancelled" };

export interface AskOptions {
  backAllowed: boolean;
  now: Date;
}

type AmbiguousYear = { asSolarHijri: YearPair; asGregorian: YearPair };
/** What a message answers: the draft with it, or a two-digit year that needs its calendar chosen. */
type StepReading = { kind: "draft"; draft: RegistrationDraft } | ({ kind: "ambiguous" } & AmbiguousYear);

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
  const question = async () => {
    const rendered = renderQuestion(step, draft, ctx, env, { backAllowed: options.backAllowed });
    await ctx.reply(rendered.text, { reply_markup: rendered.keyboard });
    if (rule.input === "phone") {
      await ctx.reply(ctx.t("reg-phone-share-hint"), { reply_markup: new Keyboard().requestContact(ctx.t("reg-share-phone")).oneTime().resized() });
    }
  };
  const answered = (next: RegistrationDraft): StepOutcome => ({ kind: "answered", draft: pruneDraft(next) });
  let ambiguousYear: AmbiguousYear | undefined;
  let prompt: (() => Promise<unknown>) | undefined = question;

  for (;;) {
    const answer = await ask(conversation, {
      prompt,
      repeat: question,
      buttons: {
        // "Continue" on the offer to resume (after /start) asks the open question again.
        resume: { button: resumeButton, accepts: (d: { action: string }) => d.action === "continue" },
        control: {
          button: controlButton,
          accepts: (d: { action: string }) => d.action === "cancel" || (d.action === "back" && options.backAllowed) || (d.action === "skip" && rule.optional),
        },
        choice: { button: choiceButton, accepts: (d: { step: string; value: string }) => d.step === step && choicesFor(step, ctx, env).some((c) => c.value === d.value) },
        calendar: { button: calendarButton, accepts: () => ambiguousYear !== undefined },
      },
      message: (message) => readStepAnswer(step, message, draft, ctx, env, options.now),
    });
    prompt = undefined;
    switch (answer.kind) {
      case "resume":
        prompt = question;
        continue;
      case "control":
        if (answer.data.action === "back") return { kind: "back" };
        if (answer.data.action === "skip") return answered(skipped(step, draft));
        if (await confirmCancel(conversation, answer.ctx)) return { kind: "cancelled" };
        prompt = question;
        continue;
      case "choice":
        return answered({ ...draft, [step]: answer.data.value });
      case "calendar": {
        const pair = answer.data.calendar === "solarHijri" ? ambiguousYear!.asSolarHijri : ambiguousYear!.asGregorian;
        return answered({ ...draft, [step]: pair.gregorian });
      }
      case "message":
        if (answer.value.kind === "draft") return answered(answer.value.draft);
        ambiguousYear = { asSolarHijri: answer.value.asSolarHijri, asGregorian: answer.value.asGregorian };
        await askCalendar(answer.ctx, ambiguousYear, env.locale);
    }
  }
}

/** "Did you mean 1360 (Solar Hijri) or 1960?" for a two-digit year. */
async function askCalendar(ctx: ConversationContext, year: AmbiguousYear, locale: string): Promise<void> {
  const solar = formatDigits(year.asSolarHijri.solarHijri, locale);
  const gregorian = formatDigits(year.asGregorian.gregorian, locale);
  await ctx.reply(ctx.t("reg-year-which", { solar, gregorian }), {
    reply_markup: {
      inline_keyboard: [
        [{ text: ctx.t("reg-year-solar", { year: solar }), callback_data: calendarButton.pack({ calendar: "solarHijri" }) }],
        [{ text: ctx.t("reg-year-gregorian", { year: gregorian }), callback_data: calendarButton.pack({ calendar: "gregorian" }) }],
      ],
    },
  });
}

/** Reads a message as the answer to one step: a label typed instead of pressed, a photo, a shared contact or a phone number, a year, a text. */
function readStepAnswer(step: RegistrationStep, message: Message, draft: RegistrationDraft, ctx: ConversationContext, env: StepEnvironment, now: Date): Parsed<StepReading> {
  const text = message.text;
  const to = (value: unknown): Parsed<StepReading> => ({ ok: true, value: { kind: "draft", draft: { ...draft, [step]: value } } });
  const failed = (error: string): Parsed<StepReading> => ({ ok: false, error: `reg-error-${error}` });
  const rule = STEP_RULES[step];
  switch (rule.input) {
    case "choice": {
      // Someone may type the label instead of pressing it; accept an exact match.
      const typed = text?.trim().toLowerCase();
      const match = choicesFor(step, ctx, env).find((c) => c.label.toLowerCase() === typed);
      return match ? to(match.value) : failed("use-buttons");
    }
    case "photo": {
      const largest = message.photo?.at(-1);
      return largest ? { ok: true, value: { kind: "draft", draft: { ...draft, photoFileId: largest.file_id } } } : failed("send-photo");
    }
    case "phone": {
      const phone = message.contact?.phone_number ?? text;
      if (phone === undefined) return failed("text-expected");
      const parsed = parsePhone(phone);
      return parsed.ok ? to(parsed.value) : withAnswerMessage(parsed);
    }
    case "year": {
      if (text === undefined) return failed("text-expected");
      const parsed = parseYearAnswer(text, step as "birthYear" | "leftYear" | "lastContactYear", draft, now);
      if (parsed.ok === "ambiguous") return { ok: true, value: { kind: "ambiguous", asSolarHijri: parsed.asSolarHijri, asGregorian: parsed.asGregorian } };
      return parsed.ok ? to(parsed.value.gregorian) : withAnswerMessage(parsed);
    }
    case "text": {
      if (text === undefined) return failed("text-expected");
      const parsed = step === "fullName" ? parseFullName(text) : parseFreeText(text, textLimit(step), { multiline: step === "notes", name: step !== "notes" });
      return parsed.ok ? to(parsed.value) : withAnswerMessage(parsed);
    }
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
  const answer = await ask(conversation, {
    prompt: () =>
      ctx.reply(ctx.t("reg-cancel-confirm"), {
        reply_markup: new InlineKeyboard().text(ctx.t("reg-cancel-discard"), controlButton.pack({ action: "discard" })).row().text(ctx.t("reg-cancel-keep"), controlButton.pack({ action: "keep" })),
      }),
    buttons: { control: { button: controlButton, accepts: (d: { action: string }) => d.action === "discard" || d.action === "keep" } },
  });
  await answer.ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
  return answer.data.action === "discard";
}
