import type { Clock } from "../clock.js";
import type { Logger } from "../logger.js";
import type { UserRef } from "../security/fieldCipher.js";
import { createSendBudget, type SendBudget } from "./sendBudget.js";
import { sleep } from "../sleep.js";

/**
 * How fast the dispatcher may send: a token from the sending budget per message (the paid budget
 * for paid jobs, when the operator enabled it), at least `chatPacingMs` between two messages to
 * one chat, and nothing at all while a 429's retry_after runs.
 */
export class SendPacing {
  readonly paidBudget: SendBudget | undefined;
  /** No sending request before this (monotonic ms): Telegram's retry_after. */
  private pausedUntil = 0;
  private readonly lastSendToChat = new Map<UserRef, number>();

  constructor(
    private readonly deps: {
      budget: SendBudget;
      paid?: { enabled: boolean; perSecond: number };
      clock: Clock;
      log: Logger;
      chatPacingMs: number;
      /** Monotonic milliseconds (real time even when the clock is shifted in tests). */
      mono: () => number;
    },
  ) {
    this.paidBudget = deps.paid?.enabled ? createSendBudget({ perSecond: deps.paid.perSecond, now: deps.mono }) : undefined;
  }

  /** Whether a job's messages go out as paid broadcasts. */
  paysFor(job: { paid: boolean }): boolean {
    return job.paid && this.paidBudget !== undefined;
  }

  budgetFor(job: { paid: boolean }): SendBudget {
    return this.paysFor(job) ? this.paidBudget! : this.deps.budget;
  }

  /** Clock time until which a chat must wait for its next message, if it must. */
  readonly pacedUntil = (userId: UserRef): number | undefined => {
    const last = this.lastSendToChat.get(userId);
    if (last === undefined) return undefined;
    const wait = last + this.deps.chatPacingMs - this.deps.mono();
    return wait > 0 ? this.deps.clock.now().getTime() + wait : undefined;
  };

  /** A request to this chat leaves now. */
  sending(userId: UserRef): void {
    this.lastSendToChat.set(userId, this.deps.mono());
  }

  /** Forgets chats whose spacing has passed (called every tick). */
  prune(): void {
    const cutoff = this.deps.mono() - this.deps.chatPacingMs;
    for (const [chat, at] of this.lastSendToChat) if (at < cutoff) this.lastSendToChat.delete(chat);
  }

  /** Telegram said 429: every slot stops until retry_after has passed. */
  pauseFor(retryAfterSeconds: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.deps.mono() + retryAfterSeconds * 1000);
    this.deps.log.warn({ retryAfter: retryAfterSeconds }, "Telegram said 429: dispatcher paused");
  }

  /** Waits out a running 429 pause. False when the signal aborted meanwhile (stopping). */
  async waitOutPause(signal: AbortSignal): Promise<boolean> {
    // A loop, not one sleep: timers may fire a little early, and another slot may extend the pause meanwhile.
    for (let pause = this.pausedUntil - this.deps.mono(); pause > 0; pause = this.pausedUntil - this.deps.mono()) {
      if (!(await sleep(pause, signal))) return false;
    }
    return !signal.aborted;
  }
}
