// Every Bot API call the bot made, in order, plus counters for benchmarks.
import type { ApiCall } from "./types.js";

export const sendingMethods = new Set(["sendMessage", "sendPhoto", "sendDocument", "sendVoice", "copyMessage", "forwardMessage"]);

interface MethodStats {
  calls: number;
  ok: number;
  failed: number;
}

export interface CallStats {
  calls: number;
  sent: number;
  refused429: number;
  serverErrors: number;
  timeouts: number;
  blocked403: number;
  badRequests: number;
  byMethod: Record<string, MethodStats>;
  /** Emulator time of the first and the latest sending-method call (any outcome), for rates. */
  firstSendAt?: number;
  lastSendAt?: number;
}

export class CallLog {
  private entries: ApiCall[] = [];
  /** Calls dropped by clear() or by the limit; keeps indices stable for `since` readers. */
  private cleared = 0;
  private stats: CallStats = emptyStats();

  /** At most about `limit` entries are kept (the oldest are dropped in bulk, so recording stays cheap). */
  constructor(private readonly limit?: number) {}

  get calls(): ReadonlyArray<ApiCall> {
    return this.entries;
  }

  record(call: ApiCall): void {
    this.entries.push(call);
    const s = this.stats;
    s.calls += 1;
    const perMethod = (s.byMethod[call.method] ??= { calls: 0, ok: 0, failed: 0 });
    perMethod.calls += 1;
    if (call.ok) perMethod.ok += 1;
    else perMethod.failed += 1;
    if (call.ok && sendingMethods.has(call.method)) s.sent += 1;
    if (call.errorCode === 429) s.refused429 += 1;
    if (call.errorCode !== undefined && call.errorCode >= 500) s.serverErrors += 1;
    if (!call.ok && call.errorCode === undefined) s.timeouts += 1;
    if (call.errorCode === 403) s.blocked403 += 1;
    if (call.errorCode === 400) s.badRequests += 1;
    if (sendingMethods.has(call.method)) {
      s.firstSendAt ??= call.at;
      s.lastSendAt = call.at;
    }
    if (this.limit !== undefined && this.entries.length >= Math.max(2, this.limit * 2)) {
      const drop = this.entries.length - this.limit;
      this.entries = this.entries.slice(drop);
      this.cleared += drop;
    }
  }

  /** Calls with a global index >= since (indices survive clear()). */
  since(since: number, method?: string): { index: number; call: ApiCall }[] {
    const start = Math.max(0, since - this.cleared);
    const result: { index: number; call: ApiCall }[] = [];
    for (let i = start; i < this.entries.length; i++) {
      const call = this.entries[i]!;
      if (!method || call.method.toLowerCase() === method.toLowerCase()) result.push({ index: i + this.cleared, call });
    }
    return result;
  }

  get nextIndex(): number {
    return this.cleared + this.entries.length;
  }

  clear(): void {
    this.cleared += this.entries.length;
    this.entries = [];
    this.stats = emptyStats();
  }

  summary(): CallStats {
    return structuredClone(this.stats);
  }
}

function emptyStats(): CallStats {
  return { calls: 0, sent: 0, refused429: 0, serverErrors: 0, timeouts: 0, blocked403: 0, badRequests: 0, byMethod: {} };
}
