import type { Transformer } from "grammy";

/**
 * The bot's sending rate as one token bucket per process. Interactive replies take tokens
 * without ever waiting (into debt if need be); the delivery worker waits for a token before each
 * broadcast message. So a broadcast uses only what conversations leave, and a family talking to
 * the bot is never queued behind ten thousand news messages.
 */
export interface SendBudget {
  readonly perSecond: number;
  /** Interactive traffic: takes a token now, even one not there yet. Never waits. */
  spend(): void;
  /** Broadcast traffic: waits for a free token (first come, first served), then takes it. */
  take(signal?: AbortSignal): Promise<void>;
  /** Returns a token taken but not used. */
  refund(): void;
  /** Tokens available now (negative while interactive traffic is over the rate). */
  available(): number;
  /** Interactive messages spent since the start (what other processes' dispatchers must leave room for). */
  spentInteractively(): number;
  /** Takes tokens now, into debt, for messages another process sent interactively (src/delivery/sharedReplies.ts). */
  chargeForOthers(messages: number): void;
}

export interface SendBudgetOptions {
  perSecond: number;
  /** Tokens that may pile up while nothing is sent (default: a fifth of a second's worth, at least 1). */
  burst?: number;
  /** Monotonic milliseconds; injected by tests. */
  now?: () => number;
}

export function createSendBudget(options: SendBudgetOptions): SendBudget {
  const perSecond = options.perSecond;
  if (!(perSecond > 0)) throw new Error("send budget needs a positive rate");
  const capacity = Math.max(1, options.burst ?? Math.round(perSecond / 5));
  // Debt is bounded, so an interactive burst delays broadcasts by at most a second.
  const floor = -perSecond;
  const now = options.now ?? (() => performance.now());
  let tokens = capacity;
  let last = now();
  let spentInteractively = 0;
  const waiters: { resolve: () => void; reject: (error: Error) => void; signal?: AbortSignal; onAbort?: () => void }[] = [];
  let timer: NodeJS.Timeout | undefined;

  const refill = () => {
    const t = now();
    tokens = Math.min(capacity, tokens + ((t - last) / 1000) * perSecond);
    last = t;
  };

  const serve = () => {
    timer = undefined;
    refill();
    while (waiters.length > 0 && tokens >= 1) {
      tokens -= 1;
      const waiter = waiters.shift()!;
      if (waiter.onAbort) waiter.signal?.removeEventListener("abort", waiter.onAbort);
      waiter.resolve();
    }
    if (waiters.length > 0) timer = setTimeout(serve, Math.max(1, ((1 - tokens) / perSecond) * 1000));
  };

  return {
    perSecond,
    spend() {
      refill();
      tokens = Math.max(floor, tokens - 1);
      spentInteractively += 1;
    },
    take(signal) {
      if (signal?.aborted) return Promise.reject(new Error("aborted"));
      refill();
      if (waiters.length === 0 && tokens >= 1) {
        tokens -= 1;
        return Promise.resolve();
      }
      return new Promise<void>((resolve, reject) => {
        const waiter: (typeof waiters)[number] = { resolve, reject, signal };
        if (signal) {
          waiter.onAbort = () => {
            const index = waiters.indexOf(waiter);
            if (index >= 0) waiters.splice(index, 1);
            reject(new Error("aborted"));
          };
          signal.addEventListener("abort", waiter.onAbort, { once: true });
        }
        waiters.push(waiter);
        if (!timer) serve();
      });
    },
    refund() {
      refill();
      tokens = Math.min(capacity, tokens + 1);
      if (waiters.length > 0 && !timer) serve();
    },
    available() {
      refill();
      return tokens;
    },
    spentInteractively: () => spentInteractively,
    chargeForOthers(messages) {
      refill();
      tokens = Math.max(floor, tokens - messages);
    },
  };
}

/** Methods that count against Telegram's per-bot message limit. */
export function isSendingMethod(method: string): boolean {
  return (method.startsWith("send") && method !== "sendChatAction") || method.startsWith("copyMessage") || method.startsWith("forwardMessage");
}

/** A grammY API transformer: every message the bot sends interactively spends from the budget, without waiting. */
export function spendFromBudget(budget: SendBudget): Transformer {
  return (prev, method, payload, signal) => {
    if (isSendingMethod(method)) budget.spend();
    return prev(method, payload, signal);
  };
}
