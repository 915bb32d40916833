// The ceiling of bench:updates: a bare grammY bot that only echoes text and answers button presses,
// with the same long-polling loop as ours (src/bot/polling.ts: concurrent across chats, in order
// within a chat), on the same emulator and machine. Run as its own process:
//   BOT_TOKEN=… TELEGRAM_API_ROOT=… tsx bench/support/echoBot.ts

import { Bot } from "grammy";
import { startPolling } from "../../src/bot/polling.js";
import { silentLogger } from "../../src/logger.js";

const bot = new Bot(process.env.BOT_TOKEN ?? "", { client: { apiRoot: process.env.TELEGRAM_API_ROOT ?? "" } });
bot.on("message:text", (ctx) => ctx.reply(ctx.message.text));
bot.on("callback_query", (ctx) => ctx.answerCallbackQuery());
await bot.init();
await bot.api.deleteWebhook();
// The poller only hands updates to bot.handleUpdate: the context type does not matter to it.
const poller = startPolling(bot as never, { log: silentLogger });
process.once("SIGTERM", () => void poller.stop().then(() => process.exit(0)));
