import type { Transformer } from "grammy";

/** Telegram's answer to a callback query answered twice, or answered after ~15 s / 15 min. */
const EXPIRED_QUERY = /query is too old and response timeout expired or query ID is invalid/i;
/** Telegram's answer to an edit that would leave the message as it is. */
const NOT_MODIFIED = /message is not modified/i;
/** Telegram's answer to an edit of a message it no longer has (deleted, or a forged press on one that never was). */
const EDIT_TARGET_GONE = /message to edit not found/i;
const EDITS = new Set(["editMessageText", "editMessageReplyMarkup", "editMessageCaption", "editMessageMedia"]);

/**
 * Answering a button press only stops its spinner; it must never abort the action. When a press is
 * handled again (retried after a database outage, taken over after a crash), Telegram refuses the
 * second answer with "query is too old…": that refusal is taken as done, for every handler and
 * conversation in one place. Likewise an edit Telegram refuses as "message is not modified" (the
 * message is already as asked: the edit was made before the crash). Other errors (a text too
 * long…) still fail as they should.
 */
export function ignoreExpiredCallbackAnswers(onIgnored?: () => void): Transformer {
  return async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (method === "answerCallbackQuery" && !result.ok && result.error_code === 400 && EXPIRED_QUERY.test(result.description)) {
      onIgnored?.();
      return { ok: true, result: true as never };
    }
    // The same for an edit made again (a press taken over after a crash replays the conversation's
    // step, and the keyboard it removes is gone already): the message is as the edit wants it.
    if (EDITS.has(method) && !result.ok && result.error_code === 400 && NOT_MODIFIED.test(result.description)) {
      onIgnored?.();
      return { ok: true, result: true as never };
    }
    // Taking the buttons off a message that is gone: nothing is left to take them off (text edits
    // of a pressed message go through replacePressedMessage, which sends the text instead).
    if (method === "editMessageReplyMarkup" && !result.ok && result.error_code === 400 && EDIT_TARGET_GONE.test(result.description)) {
      onIgnored?.();
      return { ok: true, result: true as never };
    }
    return result;
  };
}
