// Telegram's flood control as token buckets on the injected clock, so tests can step time exactly.
import type { EmulatorLimits } from "./types.js";

export const defaultLimits: EmulatorLimits = {
  globalPerSecond: 30,
  paidPerSecond: 1000,
  perChatPerSecond: 1,
  perChatBurst: 3,
};

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private capacity: number,
    private perSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  /** Milliseconds until one token is available (0 when one is available now). */
  waitMs(now: number): number {
    this.refill(now);
    if (this.tokens >= 1) return 0;
    if (this.perSecond <= 0) return Number.POSITIVE_INFINITY;
    return ((1 - this.tokens) / this.perSecond) * 1000;
  }

  take(now: number): void {
    this.refill(now);
    this.tokens -= 1;
  }

  reconfigure(capacity: number, perSecond: number, now: number): void {
    this.refill(now);
    this.capacity = capacity;
    this.perSecond = perSecond;
    this.tokens = Math.min(this.tokens, capacity);
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.last);
    this.tokens = Math.min(this.capacity, this.tokens + (elapsed / 1000) * this.perSecond);
    this.last = now;
  }
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfter: number };

/** Bot-wide bucket (normal or paid) plus one bucket per chat; a send needs a token from both. */
export class SendRateLimiter {
  private limits: EmulatorLimits;
  private readonly global: TokenBucket;
  private readonly paid: TokenBucket;
  private readonly perChat = new Map<number, TokenBucket>();

  constructor(
    limits: Partial<EmulatorLimits>,
    private readonly now: () => number,
  ) {
    this.limits = { ...defaultLimits, ...limits };
    const t = now();
    this.global = new TokenBucket(this.limits.globalPerSecond, this.limits.globalPerSecond, t);
    this.paid = new TokenBucket(this.limits.paidPerSecond, this.limits.paidPerSecond, t);
  }

  get current(): EmulatorLimits {
    return { ...this.limits };
  }

  update(partial: Partial<EmulatorLimits>): void {
    this.limits = { ...this.limits, ...partial };
    const t = this.now();
    this.global.reconfigure(this.limits.globalPerSecond, this.limits.globalPerSecond, t);
    this.paid.reconfigure(this.limits.paidPerSecond, this.limits.paidPerSecond, t);
    for (const bucket of this.perChat.values()) {
      bucket.reconfigure(this.limits.perChatBurst, this.limits.perChatPerSecond, t);
    }
  }

  /** Takes tokens only when both buckets have one, so a refused call costs nothing. */
  trySend(chatId: number, paid: boolean): RateDecision {
    const t = this.now();
    const botWide = paid ? this.paid : this.global;
    const chat = this.chatBucket(chatId, t);
    const waitMs = Math.max(botWide.waitMs(t), chat.waitMs(t));
    if (waitMs > 0) {
      const seconds = Number.isFinite(waitMs) ? Math.ceil(waitMs / 1000) : 3600;
      return { allowed: false, retryAfter: Math.max(1, seconds) };
    }
    botWide.take(t);
    chat.take(t);
    return { allowed: true };
  }

  private chatBucket(chatId: number, t: number): TokenBucket {
    let bucket = this.perChat.get(chatId);
    if (!bucket) {
      bucket = new TokenBucket(this.limits.perChatBurst, this.limits.perChatPerSecond, t);
      this.perChat.set(chatId, bucket);
    }
    return bucket;
  }
}
