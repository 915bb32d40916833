// Whether the bot is busy, so a test can wait for it to go quiet instead of sleeping a fixed time.
// Busy means: a Bot API call in flight (a getUpdates waiting for news does not count), an update
// the bot fetched and has not confirmed yet, a webhook request it has not answered, or any of
// them changed less than `quietMs` ago. Updates nobody fetches (the bot is stopped, or its
// webhook unreachable) do not keep it busy.
import { sleep } from "../sleep.js";

export interface QuietOptions {
  /** How long nothing may happen before the bot counts as quiet (default 300 ms). */
  quietMs?: number;
  /** Give up (reject, saying what was still going on) after this long (default 10 s). */
  timeoutMs?: number;
}

const defaultQuietMs = 300;
const defaultTimeoutMs = 10_000;
const checkEveryMs = 10;

export class BotActivity {
  private readonly inFlight = new Map<number, string>();
  private nextCallId = 0;
  private lastChangeAt = performance.now();

  /**
   * @param pendingUpdates Updates the bot fetched with getUpdates and has not confirmed by an offset yet.
   * Quiet is measured in real time, whatever clock the emulator was given.
   */
  constructor(private readonly pendingUpdates: () => number) {}

  /**
   * Work started: a Bot API call, or a webhook request to the bot. Call the returned function once
   * it is answered (or its socket is gone).
   */
  begin(method: string): () => void {
    const id = this.nextCallId++;
    this.inFlight.set(id, method);
    this.touch();
    return () => {
      if (this.inFlight.delete(id)) this.touch();
    };
  }

  /** Something happened (an update was queued or confirmed). */
  touch(): void {
    this.lastChangeAt = performance.now();
  }

  /** Resolves once nothing has been in flight or pending for `quietMs`. */
  async waitForQuiet(options: QuietOptions = {}): Promise<void> {
    const quietMs = options.quietMs ?? defaultQuietMs;
    const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      if (this.busy()) this.touch();
      const quietFor = performance.now() - this.lastChangeAt;
      if (quietFor >= quietMs) return;
      if (performance.now() >= deadline) throw new Error(`The bot did not go quiet for ${quietMs} ms within ${timeoutMs} ms: ${this.describe()}`);
      await sleep(Math.min(checkEveryMs, quietMs - quietFor));
    }
  }

  private busy(): boolean {
    return this.inFlight.size > 0 || this.pendingUpdates() > 0;
  }

  private describe(): string {
    const calls = [...this.inFlight.values()];
    const pending = this.pendingUpdates();
    if (calls.length === 0 && pending === 0) return "it kept calling the Bot API";
    const parts = [];
    if (calls.length > 0) parts.push(`${calls.length} call(s) in flight (${calls.join(", ")})`);
    if (pending > 0) parts.push(`${pending} update(s) not confirmed as handled`);
    return parts.join(", ");
  }
}
