import type { I18nFlavor } from "@grammyjs/i18n";
import { GrammyError, type CallbackQueryContext, type Composer, type Context, type Middleware } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { CallbackButton } from "./callbackData.js";
import type { BotContext } from "./context.js";

export type ButtonContext = CallbackQueryContext<BotContext>;
export type ButtonHandler<Data> = (ctx: ButtonContext, data: Data) => unknown;

/**
 * Puts `text` in place of the pressed message (its buttons go). When Telegram refuses the edit (the
 * message is gone, or the press was forged on one that never existed) the text comes as a new
 * message instead: what the button did is done, and must not be reported as a failure.
 */
export async function replacePressedMessage(ctx: Context, text: string, other: { reply_markup?: InlineKeyboardMarkup } = {}): Promise<void> {
  try {
    await ctx.editMessageText(text, other);
  } catch (error) {
    if (!(error instanceof GrammyError) || error.error_code !== 400) throw error;
    await ctx.reply(text, other);
  }
}

/** The one answer to a button that is stale (an old message) or forged: its spinner stops with a short note. */
export async function answerExpiredButton(ctx: Context & I18nFlavor): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t("error-button-expired") });
}

/**
 * Handles presses of one kind of button: its data is unpacked once, an expired or forged press is
 * answered here, and the handler gets the typed data (it answers the press itself). Guards such as
 * `requirePermission` go between the button and the handler, and run first:
 *
 *   onButton(composer, moveCase, requirePermission("case.status"), async (ctx, { caseId, to }) => { … });
 */
export function onButton<Data>(
  composer: Composer<BotContext>,
  button: CallbackButton<Data>,
  ...chain: [...guards: Middleware<ButtonContext>[], handler: ButtonHandler<Data>]
): void {
  const handler = chain.at(-1) as ButtonHandler<Data>;
  const guards = chain.slice(0, -1) as Middleware<ButtonContext>[];
  composer.callbackQuery(button.filter, ...guards, async (ctx) => {
    const data = button.unpack(ctx.callbackQuery.data);
    if (data === null) return answerExpiredButton(ctx);
    await handler(ctx, data);
  });
}
