import { Composer, InlineKeyboard, InputFile } from "grammy";
import { z } from "zod";
import { formatDigits } from "../../../domain/digits.js";
import { readAuditEntry } from "../../../domain/auditActions.js";
import { personalDataJson, personalDataText, type PersonalDataWords } from "../../../domain/personalData.js";
import { actionText } from "../audit/actionText.js";
import { provinceName } from "../../../domain/provinces.js";
import { ABROAD } from "../../../domain/registration/draft.js";
import { applicableSteps } from "../../../domain/registration/steps.js";
import { formatDate } from "../../../domain/yearInput.js";
import { defineCallback } from "../../callbackData.js";
import { onButton, replacePressedMessage } from "../../buttons.js";
import type { BotContext } from "../../context.js";
import type { MenuEntry } from "../menu/mainMenu.js";
import { answerText } from "../registration/summary.js";

/** The 🔒 menu button offers both; the commands go straight to each. */
const myDataChoice = defineCallback("myd", { action: z.enum(["send", "erase"]) });
/** The answer to "erase everything?", with the minute it was asked: an old question cannot erase a new start. */
const eraseAnswer = defineCallback("myde", { answer: z.enum(["yes", "no"]), askedAt: z.coerce.number().int().nonnegative() });

/** A question to erase everything is answered within this many minutes, or asked again. */
const ERASE_QUESTION_MINUTES = 15;
/** Iran's time for dates families read (+03:30, no daylight saving since 2022). */
const IRAN_UTC_OFFSET_MINUTES = 210;

const minuteOf = (date: Date): number => Math.floor(date.getTime() / 60_000);

/** /mydata sends what is stored about the user; /deletemydata erases it everywhere, after asking once. */
export function myDataFeature() {
  const composer = new Composer<BotContext>();

  async function sendMyData(ctx: BotContext): Promise<void> {
    const locale = await ctx.i18n.getLocale();
    const data = await ctx.services.myData.gather(ctx.from!.id, locale);
    const locations = await ctx.services.locations.listActive();
    const words: PersonalDataWords = {
      locale,
      t: (key, args) => ctx.t(key, args),
      date: (value) => formatDate(value, locale, { utcOffsetMinutes: locale === "fa" ? IRAN_UTC_OFFSET_MINUTES : 0 }),
      caseAnswers: (answers) =>
        applicableSteps(answers).map((step) => ({ label: ctx.t(`reg-field-${step}`), value: answerText(step, answers, ctx, { locale, locations }) })),
      province: (code) => (code === ABROAD ? ctx.t("province-abroad") : provinceName(code, locale)),
      relation: (code) => ctx.t(`pet-relation-${code}`),
      language: (code) => ctx.t(`language-name-${code}`),
      digits: (value) => formatDigits(value, locale),
      auditAction: (action, details) => actionText((key, args) => ctx.t(key, args), readAuditEntry(action, details), locale),
    };
    // A text file any phone opens (UTF-8 with a byte order mark), and the same as JSON for programs.
    await ctx.replyWithDocument(new InputFile(Buffer.from(personalDataText(data, words), "utf8"), "my-data.txt"), { caption: ctx.t("mydata-caption-text") });
    await ctx.replyWithDocument(new InputFile(Buffer.from(personalDataJson(data), "utf8"), "my-data.json"), { caption: ctx.t("mydata-caption-json") });
    ctx.log.info("personal data sent to its owner");
  }

  async function askToErase(ctx: BotContext): Promise<void> {
    const askedAt = minuteOf(ctx.services.clock.now());
    await ctx.reply(ctx.t("deletemydata-question"), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t("deletemydata-yes"), eraseAnswer.pack({ answer: "yes", askedAt }))
        .row()
        .text(ctx.t("deletemydata-no"), eraseAnswer.pack({ answer: "no", askedAt })),
    });
  }

  async function showChoice(ctx: BotContext): Promise<void> {
    await ctx.reply(ctx.t("mydata-menu-prompt"), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t("mydata-send-button"), myDataChoice.pack({ action: "send" }))
        .row()
        .text(ctx.t("mydata-erase-button"), myDataChoice.pack({ action: "erase" })),
    });
  }

  composer.command("mydata", sendMyData);
  composer.command("deletemydata", askToErase);

  onButton(composer, myDataChoice, async (ctx, data) => {
    await ctx.answerCallbackQuery();
    if (data.action === "send") await sendMyData(ctx);
    else await askToErase(ctx);
  });

  onButton(composer, eraseAnswer, async (ctx, data) => {
    if (data.answer === "no") {
      await ctx.answerCallbackQuery();
      await replacePressedMessage(ctx, ctx.t("deletemydata-kept"));
      return;
    }
    if (minuteOf(ctx.services.clock.now()) - data.askedAt > ERASE_QUESTION_MINUTES) {
      await ctx.answerCallbackQuery();
      await replacePressedMessage(ctx, ctx.t("deletemydata-expired"));
      return;
    }
    await ctx.answerCallbackQuery();
    // An unfinished conversation is part of their data: leave it, so the plugin stores nothing after the erasure.
    if (Object.keys(ctx.conversation.active()).length > 0) await ctx.conversation.exitAll();
    const summary = await ctx.services.myData.erase(ctx.from.id);
    ctx.log.info({ ...summary }, "a user erased their data");
    // A double tap erases twice (harmless); the second edit finds the text unchanged, which Telegram refuses.
    await ctx.editMessageText(ctx.t("deletemydata-done")).catch((error: unknown) => ctx.log.info({ err: (error as Error).message }, "erasure answer not edited"));
    // Their own command list (set when they chose a language or got a role) goes back to the default.
    if (ctx.chat) {
      await ctx.api.deleteMyCommands({ scope: { type: "chat", chat_id: ctx.chat.id } }).catch((error: unknown) => ctx.log.warn({ err: (error as Error).message }, "could not reset chat commands"));
    }
  });

  const menuEntry: MenuEntry = { labelKey: "menu-mydata", visibleTo: () => true, run: showChoice };
  return { composer, menuEntry };
}
