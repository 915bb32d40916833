import type { Clock } from "../clock.js";
import type { DeliveryRecord } from "../db/models/delivery.js";
import type { DeliveryAttemptRecord } from "../db/models/deliveryAttempt.js";
import type { Logger } from "../logger.js";
import type { UserRef } from "../security/fieldCipher.js";
import type { ActiveJob, DeliveryItem, OutcomeCounts } from "./activeJob.js";
import { WriterAbandonedError, type OutboxWriter } from "./outboxWriter.js";

export interface Outcome {
  state: keyof OutcomeCounts;
  reason?: string;
  messageId?: number;
  locale?: string;
}

/**
 * What the dispatcher writes about each recipient, through the group-commit writer: cursor moves,
 * attempt rows and final outcomes, and the users found unreachable. The writer retries a failed
 * write with backoff and says so; a write that is refused for good (never expected: every write
 * here is idempotent) is logged and stops the dispatcher from sending, rather than sending blind.
 */
export class OutcomeRecorder {
  private readonly unreachable = new Set<UserRef>();
  private broken = false;

  constructor(
    private readonly deps: {
      writer: OutboxWriter;
      clock: Clock;
      log: Logger;
      holder: string;
      /** Clock time the dispatcher lease runs out: a `sending` row is the holder's until then. */
      leaseUntil: () => number;
      markUnreachable?: (userIds: UserRef[]) => Promise<void>;
    },
  ) {}

  /** False while outcomes cannot be written: nothing more may be sent. */
  get canRecord(): boolean {
    return !this.broken && !this.deps.writer.failing;
  }

  /** The job's cursor moves past recipients just taken. Awaited before the request leaves. */
  taken(jobId: string, next: number): Promise<void> {
    return this.deps.writer.advance(jobId, next);
  }

  /** Same, without waiting (recipients deferred as retries: their rows are queued with it). */
  takenLater(jobId: string, next: number): void {
    this.deps.writer.advance(jobId, next).catch(this.failed);
  }

  /** A retry is about to be sent: its row says `sending`. Awaited before the request leaves. */
  sending(job: ActiveJob, item: DeliveryItem): Promise<void> {
    return this.deps.writer.attempt(this.attemptRow(job, item, "sending"));
  }

  /** The recipient waits for a retry (a transient failure, or their chat had a message just now). */
  waiting(job: ActiveJob, item: DeliveryItem, reason: string | null = null): void {
    this.deps.writer.attempt(this.attemptRow(job, item, "pending", reason)).catch(this.failed);
  }

  /** The final outcome; written no later than the slot's next cursor move. */
  outcome(job: ActiveJob, item: DeliveryItem, outcome: Outcome): void {
    const now = this.deps.clock.now();
    const record: DeliveryRecord = {
      _id: item.id,
      jobId: job.jobId,
      userId: item.userId,
      seq: item.seq,
      state: outcome.state,
      reason: outcome.reason ?? null,
      attempts: item.attempts,
      sentAt: outcome.state === "sent" ? now : null,
      messageId: outcome.messageId ?? null,
      locale: outcome.locale ?? item.locale,
      at: now,
    };
    job.record(outcome.state);
    this.deps.writer.finish(record, item.hasRow).catch(this.failed);
  }

  /** The user blocked the bot: later jobs skip them (written with the next tick). */
  blocked(userId: UserRef): void {
    this.unreachable.add(userId);
  }

  async flushUnreachable(): Promise<void> {
    if (this.unreachable.size === 0 || !this.deps.markUnreachable) return;
    const ids = [...this.unreachable];
    this.unreachable.clear();
    try {
      await this.deps.markUnreachable(ids);
    } catch (error) {
      for (const id of ids) this.unreachable.add(id);
      this.deps.log.warn({ err: (error as Error).name, users: ids.length }, "could not mark users unreachable; tried again next tick");
    }
  }

  private readonly failed = (error: unknown): void => {
    // A crash (test hook) drops what is queued on purpose: that is what recovery is for.
    if (error instanceof WriterAbandonedError) return;
    if (!this.broken) this.deps.log.error({ err: (error as Error).name }, "a delivery outcome could not be recorded; dispatcher stops sending");
    this.broken = true;
  };

  private attemptRow(job: ActiveJob, item: DeliveryItem, state: DeliveryAttemptRecord["state"], reason: string | null = null): DeliveryAttemptRecord {
    return {
      _id: item.id,
      jobId: job.jobId,
      userId: item.userId,
      seq: item.seq,
      locale: item.locale,
      state,
      attempts: item.attempts,
      nextAttemptAt: new Date(item.dueAt),
      leaseUntil: state === "sending" ? new Date(this.deps.leaseUntil()) : null,
      holder: state === "sending" ? this.deps.holder : null,
      reason,
    };
  }
}
