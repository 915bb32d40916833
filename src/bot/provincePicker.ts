import { InlineKeyboard } from "grammy";
import { z } from "zod";
import { provinceName } from "../domain/provinces.js";
import { defineCallback } from "./callbackData.js";
import type { ConversationContext } from "./context.js";
import { waitForButton, type BotConversation } from "./conversationKit.js";

const toggle = defineCallback("prv", { code: z.string().regex(/^[a-z_]{2,30}$/) });
const finish = defineCallback("prx", { action: z.enum(["done", "all", "cancel"]) });

export interface ProvincePickerOptions {
  /** Province codes offered, in order. */
  codes: readonly string[];
  locale: string;
  promptKey: string;
  /** Offer an "all provinces" button (coordinators). */
  allowAll?: boolean;
  /** Edit this message into the picker instead of sending a new one. */
  editInPlace?: ConversationContext;
}

/**
 * A multi-select of provinces inside a conversation: toggle with ticks, then Done (at least one),
 * "All provinces" when offered, or Cancel. Returns the sorted codes, "all", or null when cancelled.
 */
export async function pickProvinces(conversation: BotConversation, ctx: ConversationContext, options: ProvincePickerOptions): Promise<string[] | "all" | null> {
  const selected = new Set<string>();
  const keyboard = () => {
    const kb = new InlineKeyboard();
    if (options.allowAll) kb.text(ctx.t("bc-all-provinces"), finish.pack({ action: "all" })).row();
    options.codes.forEach((code, index) => {
      kb.text((selected.has(code) ? "✅ " : "") + provinceName(code, options.locale), toggle.pack({ code }));
      if (index % 2 === 1) kb.row();
    });
    return kb.row().text(ctx.t("button-done"), finish.pack({ action: "done" })).text(ctx.t("button-cancel"), finish.pack({ action: "cancel" }));
  };
  if (options.editInPlace) await options.editInPlace.editMessageText(ctx.t(options.promptKey), { reply_markup: keyboard() });
  else await ctx.reply(ctx.t(options.promptKey), { reply_markup: keyboard() });

  for (;;) {
    const press = await waitForButton(conversation, [toggle.filter, finish.filter], "reg-error-use-buttons");
    const toggled = toggle.unpack(press.callbackQuery.data);
    if (toggled && options.codes.includes(toggled.code)) {
      if (selected.has(toggled.code)) selected.delete(toggled.code);
      else selected.add(toggled.code);
      await press.answerCallbackQuery();
      await press.editMessageReplyMarkup({ reply_markup: keyboard() });
      continue;
    }
    const action = finish.unpack(press.callbackQuery.data)?.action;
    if (action === "done" && selected.size === 0) {
      await press.answerCallbackQuery({ text: ctx.t("invite-provinces-none-selected"), show_alert: true });
      continue;
    }
    await press.answerCallbackQuery();
    if (action === "cancel") return null;
    if (action === "all" && options.allowAll) return "all";
    if (action === "done") {
      // The choice stays readable in the chat; the buttons go away.
      await press.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
      return [...selected].sort();
    }
  }
}
