import type { AnyBulkWriteOperation } from "mongoose";
import type { Clock } from "../clock.js";
import type { Models } from "../db/models/index.js";
import type { DeliveryRecord } from "../db/models/delivery.js";
import type { DeliveryAttemptRecord } from "../db/models/deliveryAttempt.js";
import type { Logger } from "../logger.js";
import { sleep } from "../sleep.js";
import { insertIgnoringDuplicates } from "../db/duplicateKeys.js";

type Deferred = { resolve: () => void; reject: (error: Error) => void };

type WriteOp =
  /** The job's cursor moves past recipients just taken (before they are sent). */
  | { kind: "advance"; jobId: string; next: number; done: Deferred }
  /** A recipient's attempt row: waiting for a retry (`pending`) or being retried now (`sending`). */
  | { kind: "attempt"; row: DeliveryAttemptRecord; done: Deferred }
  /** The recipient's final outcome. */
  | { kind: "finish"; outcome: DeliveryRecord; hadRow: boolean; done: Deferred };

export class WriterAbandonedError extends Error {
  constructor() {
    super("outbox writer abandoned");
  }
}

/** Finished attempt rows are removed in bulk at most this often (rows are few; calls are what cost). */
const CLEANUP_EVERY_MS = 500;
/** Failed tries of one batch (about 3 s of backoff) before the failure is logged as an error. */
const FAILURES_BEFORE_ALARM = 5;

/**
 * Group commit for the dispatcher's state. Changes are queued synchronously and written together
 * with everything queued while the previous write ran: two or three database calls per batch,
 * not per message. In a batch outcomes come first, so a recipient's outcome is durable no later
 * than the cursor move that lets the same slot send its next message — which bounds what a crash
 * can duplicate to the messages in flight.
 */
export class OutboxWriter {
  private queue: WriteOp[] = [];
  private running: Promise<void> | undefined;
  private abandoned = false;
  /** Attempt rows whose outcome is written, removed in bulk now and then. */
  private finishedRows: string[] = [];
  private lastCleanupAt = 0;
  private cleanupNow = false;
  /** Failed tries of the batch being written now (0 while writes succeed). */
  private failures = 0;

  constructor(
    private readonly models: Models,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  advance(jobId: string, next: number): Promise<void> {
    return this.push((done) => ({ kind: "advance", jobId, next, done }));
  }

  attempt(row: DeliveryAttemptRecord): Promise<void> {
    return this.push((done) => ({ kind: "attempt", row, done }));
  }

  finish(outcome: DeliveryRecord, hadRow: boolean): Promise<void> {
    return this.push((done) => ({ kind: "finish", outcome, hadRow, done }));
  }

  get idle(): boolean {
    return this.queue.length === 0 && this.running === undefined;
  }

  /** The database refuses the current batch; it is being retried. The dispatcher sends nothing meanwhile. */
  get failing(): boolean {
    return this.failures > 0;
  }

  /** Resolves when everything queued so far is written, finished attempt rows removed too. */
  async flush(): Promise<void> {
    if (this.finishedRows.length > 0 && !this.abandoned) {
      this.cleanupNow = true;
      this.start();
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

  private push(build: (done: Deferred) => WriteOp): Promise<void> {
    if (this.abandoned) return Promise.reject(new WriterAbandonedError());
    return new Promise<void>((resolve, reject) => {
      this.queue.push(build({ resolve, reject }));
      this.start();
    });
  }

  private start(): void {
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
  }

  private cleanupDue(): boolean {
    return this.finishedRows.length > 0 && (this.cleanupNow || performance.now() - this.lastCleanupAt >= CLEANUP_EVERY_MS);
  }

  private async drain(): Promise<void> {
    // Let the slots that are ready in this turn of the event loop join the first batch.
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
          // The database is away: keep the batch and try again (every write here is idempotent).
          // Meanwhile nothing new is sent: the dispatcher checks `failing`, and each send waits for its cursor move.
          this.failures += 1;
          this.reportFailure(error, batch.length);
          await sleep(delayMs);
          delayMs = Math.min(delayMs * 2, 5_000);
        }
      }
      if (this.failures > 0) this.log.info({ failedTries: this.failures }, "outbox writes succeed again; sending resumes");
      this.failures = 0;
      for (const op of batch) op.done.resolve();
    }
  }

  /**
   * Said at the first failure, loudly after a few, then every twentieth. The logger scrubs the
   * error (logger.ts): a driver's message may quote the document it could not write.
   */
  private reportFailure(error: unknown, ops: number): void {
    const details = { err: error, code: (error as { code?: unknown }).code, ops, failedTries: this.failures };
    if (this.failures === 1) this.log.warn(details, "outbox write failed; retrying, nothing new is sent meanwhile");
    else if (this.failures === FAILURES_BEFORE_ALARM || this.failures % 20 === 0) this.log.error(details, "outbox writes keep failing; delivery stopped until they succeed");
  }

  private async write(batch: WriteOp[]): Promise<void> {
    const outcomes = batch.filter((op) => op.kind === "finish");
    if (outcomes.length > 0) {
      await insertIgnoringDuplicates(this.models.deliveries, outcomes.map((op) => op.outcome));
      for (const op of outcomes) if (op.hadRow) this.finishedRows.push(op.outcome._id);
    }

    const rows: AnyBulkWriteOperation<DeliveryAttemptRecord>[] = [];
    for (const op of batch) {
      if (op.kind !== "attempt") continue;
      const { _id, ...fields } = op.row;
      rows.push({ updateOne: { filter: { _id }, update: { $set: fields }, upsert: true } });
    }
    if (rows.length > 0) await this.models.deliveryAttempts.bulkWrite(rows, { ordered: true });

    const cursors = new Map<string, number>();
    for (const op of batch) if (op.kind === "advance") cursors.set(op.jobId, Math.max(op.next, cursors.get(op.jobId) ?? 0));
    const now = this.clock.now();
    for (const [jobId, next] of cursors) {
      await this.models.deliveryCursors.updateOne({ _id: jobId }, { $max: { next }, $set: { updatedAt: now } }).exec();
    }

    if (this.cleanupDue()) {
      // A row left behind by a crash is harmless: recovery sees its outcome and removes it.
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
  }
}
