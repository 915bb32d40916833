// Injected failures for sending methods: drawn after validation so bad requests stay 400s.
import { mulberry32, stableFraction } from "./random.js";
import type { EmulatorFaults } from "./types.js";

export const defaultFaults: EmulatorFaults = {
  serverErrorRate: 0,
  timeoutRate: 0,
  timeoutMs: 30_000,
  blockedUserIds: [],
  blockedRate: 0,
};

export type FaultDraw =
  | { kind: "none" }
  | { kind: "timeout"; ms: number }
  | { kind: "serverError"; status: 500 | 502 };

export class FaultInjector {
  private faults: EmulatorFaults;
  private random: () => number;
  private seed: number;
  /** Held calls, woken on every change of the faults. */
  private holdWaiters = new Set<() => void>();
  /** Chats the flood storm answered 429: until when they must wait. */
  private floodUntil = new Map<number, number>();

  constructor(faults: Partial<EmulatorFaults>) {
    this.faults = { ...defaultFaults, ...faults };
    this.seed = faults.seed ?? Math.floor(Math.random() * 2 ** 31);
    this.random = mulberry32(this.seed);
  }

  get current(): EmulatorFaults {
    return {
      ...this.faults,
      blockedUserIds: [...this.faults.blockedUserIds],
      heldChatIds: [...(this.faults.heldChatIds ?? [])],
      unreachable: this.faults.unreachable ?? null,
      floodStorm: this.faults.floodStorm ? { ...this.faults.floodStorm } : null,
    };
  }

  update(partial: Partial<EmulatorFaults>): void {
    this.faults = { ...this.faults, ...partial };
    if (partial.seed !== undefined) {
      this.seed = partial.seed;
      this.random = mulberry32(partial.seed);
    }
    for (const wake of [...this.holdWaiters]) wake();
  }

  /** Calls waiting on a fault right now (a held chat, the Bot API unreachable): a test waits for its bot to be stuck there, or for a killed bot's calls to be dropped. */
  get heldCalls(): number {
    return this.holdWaiters.size;
  }

  /** Resolves once sends to this chat are no longer held (or the caller went away). */
  async waitWhileHeld(chatId: number, abort: AbortSignal): Promise<void> {
    await this.waitWhile(() => (this.faults.heldChatIds ?? []).includes(chatId), abort);
  }

  /** How the Bot API is unreachable right now, if it is. */
  get unreachable(): "hang" | "reset" | null {
    return this.faults.unreachable ?? null;
  }

  /** Resolves once the Bot API is reachable again (or the caller went away). */
  async waitWhileUnreachable(abort: AbortSignal): Promise<void> {
    await this.waitWhile(() => Boolean(this.faults.unreachable), abort);
  }

  /** Waits, woken by every change of the faults, until `holds` is false (or the caller went away). */
  private async waitWhile(holds: () => boolean, abort: AbortSignal): Promise<void> {
    while (holds() && !abort.aborted) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.holdWaiters.delete(wake);
          abort.removeEventListener("abort", wake);
          resolve();
        };
        this.holdWaiters.add(wake);
        abort.addEventListener("abort", wake, { once: true });
      });
    }
  }

  /**
   * The flood storm's answer to a sending call for this chat at `nowMs`: through, or a 429 to wait
   * `retryAfter` seconds (with how many ms too early the call came, if it ignored an earlier 429).
   */
  floodStorm(chatId: number, nowMs: number): { flood: false } | { flood: true; retryAfter: number; earlyByMs?: number } {
    const until = this.floodUntil.get(chatId);
    if (until !== undefined) {
      if (nowMs < until) return { flood: true, retryAfter: Math.ceil((until - nowMs) / 1000), earlyByMs: until - nowMs };
      // The wait was obeyed: this call goes through.
      this.floodUntil.delete(chatId);
      return { flood: false };
    }
    const storm = this.faults.floodStorm;
    if (!storm || storm.rate <= 0 || this.random() >= storm.rate) return { flood: false };
    this.floodUntil.set(chatId, nowMs + storm.retryAfterSeconds * 1000);
    return { flood: true, retryAfter: storm.retryAfterSeconds };
  }

  isBlocked(chatId: number): boolean {
    if (this.faults.blockedUserIds.includes(chatId)) return true;
    const rate = this.faults.blockedRate ?? 0;
    return rate > 0 && stableFraction(chatId, this.seed) < rate;
  }

  /** Draws nothing when a rate is 0, so enabling one fault does not shift the other's sequence. */
  draw(): FaultDraw {
    if (this.faults.timeoutRate > 0 && this.random() < this.faults.timeoutRate) {
      return { kind: "timeout", ms: this.faults.timeoutMs };
    }
    if (this.faults.serverErrorRate > 0 && this.random() < this.faults.serverErrorRate) {
      return { kind: "serverError", status: this.random() < 0.5 ? 500 : 502 };
    }
    return { kind: "none" };
  }
}
