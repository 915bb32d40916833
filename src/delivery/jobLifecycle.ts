import type { Clock } from "../clock.js";
import { recipientsChunkId } from "../db/models/deliveryRecipients.js";
import type { Models } from "../db/models/index.js";
import type { Logger } from "../logger.js";
import type { UserRef } from "../security/fieldCipher.js";
import type { ActiveJob } from "./activeJob.js";
import { openContent, type ContentCipher } from "./contentAtRest.js";
import { openJob } from "./openJob.js";
import type { OutboxWriter } from "./outboxWriter.js";
import type { OutcomeRecorder } from "./outcomeRecorder.js";
import type { ProgressReports } from "./progressReports.js";
import { sleep } from "../sleep.js";

/**
 * The jobs the dispatcher is sending, from opening to finishing: scheduled jobs that are due are
 * promoted and opened (recovered after a crash, see openJob.ts), state changes made by the
 * delivery service (pause, resume, cancel, withdrawals) are picked up every tick, recipient chunks
 * are loaded as the cursor reaches them, and a job is finished once everything is answered.
 */
export class JobLifecycle {
  readonly jobs = new Map<string, ActiveJob>();
  /** Jobs being finished now (the worker waits for them when it stops). */
  readonly finishing = new Set<Promise<void>>();
  /** Jobs whose content no key of the ring opens (logged once). */
  private readonly unreadable = new Set<string>();

  constructor(
    private readonly deps: {
      models: Models;
      clock: Clock;
      log: Logger;
      writer: OutboxWriter;
      recorder: OutcomeRecorder;
      progress: ProgressReports;
      contentCipher: ContentCipher;
      chatIdOf: (ref: UserRef) => number;
      leader: () => boolean;
      stopping: () => boolean;
      /** Paid jobs are sent as such only when the operator enabled paid broadcasts. */
      paysFor: (job: { paid: boolean }) => boolean;
      /** A chunk arrived: slots waiting for work look again. */
      chunkLoaded: () => void;
    },
  ) {}

  /** True when some job is waiting to be sent (checked before the lease is taken). */
  async anyWork(): Promise<boolean> {
    const now = this.deps.clock.now().getTime();
    const candidates = await this.deps.models.deliveryJobs
      .find({ finishedAt: null, enqueuedAt: { $ne: null }, state: { $in: ["scheduled", "running", "cancelled"] } }, { state: 1, notBefore: 1 })
      .lean()
      .exec();
    return candidates.some((job) => job.state !== "scheduled" || !job.notBefore || job.notBefore.getTime() <= now);
  }

  /** Re-reads every unfinished job: states and withdrawals of open ones, and opens those now due. */
  async refresh(): Promise<void> {
    const { models, clock, log } = this.deps;
    const now = clock.now().getTime();
    const records = await models.deliveryJobs.find({ finishedAt: null, enqueuedAt: { $ne: null } }, { contentByLocale: 0 }).lean().exec();
    const seen = new Set<string>();
    for (const record of records) {
      seen.add(record._id);
      const active = this.jobs.get(record._id);
      if (active) {
        active.withdrawn = new Set(record.withdrawnRecipients ?? []);
        if (active.state !== record.state) {
          log.info({ job: record._id, from: active.state, to: record.state }, "delivery job state changed");
          active.state = record.state;
          active.changed = true;
        }
        continue;
      }
      const due = !record.notBefore || record.notBefore.getTime() <= now;
      if (record.state === "scheduled" && due) {
        const promoted = await models.deliveryJobs.updateOne({ _id: record._id, state: "scheduled" }, { $set: { state: "running" } }).exec();
        if (promoted.modifiedCount === 0) continue;
      } else if (record.state !== "running" && record.state !== "cancelled") {
        continue;
      }
      const full = await models.deliveryJobs.findById(record._id).lean().exec();
      if (!full || !this.deps.leader()) continue;
      let content: string | null;
      try {
        content = openContent(this.deps.contentCipher, full.contentByLocale);
      } catch (error) {
        // Written under a key no longer in the ring: the other jobs go on; said once, not every tick.
        if (!this.unreadable.has(record._id)) log.error({ job: record._id, err: (error as Error).message }, "delivery job content cannot be decrypted; job left unsent");
        this.unreadable.add(record._id);
        continue;
      }
      const opened = { ...full, contentByLocale: content, state: record.state === "scheduled" ? "running" : full.state };
      const job = await openJob(models, opened, { clock, log, chatIdOf: this.deps.chatIdOf });
      if (!this.deps.leader()) return;
      job.withdrawn = new Set(full.withdrawnRecipients ?? []);
      this.jobs.set(job.jobId, job);
      log.info({ job: job.jobId, total: job.total, state: job.state, paid: this.deps.paysFor(job) }, "delivery job opened");
      if (job.paid && !this.deps.paysFor(job)) log.warn({ job: job.jobId }, "job asks for paid broadcast but DELIVERY_PAID_ENABLED is off: sent at the free rate");
    }
    for (const [jobId, job] of this.jobs) {
      if (!seen.has(jobId) && job.inFlight === 0 && !job.finishing) this.jobs.delete(jobId);
    }
  }

  /** Starts finishing every job that is complete, or cancelled with nothing in flight. */
  finishDue(): void {
    for (const job of this.jobs.values()) {
      if (job.finishing) continue;
      if (job.state === "running" && job.complete) this.track(this.finishDone(job), job);
      else if (job.state === "cancelled" && job.inFlight === 0) this.track(this.finishCancelled(job), job);
    }
  }

  /** Loads the recipients chunk the job's cursor needs; a missing one is passed over. */
  async loadChunk(job: ActiveJob, seq: number): Promise<void> {
    try {
      const chunk = await this.deps.models.deliveryRecipients.findById(recipientsChunkId(job.jobId, seq), { userIds: 1, locales: 1, timeZones: 1 }).lean().exec();
      if (!chunk) this.deps.log.error({ job: job.jobId, chunk: seq }, "recipient chunk missing; passed over");
      job.setChunk(seq, chunk);
    } catch (error) {
      job.chunkLoadFailed();
      this.deps.log.warn({ job: job.jobId, chunk: seq, err: (error as Error).message }, "could not load recipients");
      await sleep(500);
    }
    this.deps.chunkLoaded();
  }

  private track(work: Promise<void>, job: ActiveJob): void {
    job.finishing = true;
    const tracked = work
      .catch((error: unknown) => {
        if (!this.deps.stopping()) this.deps.log.warn({ job: job.jobId, err: (error as Error).message }, "could not finish delivery job");
      })
      .finally(() => {
        job.finishing = false;
        this.finishing.delete(tracked);
      });
    this.finishing.add(tracked);
  }

  private async finishDone(job: ActiveJob): Promise<void> {
    await this.deps.writer.flush();
    const now = this.deps.clock.now();
    const result = await this.deps.models.deliveryJobs
      .updateOne({ _id: job.jobId, state: "running" }, { $set: { state: "done", finishedAt: now, summary: { ...job.counts } } })
      .exec();
    if (result.modifiedCount === 0) return; // paused or cancelled meanwhile: looked at again next tick
    await this.forgetListOf(job.jobId);
    this.jobs.delete(job.jobId);
    this.deps.log.info({ job: job.jobId, ...job.counts }, "delivery job done");
    await this.deps.progress.report(job, "done", true);
  }

  /** Everything not sent yet becomes skipped(cancelled), once the messages in flight are answered. */
  private async finishCancelled(job: ActiveJob): Promise<void> {
    const { writer, recorder, clock } = this.deps;
    // Marks of this job still queued must land before the outcomes that remove their rows.
    await writer.flush();
    const now = clock.now();
    for (const item of job.retries.splice(0)) recorder.outcome(job, item, { state: "skipped", reason: "cancelled" });
    for (;;) {
      const items = job.takeRemaining(500, now.getTime());
      for (const item of items) recorder.outcome(job, item, { state: "skipped", reason: "cancelled" });
      if (items.length > 0) await writer.flush();
      if (job.listExhausted) break;
      const seq = job.chunkToLoad();
      if (seq !== null) await this.loadChunk(job, seq);
      if (this.deps.stopping()) return;
    }
    await writer.flush();
    await this.deps.models.deliveryJobs.updateOne({ _id: job.jobId }, { $set: { finishedAt: clock.now(), summary: { ...job.counts } } }).exec();
    await this.forgetListOf(job.jobId);
    this.jobs.delete(job.jobId);
    this.deps.log.info({ job: job.jobId, ...job.counts }, "delivery job cancelled");
    await this.deps.progress.report(job, "cancelled", true);
  }

  /** A finished job keeps its outcomes; its recipient list and cursor are no longer needed. */
  private async forgetListOf(jobId: string): Promise<void> {
    await this.deps.models.deliveryRecipients.deleteMany({ jobId }).exec();
    await this.deps.models.deliveryCursors.deleteOne({ _id: jobId }).exec();
  }
}
