import { GrammyError, HttpError, type Transformer } from "grammy";
import type { Logger } from "../logger.js";
import { sleep } from "../sleep.js";

/**
 * Telegram could not be reached, or failed on its side: the request never got an answer (network
 * error, dropped connection, timeout) or was answered 5xx. Not a 429 (the error boundary waits that
 * out) and not a 4xx (our request was wrong). An update whose reply failed this way is handled again
 * later — the poller fetches it again after a backoff, a webhook answers 503 so Telegram delivers it
 * again — instead of being finished with the user told nothing.
 */
export function isTelegramUnreachableError(error: unknown): boolean {
  let current: unknown = error;
  // grammY wraps handler errors in BotError { error }.
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    if (current instanceof HttpError) return true;
    if (current instanceof GrammyError) return current.error_code >= 500;
    current = (current as { error?: unknown }).error ?? current.cause;
  }
  return false;
}

/** How long a reply keeps trying while Telegram is away, before its update is left to be handled again. */
export const REPLY_OUTAGE_BUDGET_MS = 45_000;

/**
 * Retries a call Telegram did not take (no answer, 5xx) with a capped backoff for up to `budgetMs`
 * in all. For replies: a conversation whose reply fails is ended by the conversations plugin (the
 * answers given so far lost), and a reply's update cannot be fetched again while Telegram is away
 * anyway, so waiting here costs nothing and keeps the user's place. getUpdates is not retried here:
 * the poller has its own backoff. Within the webhook's 55 s. A call that fails past the budget fails
 * as before (the update is handled again later, see isTelegramUnreachableError).
 */
export function retryWhileTelegramAway(budgetMs = REPLY_OUTAGE_BUDGET_MS): Transformer {
  return async (prev, method, payload, signal) => {
    if (method === "getUpdates" || budgetMs <= 0) return prev(method, payload, signal);
    const giveUpAt = Date.now() + budgetMs;
    let delayMs = 500;
    for (;;) {
      let failure: unknown;
      try {
        const result = await prev(method, payload, signal);
        if (result.ok || result.error_code < 500) return result;
        failure = result;
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        failure = error;
      }
      const waitMs = Math.min(delayMs, giveUpAt - Date.now());
      if (waitMs <= 0 || signal?.aborted || !(await sleep(waitMs, signal as AbortSignal | undefined))) {
        if (failure instanceof Error) throw failure;
        return failure as Awaited<ReturnType<typeof prev>>;
      }
      delayMs = Math.min(delayMs * 2, 8_000);
    }
  };
}

/**
 * Runs a start-up call (getMe, setWebhook, deleteWebhook) until Telegram answers it, like the
 * database connection: a bot started during an outage waits for Telegram instead of exiting.
 */
export async function untilTelegramAnswers<T>(call: () => Promise<T>, log: Logger, maxDelayMs = 10_000): Promise<T> {
  let delayMs = 500;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (!isTelegramUnreachableError(error)) throw error;
      log.warn({ err: (error as Error).message, retryInMs: delayMs }, "Telegram not reachable yet");
      await sleep(delayMs);
      delayMs = Math.min(delayMs * 2, maxDelayMs);
    }
  }
}
