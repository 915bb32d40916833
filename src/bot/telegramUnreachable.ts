import { GrammyError, HttpError } from "grammy";

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
