import { InlineKeyboard } from "grammy";
import { z } from "zod";
import { provinceName } from "../domain/provinces.js";
import { defineCallback } from "./callbackData.js";
import type { ConversationContext } from "./context.js";
import { ask } from "./ask.js";
import { replacePressedMessage } from "./buttons.js";
import type { BotConversation } from "./conversationKit.js";

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
  if (options.editInPlace) await replacePressedMessage(options.editInPlace, ctx.t(options.promptKey), { reply_markup: keyboard() });
  else await ctx.reply(ctx.t(options.promptKey), { reply_markup: keyboard() });

  const buttons = {
    toggle: { button: toggle, accepts: (d: { code: string }) => options.codes.includes(d.code) },
    // "Done" with nothing ticked is refused with an alert; the question stays open.
    finish: {
      button: finish,
      accepts: (d: { action: string }) => (d.action === "all" ? options.allowAll === true : d.action !== "done" || selected.size > 0 || { alert: "invite-provinces-none-selected" }),
    },
  };
  for (;;) {
    const press = await ask(conversation, { buttons });
    if (press.kind === "toggle") {
      if (selected.has(press.data.code)) selected.delete(press.data.code);
      else selected.add(press.data.code);
      await press.ctx.editMessageReplyMarkup({ reply_markup: keyboard() });
      continue;
    }
    if (press.data.action === "cancel") return null;
    if (press.data.action === "all") return "all";
    // The choice stays readable in the chat; the buttons go away.
    await press.ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
    return [...selected].sort();
  }
}
