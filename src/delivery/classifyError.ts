import { GrammyError, HttpError } from "grammy";
import type { RandomSource } from "../clock.js";

/** What the worker does about a failed send. */
export type SendFailure =
  /** 429: nothing may be sent to Telegram until `retryAfterSeconds` have passed; then the same message again. */
  | { kind: "rateLimited"; retryAfterSeconds: number }
  /** 403: the user blocked the bot or is gone: skipped, and not tried again by later jobs. */
  | { kind: "blocked"; reason: string }
  /** Telegram refused this message for good (400 chat not found, bad markup…): failed, no retry. */
  | { kind: "permanent"; reason: string }
  /** 5xx, network errors, timeouts: retried with backoff, a limited number of times. */
  | { kind: "transient"; reason: string };

export function classifySendError(error: unknown): SendFailure {
  if (error instanceof GrammyError) {
    const code = error.error_code;
    if (code === 429) return { kind: "rateLimited", retryAfterSeconds: Math.max(1, error.parameters.retry_after ?? 1) };
    if (code === 403) return { kind: "blocked", reason: "blocked" };
    if (code === 400) {
      if (/chat not found/i.test(error.description)) return { kind: "permanent", reason: "chat not found" };
      return { kind: "permanent", reason: error.description.replace(/^Bad Request: /, "").slice(0, 200) };
    }
    if (code >= 500) return { kind: "transient", reason: `server error ${code}` };
    return { kind: "transient", reason: `error ${code}` };
  }
  if (error instanceof HttpError) return { kind: "transient", reason: "network error" };
  return { kind: "transient", reason: error instanceof Error ? error.message.slice(0, 200) : "unknown error" };
}

export interface RetryPolicy {
  /** Send attempts before a transient failure becomes final. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 60_000 };

/** Exponential backoff with jitter: attempt 1 failed → about base, 2 → 2×base, … (±50 %). */
export function backoffDelayMs(attemptsSoFar: number, policy: RetryPolicy, random: RandomSource): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attemptsSoFar - 1));
  return Math.round(exponential * (0.5 + random()));
}
