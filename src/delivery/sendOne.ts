import type { Api } from "grammy";
import { classifySendError, type SendFailure } from "./classifyError.js";
import { sendContent } from "./renderContent.js";
import type { OutgoingContent } from "./types.js";

/** Telegram's answer to one message: its id, or what to do about the failure (classifyError.ts). */
export type SendAnswer = { kind: "sent"; messageId: number } | SendFailure;

/**
 * Sends one message and classifies the answer; never throws. `chatId` resolves the recipient's
 * pseudonym at the last moment (a ref that does not resolve fails like any other send).
 */
export async function sendOne(api: Api, chatId: () => number, content: OutgoingContent, options: { paid: boolean }): Promise<SendAnswer> {
  try {
    return { kind: "sent", messageId: await sendContent(api, chatId(), content, options) };
  } catch (error) {
    return classifySendError(error);
  }
}
