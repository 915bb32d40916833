/**
 * Webhook-mode tests post updates to the bot themselves. The emulator (Telegram's side) is told an
 * address where nothing listens, so it never delivers them as well.
 */
export const WEBHOOK_SECRET = "s3cret-token-for-tests";
export const unreachableWebhook = { url: "http://127.0.0.1:1/telegram/webhook", secretToken: WEBHOOK_SECRET };

/** Headers of Telegram's POST to the webhook, with our secret. */
export const webhookHeaders = { "content-type": "application/json", "x-telegram-bot-api-secret-token": WEBHOOK_SECRET };

/** A user's /help command as Telegram posts it to the webhook. */
export function helpCommandUpdate(updateId: number, userId: number) {
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: userId, type: "private", first_name: "W" },
      from: { id: userId, is_bot: false, first_name: "W", language_code: "en" },
      text: "/help",
      entities: [{ type: "bot_command", offset: 0, length: 5 }],
    },
  };
}
