import type { Api } from "grammy";
import type { Clock, RandomSource } from "../clock.js";
import { isErasedUser } from "../domain/personalData.js";
import type { Logger } from "../logger.js";
import type { UserRef } from "../security/fieldCipher.js";
import type { ActiveJob, DeliveryItem } from "./activeJob.js";
import { backoffDelayMs, type RetryPolicy } from "./classifyError.js";
import type { DispatcherLease } from "./dispatcherLease.js";
import type { JobLifecycle } from "./jobLifecycle.js";
import type { OutcomeRecorder } from "./outcomeRecorder.js";
import { contentFor } from "./renderContent.js";
import type { SendPacing } from "./sendPacing.js";
import type { RenderedMessage, SubjectRenderer } from "./types.js";
import { sendOne } from "./sendOne.js";

export interface SlotDeps {
  api: Api;
  clock: Clock;
  log: Logger;
  lease: DispatcherLease;
  lifecycle: JobLifecycle;
  pacing: SendPacing;
  recorder: OutcomeRecorder;
  chatIdOf: (ref: UserRef) => number;
  /** Renders a job's subject at send time (jobs with composed content do not need it). */
  render?: SubjectRenderer;
  retry: RetryPolicy;
  random: RandomSource;
  tickMs: number;
  /** Aborted when the worker stops or crashes. */
  signal: AbortSignal;
  stopping: () => boolean;
  crashed: () => boolean;
  /** Asks the worker for a tick now (a job may be ready to finish). */
  wakeTick: () => void;
  /** Monotonic milliseconds. */
  mono: () => number;
}

/**
 * The sending slots: `concurrency` loops that each take a recipient, make what a crash must not
 * forget durable, send, and record the answer. Round robin over jobs, so a one-family notification
 * is not stuck behind a 100,000-family broadcast.
 */
export class SendingSlots {
  /** Sends in flight across every job. */
  inFlight = 0;
  /** Monotonic time a slot last finished a send. */
  lastBusyAt = 0;
  private roundRobin = 0;
  private readonly waiters = new Set<() => void>();

  constructor(private readonly deps: SlotDeps) {}

  /** Wakes every slot waiting for work. */
  wakeAll(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  async run(): Promise<void> {
    const { lease, lifecycle, pacing, recorder, clock, log } = this.deps;
    while (!this.deps.stopping()) {
      // Nothing is sent while outcomes cannot be recorded: a send nobody records could not be recovered.
      const job = lease.fresh() && recorder.canRecord ? this.pickJob() : undefined;
      if (!job) {
        await this.waitForWork();
        continue;
      }
      const budget = pacing.budgetFor(job);
      try {
        await budget.take(this.deps.signal);
      } catch {
        return; // stopping
      }
      if (!lease.fresh() || job.state !== "running" || lifecycle.jobs.get(job.jobId) !== job) {
        budget.refund();
        continue;
      }
      const { item, deferred } = job.take(clock.now().getTime(), pacing.pacedUntil);
      // Queued synchronously after taking them: the cursor never passes a recipient before it is recorded.
      let furthest = -1;
      for (const waiting of deferred) {
        recorder.waiting(job, waiting, waiting.deferredFor ?? null);
        job.retries.push({ ...waiting, hasRow: true });
        furthest = Math.max(furthest, waiting.seq);
      }
      if (!item) {
        if (furthest >= 0) recorder.takenLater(job.jobId, furthest + 1);
        budget.refund();
        continue;
      }
      job.inFlight += 1;
      this.inFlight += 1;
      try {
        const attempt: DeliveryItem = { ...item, attempts: item.attempts + 1 };
        // Durable before the request leaves: a retry's row says `sending`; a first attempt moves the cursor.
        if (item.hasRow) await recorder.sending(job, attempt);
        else await recorder.taken(job.jobId, Math.max(item.seq, furthest) + 1);
        await this.deliver(job, attempt);
      } catch (error) {
        if (!this.deps.crashed()) log.error({ job: job.jobId, err: (error as Error).message }, "delivery slot failed");
      } finally {
        job.inFlight -= 1;
        this.inFlight -= 1;
        this.lastBusyAt = this.deps.mono();
        if (job.complete || isCancelled(job)) this.deps.wakeTick();
      }
    }
  }

  private pickJob(): ActiveJob | undefined {
    const { lifecycle, pacing } = this.deps;
    const jobs = [...lifecycle.jobs.values()];
    const now = this.deps.clock.now().getTime();
    for (const job of jobs) {
      const seq = job.state === "running" && !job.finishing ? job.chunkToLoad() : null;
      if (seq !== null) void lifecycle.loadChunk(job, seq);
    }
    for (let k = 0; k < jobs.length; k++) {
      const job = jobs[(this.roundRobin + k) % jobs.length]!;
      if (job.state === "running" && !job.finishing && job.hasWork(now, pacing.pacedUntil)) {
        this.roundRobin = (this.roundRobin + k + 1) % jobs.length;
        return job;
      }
    }
    return undefined;
  }

  /** Sends one message and records what happened. A 429 pauses every slot, then this message is tried again. */
  private async deliver(job: ActiveJob, item: DeliveryItem): Promise<void> {
    const { pacing, recorder, lease } = this.deps;
    // Someone who withdrew what the job announces, or a place kept in the list for someone erased.
    if (job.withdrawn.has(item.userId) || isErasedUser(item.userId)) {
      recorder.outcome(job, item, { state: "skipped", reason: isErasedUser(item.userId) ? "erased" : "withdrawn" });
      return;
    }
    let message: RenderedMessage | null;
    try {
      message = await this.messageFor(job, item);
    } catch (error) {
      // The subject could not be read now (the database is away): the recipient waits like after a 5xx.
      this.deps.log.warn({ job: job.jobId, err: (error as Error).message }, "could not render a delivery job's subject");
      this.failedOrRetry(job, item, "not rendered");
      return;
    }
    if (!message) {
      // What the job was about is gone (the case was erased): nothing to tell any more.
      recorder.outcome(job, item, { state: "skipped", reason: "erased" });
      return;
    }
    const { content, locale } = message;
    for (;;) {
      if (!(await pacing.waitOutPause(this.deps.signal))) return; // stopping: the mark is recovered later
      // Without a fresh lease another dispatcher may take over: leave the mark for its recovery.
      if (this.deps.stopping() || !lease.fresh()) return;
      pacing.sending(item.userId);
      const answer = await sendOne(this.deps.api, () => this.deps.chatIdOf(item.userId), content, { paid: pacing.paysFor(job) });
      if (this.deps.crashed()) return;
      switch (answer.kind) {
        case "sent":
          recorder.outcome(job, item, { state: "sent", messageId: answer.messageId, locale });
          return;
        case "rateLimited":
          pacing.pauseFor(answer.retryAfterSeconds);
          continue;
        case "blocked":
          recorder.blocked(item.userId);
          recorder.outcome(job, item, { state: "skipped", reason: answer.reason, locale });
          return;
        case "permanent":
          recorder.outcome(job, item, { state: "failed", reason: answer.reason, locale });
          return;
        case "transient":
          this.failedOrRetry(job, item, answer.reason, locale);
          return;
      }
    }
  }

  /** A transient failure: the recipient waits for a retry with backoff, until the attempts run out. */
  private failedOrRetry(job: ActiveJob, item: DeliveryItem, reason: string, locale?: string): void {
    if (item.attempts >= this.deps.retry.maxAttempts) {
      this.deps.recorder.outcome(job, item, { state: "failed", reason, ...(locale ? { locale } : {}) });
      return;
    }
    const waiting: DeliveryItem = { ...item, dueAt: this.deps.clock.now().getTime() + backoffDelayMs(item.attempts, this.deps.retry, this.deps.random), hasRow: true };
    this.deps.recorder.waiting(job, waiting, reason);
    job.retries.push(waiting);
  }

  /** The message for this recipient: the job's composed content, or its subject rendered in their language (once per job and locale). */
  private async messageFor(job: ActiveJob, item: DeliveryItem): Promise<RenderedMessage | null> {
    if (!job.subject) return contentFor(job.content, item.locale || undefined, job.defaultLocale);
    const { render } = this.deps;
    if (!render) throw new Error(`delivery job of kind ${job.subject.kind} needs a subject renderer`);
    const locale = item.locale || job.defaultLocale;
    let rendered = job.rendered.get(locale);
    if (!rendered) {
      rendered = render(job.subject, locale);
      job.rendered.set(locale, rendered);
      // A failed read is not remembered: the retry reads again.
      rendered.catch(() => job.rendered.delete(locale));
    }
    return rendered;
  }

  /** Until the next tick, the earliest retry, or a wake-up. */
  private waitForWork(): Promise<void> {
    let delay = this.deps.tickMs;
    const now = this.deps.clock.now().getTime();
    for (const job of this.deps.lifecycle.jobs.values()) {
      const due = job.nextDueAt();
      if (due !== undefined) delay = Math.min(delay, Math.max(10, due - now));
    }
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, delay);
      this.waiters.add(done);
    });
  }
}

// A function, so TypeScript does not keep a narrowing of job.state from before an await.
const isCancelled = (job: ActiveJob): boolean => job.state === "cancelled";
