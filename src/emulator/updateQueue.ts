// Pending updates until the bot confirms them (getUpdates offset or a 2xx webhook answer).
import { BotApiError } from "./botApiError.js";
import type { TelegramObject } from "./types.js";

export type Update = TelegramObject & { update_id: number };

/** Telegram's default when allowed_updates is not given (or given as []). */
const notDeliveredByDefault = new Set(["chat_member", "message_reaction", "message_reaction_count"]);

export function updateType(update: Update): string | undefined {
  return Object.keys(update).find((key) => key !== "update_id");
}

interface LongPoll {
  limit: number;
  resolve: (updates: Update[]) => void;
  reject: (error: BotApiError) => void;
  timer: NodeJS.Timeout;
}

export interface PollRequest {
  offset?: number;
  limit: number;
  timeoutSeconds: number;
  allowedUpdates?: string[];
}

export class UpdateQueue {
  private updates: Update[] = [];
  /** Updates getUpdates has handed to the bot that it has not confirmed yet. */
  private readonly handedOut = new Set<Update>();
  private allowed: Set<string> | undefined;
  private longPoll: LongPoll | undefined;
  private nextId: number;
  private readonly listeners = new Set<() => void>();

  /** `onChange` hears every push and every update leaving the queue (confirmed, removed or dropped). */
  constructor(
    firstUpdateId: number,
    private readonly onChange: () => void = () => undefined,
  ) {
    this.nextId = firstUpdateId;
  }

  get length(): number {
    return this.updates.length;
  }

  /** Updates the bot has fetched and not yet confirmed: the ones it is working on. */
  get unconfirmed(): number {
    return this.handedOut.size;
  }

  get allowedUpdates(): string[] | undefined {
    return this.allowed ? [...this.allowed] : undefined;
  }

  allocateId(): number {
    return this.nextId++;
  }

  /** Webhook delivery listens to know when there is work. */
  onPush(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  push(update: Update): void {
    this.updates.push(update);
    this.onChange();
    if (this.longPoll) {
      // A microtask lets updates enqueued in the same tick leave in one batch.
      queueMicrotask(() => this.answerLongPoll());
    }
    for (const listener of this.listeners) listener();
  }

  setAllowed(list: string[] | undefined): void {
    this.allowed = list && list.length > 0 ? new Set(list) : undefined;
  }

  isAllowed(update: Update): boolean {
    const type = updateType(update) ?? "";
    return this.allowed ? this.allowed.has(type) : !notDeliveredByDefault.has(type);
  }

  /** Oldest deliverable updates; ones the bot opted out of are dropped for good. */
  peek(limit: number): Update[] {
    this.replace(this.updates.filter((u) => this.isAllowed(u)));
    return this.updates.slice(0, limit);
  }

  all(): readonly Update[] {
    return this.updates;
  }

  confirm(offset: number): void {
    if (offset < 0) {
      this.replace(this.updates.slice(Math.max(0, this.updates.length + offset)));
    } else {
      this.replace(this.updates.filter((u) => u.update_id >= offset));
    }
  }

  remove(update: Update): void {
    this.replace(this.updates.filter((u) => u !== update));
  }

  dropAll(): void {
    this.replace([]);
  }

  /** getUpdates: answers at once when something is pending, otherwise waits up to the timeout. */
  poll(request: PollRequest, abort: AbortSignal): Promise<Update[]> {
    if (request.offset !== undefined && request.offset !== 0) this.confirm(request.offset);
    if (request.allowedUpdates !== undefined) this.setAllowed(request.allowedUpdates);
    const ready = this.peek(request.limit);
    this.supersedeLongPoll();
    if (ready.length > 0 || request.timeoutSeconds <= 0) return Promise.resolve(this.handOut(ready));
    return new Promise<Update[]>((resolve, reject) => {
      const poll: LongPoll = {
        limit: request.limit,
        resolve,
        reject,
        timer: setTimeout(() => this.finishLongPoll(poll, []), request.timeoutSeconds * 1000),
      };
      this.longPoll = poll;
      abort.addEventListener("abort", () => this.finishLongPoll(poll, []), { once: true });
    });
  }

  /** Ends a waiting getUpdates with an empty result (shutdown, or a webhook was set). */
  endLongPoll(): void {
    if (this.longPoll) this.finishLongPoll(this.longPoll, []);
  }

  private replace(updates: Update[]): void {
    const changed = updates.length !== this.updates.length;
    this.updates = updates;
    if (!changed) return;
    if (this.handedOut.size > 0) {
      const left = new Set(updates);
      for (const update of this.handedOut) if (!left.has(update)) this.handedOut.delete(update);
    }
    this.onChange();
  }

  private handOut(updates: Update[]): Update[] {
    for (const update of updates) this.handedOut.add(update);
    return updates;
  }

  private supersedeLongPoll(): void {
    const older = this.longPoll;
    if (!older) return;
    this.longPoll = undefined;
    clearTimeout(older.timer);
    older.reject(
      new BotApiError(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"),
    );
  }

  private answerLongPoll(): void {
    const poll = this.longPoll;
    if (!poll) return;
    const ready = this.peek(poll.limit);
    if (ready.length > 0) this.finishLongPoll(poll, ready);
  }

  private finishLongPoll(poll: LongPoll, updates: Update[]): void {
    if (this.longPoll === poll) this.longPoll = undefined;
    clearTimeout(poll.timer);
    poll.resolve(this.handOut(updates));
  }
}
