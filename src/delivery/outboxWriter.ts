import type { AnyBulkWriteOperation } from "mongoose";
import type { Models } from "../db/models/index.js";
import type { DeliveryRecord } from "../db/models/delivery.js";
import type { DeliveryAttemptRecord } from "../db/models/deliveryAttempt.js";
import type { Logger } from "../logger.js";
import { insertIgnoringDuplicates, insertInOrder } from "./duplicateKeys.js";

type Deferred<T> = { resolve: (value: T) => void; reject: (error: Error) => void };

type WriteOp =
  | { kind: "mark"; row: DeliveryAttemptRecord; isNew: boolean; tried: boolean; done: Deferred<boolean> }
  | { kind: "finish"; outcome: DeliveryRecord; hadRow: boolean; done: Deferred<void> }
  | { kind: "retry"; id: string; set: Pick<DeliveryAttemptRecord, "attempts" | "nextAttemptAt" | "reason">; done: Deferred<void> };

export class WriterAbandonedError extends Error {
  constructor() {
    super("outbox writer abandoned");
  }
}

/**
 * Group commit for the dispatcher's state changes. Each change is queued synchronously (so the
 * queue keeps the order in which recipients were taken) and written with everything queued
 * while the previous write was running: a few database calls per batch, not per message.
 * Within a batch: outcomes, then retries, then new "sending" marks — so a recipient's outcome is
 * durable before the same slot marks its next one, and at most `concurrency` marks are open.
 */
export class OutboxWriter {
  private queue: WriteOp[] = [];
  private running: Promise<void> | undefined;
  private abandoned = false;
  /** Attempt rows whose outcome is written; deleted in bulk now and then (one call instead of one per batch). */
  private finishedRows: string[] = [];
  private lastCleanupAt = 0;
  private cleanupNow = false;

  constructor(
    private readonly models: Models,
    private readonly log: Logger,
  ) {}

  /**
   * Records that a recipient is about to be sent to (`sending`) or waits (`pending`). Resolves
   * true once durable; false when a new row existed already (another dispatcher has it).
   */
  mark(row: DeliveryAttemptRecord, isNew: boolean): Promise<boolean> {
    return this.push<boolean>((done) => ({ kind: "mark", row, isNew, tried: false, done }));
  }

  /** The recipient's final outcome; its attempt row (if any) goes away. */
  finish(outcome: DeliveryRecord, hadRow: boolean): Promise<void> {
    return this.push<void>((done) => ({ kind: "finish", outcome, hadRow, done }));
  }

  /** A transient failure: the attempt row waits for its retry. */
  retryLater(id: string, set: Pick<DeliveryAttemptRecord, "attempts" | "nextAttemptAt" | "reason">): Promise<void> {
    return this.push<void>((done) => ({ kind: "retry", id, set, done }));
  }

  get idle(): boolean {
    return this.queue.length === 0 && this.running === undefined;
  }

  /** Resolves when everything queued so far is written (finished attempt rows removed too). */
  async flush(): Promise<void> {
    if (this.finishedRows.length > 0 && !this.abandoned) {
      this.cleanupNow = true;
      this.running ??= this.drain().finally(() => {
        this.running = undefined;
      });
    }
    while (this.running) await this.running;
  }

  /** As after kill -9: nothing queued is written, now or later. */
  abandon(): void {
    this.abandoned = true;
    const dropped = this.queue;
    this.queue = [];
    for (const op of dropped) op.done.reject(new WriterAbandonedError());
  }

  private push<T>(build: (done: Deferred<T>) => WriteOp): Promise<T> {
    if (this.abandoned) return Promise.reject(new WriterAbandonedError());
    return new Promise<T>((resolve, reject) => {
      this.queue.push(build({ resolve, reject } as Deferred<T>) as WriteOp);
      this.running ??= this.drain().finally(() => {
        this.running = undefined;
      });
    });
  }

  private async drain(): Promise<void> {
    // Let the slots that are ready in this tick join the first batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while ((this.queue.length > 0 || this.cleanupDue()) && !this.abandoned) {
      const batch = this.queue;
      this.queue = [];
      let delayMs = 200;
      for (;;) {
        try {
          await this.write(batch);
          break;
        } catch (error) {
          if (this.abandoned) {
            for (const op of batch) op.done.reject(new WriterAbandonedError());
            return;
          }
          // The database is away: keep the batch and try again; nobody sends meanwhile (marks wait).
          this.log.warn({ err: (error as Error).message, ops: batch.length }, "outbox write failed; retrying");
          for (const op of batch) if (op.kind === "mark") op.tried = true;
          await new Promise((resolve) => setTimeout(resolve, delayMs));
          delayMs = Math.min(delayMs * 2, 5_000);
        }
      }
    }
  }

  private cleanupDue(): boolean {
    return this.finishedRows.length > 0 && (this.cleanupNow || performance.now() - this.lastCleanupAt >= CLEANUP_EVERY_MS);
  }

  private async write(batch: WriteOp[]): Promise<void> {
    const t0 = performance.now();
    try { await this.write2(batch); } finally {
      if (process.env.DELIVERY_PROFILE) {
        PROFILE.batches += 1; PROFILE.ops += batch.length; PROFILE.ms += performance.now() - t0;
        if (performance.now() - PROFILE.last > 2000) { process.stderr.write(`[writer] ${PROFILE.batches} batches, ${(PROFILE.ops / PROFILE.batches).toFixed(1)} ops/batch, ${(PROFILE.ms / PROFILE.batches).toFixed(1)} ms/batch\n`); Object.assign(PROFILE, { batches: 0, ops: 0, ms: 0, last: performance.now() }); }
      }
    }
  }

  private async write2(batch: WriteOp[]): Promise<void> {
    const finishes = batch.filter((op) => op.kind === "finish");
    if (finishes.length > 0) {
      await insertIgnoringDuplicates(this.models.deliveries, finishes.map((op) => op.outcome));
      for (const op of finishes) if (op.hadRow) this.finishedRows.push(op.outcome._id);
    }
    if (this.cleanupDue()) {
      // A row left behind by a crash is harmless: recovery sees its outcome and drops it.
      const ids = this.finishedRows.splice(0);
      try {
        await this.models.deliveryAttempts.deleteMany({ _id: { $in: ids } }).exec();
      } catch (error) {
        this.finishedRows.unshift(...ids);
        throw error;
      }
      this.lastCleanupAt = performance.now();
      this.cleanupNow = false;
    }

    const updates: AnyBulkWriteOperation<DeliveryAttemptRecord>[] = [];
    for (const op of batch) {
      if (op.kind === "retry") {
        updates.push({ updateOne: { filter: { _id: op.id }, update: { $set: { ...op.set, state: "pending", leaseUntil: null, holder: null } } } });
      } else if (op.kind === "mark" && !op.isNew) {
        const { _id, ...fields } = op.row;
        updates.push({ updateOne: { filter: { _id }, update: { $set: fields } } });
      }
    }
    if (updates.length > 0) await this.models.deliveryAttempts.bulkWrite(updates, { ordered: true });

    const inserts = batch.filter((op): op is Extract<WriteOp, { kind: "mark" }> => op.kind === "mark" && op.isNew);
    const existing = inserts.length > 0 ? await insertInOrder(this.models.deliveryAttempts, inserts.map((op) => op.row)) : new Set<number>();

    for (const op of batch) {
      if (op.kind !== "mark") op.done.resolve(undefined as never);
    }
    inserts.forEach((op, index) => {
      // A row that exists because our own earlier try of this batch wrote it is ours.
      op.done.resolve(!existing.has(index) || op.tried);
    });
    for (const op of batch) if (op.kind === "mark" && !op.isNew) op.done.resolve(true);
  }
}

const CLEANUP_EVERY_MS = 500;

const PROFILE = { batches: 0, ops: 0, ms: 0, last: 0 };
