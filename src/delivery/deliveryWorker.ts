import { setMaxListeners } from "node:events";
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import type { Api } from "grammy";
import type { Clock, RandomSource } from "../clock.js";
import type { Models } from "../db/models/index.js";
import type { DeliveryRecord } from "../db/models/delivery.js";
import type { DeliveryAttemptRecord } from "../db/models/deliveryAttempt.js";
import { recipientsChunkId } from "../db/models/deliveryRecipients.js";
import type { Logger } from "../logger.js";
import type { UserRef } from "../security/fieldCipher.js";
import { createLeases } from "../services/leases.js";
import type { ActiveJob, DeliveryItem, OutcomeCounts } from "./activeJob.js";
import { backoffDelayMs, classifySendError, defaultRetryPolicy, type RetryPolicy } from "./classifyError.js";
import { openJob } from "./openJob.js";
import { OutboxWriter } from "./outboxWriter.js";
import { isErasedUser } from "../domain/personalData.js";
import { openContent, type ContentCipher } from "./contentAtRest.js";
import { contentFor, sendContent } from "./renderContent.js";
import { createSendBudget, type SendBudget } from "./sendBudget.js";
import type { DeliveryProgress, DeliveryProgressListener } from "./types.js";

export interface DeliveryWorkerOptions {
  models: Models;
  /** A grammY Api WITHOUT auto-retry: the worker makes its own decisions about 429 and 5xx. */
  api: Api;
  clock: Clock;
  log: Logger;
  /** The process's sending budget, shared with interactive replies (which never wait for it). */
  budget: SendBudget;
  /** Sends in flight at once; also the most messages a crash can duplicate. Default 8. */
  concurrency?: number;
  /** Paid broadcasts (allow_paid_broadcast) for jobs that ask for it, when the operator enabled them. */
  paid?: { enabled: boolean; perSecond: number };
  onProgress?: DeliveryProgressListener;
  /** Opens each job's encrypted content (contentAtRest.ts) when the job is opened for sending. */
  contentCipher: ContentCipher;
  /** Remembers users who blocked the bot (by pseudonym), so later jobs skip them. */
  markUnreachable?: (userIds: UserRef[]) => Promise<void>;
  /** The Telegram chat id behind a stored pseudonym (security/fieldCipher.ts telegramIdOf): used only to send. */
  chatIdOf: (ref: UserRef) => number;
  random?: RandomSource;
  retry?: Partial<RetryPolicy>;
  /** The dispatcher lease; renewed every third of it. Default 10 s. */
  leaseTtlMs?: number;
  /** How often jobs are looked for and the lease renewed. Default 1 s. */
  tickMs?: number;
  /** Least time between two progress reports of a job. Default 3 s. */
  progressIntervalMs?: number;
  /** Least time between two messages to the same chat. Default 1 s. */
  chatPacingMs?: number;
  /** Give the lease back after this long without work. Default 5 s. */
  idleReleaseMs?: number;
  holder?: string;
  /** Monotonic milliseconds for pacing and the 429 pause (real time even when `clock` is shifted in tests). */
  monotonicNow?: () => number;
}

export interface DeliveryWorker {
  /** Look for work now (after an enqueue, pause, resume or cancel in this process). */
  wake(): void;
  /** True while this process holds the dispatcher lease. */
  readonly dispatching: boolean;
  readonly holder: string;
  /** Counts of a job this worker is sending now, from memory (undefined for any other job). */
  progressOf(jobId: string): DeliveryProgress | undefined;
  /** Graceful: no new sends, in-flight ones are answered and recorded, the lease is given back. */
  stop(): Promise<void>;
  /** Test hook: stops at once as kill -9 would — nothing more is written, the lease is kept. */
  crash(): void;
}

export const DISPATCHER_LEASE = "delivery:dispatcher";

/*
 * The life of one message:
 * 1. A slot picks a job (round robin, so a one-family notification is not stuck behind a
 *    100,000-family broadcast), waits for a token from the sending budget, and takes the next
 *    recipient: a due retry first, else the next on the list (a chat messaged less than a second
 *    ago waits as a retry instead).
 * 2. Before the request leaves, what a crash must not forget is durable: the job's cursor moves
 *    past a first attempt; a retry's attempt row says `sending`. (Group commit: one write for
 *    everything the slots queued meanwhile.)
 * 3. The send. 429: every slot stops until retry_after has passed, then the same message again.
 *    403: skipped(blocked) and the user is marked unreachable. 400: failed. 5xx/network: a
 *    `pending` row with exponential backoff, until the attempts run out.
 * 4. The outcome is queued; it is written no later than this slot's next cursor move, so at any
 *    time at most `concurrency` recipients are "sent, maybe, but not recorded".
 * Only the holder of the dispatcher lease sends; the others look for work once a second.
 */

export function startDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const dispatcher = new Dispatcher(options);
  dispatcher.start();
  return dispatcher;
}

class Dispatcher implements DeliveryWorker {
  readonly holder: string;
  private readonly models: Models;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly leases;
  private readonly writer: OutboxWriter;
  private readonly paidBudget: SendBudget | undefined;
  private readonly retry: RetryPolicy;
  private readonly random: RandomSource;
  private readonly mono: () => number;
  private readonly concurrency: number;
  private readonly leaseTtlMs: number;
  private readonly tickMs: number;
  private readonly progressIntervalMs: number;
  private readonly chatPacingMs: number;
  private readonly idleReleaseMs: number;

  private leader = false;
  private leaseUntil = 0;
  private lastRenewAt = 0;
  private readonly jobs = new Map<string, ActiveJob>();
  private roundRobin = 0;
  private inFlight = 0;
  private lastBusyAt = 0;
  /** No sending request before this (monotonic ms): Telegram's retry_after. */
  private pausedUntil = 0;
  private readonly lastSendToChat = new Map<UserRef, number>();
  private readonly unreachable = new Set<UserRef>();
  private readonly finishing = new Set<Promise<void>>();
  /** Jobs whose content no key of the ring opens (logged once). */
  private readonly unreadable = new Set<string>();
  private slots: Promise<void>[] = [];
  private ticker: NodeJS.Timeout | undefined;
  private tickRunning: Promise<void> | undefined;
  private wakeWaiters = new Set<() => void>();
  private readonly abort = new AbortController();
  private stopping = false;
  private crashed = false;

  constructor(private readonly options: DeliveryWorkerOptions) {
    this.models = options.models;
    this.clock = options.clock;
    this.log = options.log;
    this.holder = options.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.leases = createLeases(options.models, options.clock);
    this.writer = new OutboxWriter(options.models, options.clock, options.log);
    // Every slot waits on this signal (budget, 429 pause): more listeners than Node's default warning level.
    setMaxListeners(0, this.abort.signal);
    this.paidBudget = options.paid?.enabled ? createSendBudget({ perSecond: options.paid.perSecond, now: options.monotonicNow }) : undefined;
    this.retry = { ...defaultRetryPolicy, ...options.retry };
    this.random = options.random ?? Math.random;
    this.mono = options.monotonicNow ?? (() => performance.now());
    this.concurrency = Math.max(1, options.concurrency ?? 8);
    this.leaseTtlMs = options.leaseTtlMs ?? 10_000;
    this.tickMs = options.tickMs ?? 1_000;
    this.progressIntervalMs = options.progressIntervalMs ?? 3_000;
    this.chatPacingMs = options.chatPacingMs ?? 1_000;
    this.idleReleaseMs = options.idleReleaseMs ?? 5_000;
  }

  get dispatching(): boolean {
    return this.leader;
  }

  progressOf(jobId: string): DeliveryProgress | undefined {
    return this.leader ? this.jobs.get(jobId)?.progress() : undefined;
  }

  start(): void {
    this.slots = Array.from({ length: this.concurrency }, () => this.runSlot());
    this.ticker = setInterval(() => this.wake(), this.tickMs);
    this.wake();
  }

  wake(): void {
    if (this.stopping) return;
    this.tickRunning ??= this.tick().finally(() => {
      this.tickRunning = undefined;
    });
  }

  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    clearInterval(this.ticker);
    this.abort.abort();
    this.wakeSlots();
    await this.tickRunning;
    await Promise.allSettled(this.slots);
    await Promise.allSettled([...this.finishing]);
    await this.writer.flush();
    await this.flushUnreachable();
    if (this.leader) {
      this.leader = false;
      await this.leases.release(DISPATCHER_LEASE, this.holder).catch(() => undefined);
    }
  }

  crash(): void {
    this.crashed = true;
    this.stopping = true;
    clearInterval(this.ticker);
    this.writer.abandon();
    this.abort.abort();
    this.wakeSlots();
  }

  // ---- the tick: lease, jobs, progress ----------------------------------------------------

  private async tick(): Promise<void> {
    try {
      if (this.leader) await this.renewLease();
      if (!this.leader) {
        // Our own sends of an earlier leadership must be settled before anyone's are recovered.
        if (this.inFlight > 0 || !this.writer.idle || this.finishing.size > 0) return;
        if (!(await this.anyWork())) return;
        if (!(await this.takeLease())) return;
      }
      await this.refreshJobs();
      this.finishJobs();
      this.reportProgress();
      await this.flushUnreachable();
      this.prunePacing();
      if (this.jobs.size === 0 && this.inFlight === 0 && this.finishing.size === 0 && this.writer.idle && this.mono() - this.lastBusyAt > this.idleReleaseMs) {
        await this.writer.flush();
        await this.resign("idle", true);
      }
    } catch (error) {
      if (!this.stopping) this.log.warn({ err: (error as Error).message }, "delivery tick failed");
    } finally {
      this.wakeSlots();
    }
  }

  private leaseFresh(): boolean {
    // Stop sending well before the lease could pass to another process.
    return this.leader && this.clock.now().getTime() < this.leaseUntil - this.leaseTtlMs / 5;
  }

  private async takeLease(): Promise<boolean> {
    if (!(await this.leases.acquire(DISPATCHER_LEASE, this.holder, this.leaseTtlMs))) return false;
    // FerretDB may lose one of two racing updates from different processes: confirm after a moment.
    await sleep(250);
    if (this.stopping || !(await this.leases.acquire(DISPATCHER_LEASE, this.holder, this.leaseTtlMs))) return false;
    this.leader = true;
    this.leaseUntil = this.clock.now().getTime() + this.leaseTtlMs;
    this.lastRenewAt = this.mono();
    this.lastBusyAt = this.mono();
    this.jobs.clear();
    this.log.info({ holder: this.holder }, "delivery dispatcher lease taken");
    return true;
  }

  private async renewLease(): Promise<void> {
    if (this.mono() - this.lastRenewAt < this.leaseTtlMs / 3 && this.leaseFresh()) return;
    try {
      if (await this.leases.acquire(DISPATCHER_LEASE, this.holder, this.leaseTtlMs)) {
        this.leaseUntil = this.clock.now().getTime() + this.leaseTtlMs;
        this.lastRenewAt = this.mono();
        return;
      }
      await this.resign("lease lost", false);
    } catch (error) {
      this.log.warn({ err: (error as Error).message }, "could not renew the dispatcher lease");
      if (this.clock.now().getTime() >= this.leaseUntil) await this.resign("lease expired", false);
    }
  }

  private async resign(reason: string, release: boolean): Promise<void> {
    this.leader = false;
    this.jobs.clear();
    this.log.info({ holder: this.holder, reason }, "delivery dispatcher lease given up");
    if (release) await this.leases.release(DISPATCHER_LEASE, this.holder).catch(() => undefined);
  }

  private async anyWork(): Promise<boolean> {
    const now = this.clock.now().getTime();
    const candidates = await this.models.deliveryJobs
      .find({ finishedAt: null, enqueuedAt: { $ne: null }, state: { $in: ["scheduled", "running", "cancelled"] } }, { state: 1, notBefore: 1 })
      .lean()
      .exec();
    return candidates.some((job) => job.state !== "scheduled" || !job.notBefore || job.notBefore.getTime() <= now);
  }

  private async refreshJobs(): Promise<void> {
    const now = this.clock.now().getTime();
    const records = await this.models.deliveryJobs
      .find({ finishedAt: null, enqueuedAt: { $ne: null } }, { contentByLocale: 0 })
      .lean()
      .exec();
    const seen = new Set<string>();
    for (const record of records) {
      seen.add(record._id);
      const active = this.jobs.get(record._id);
      if (active) {
        active.withdrawn = new Set(record.withdrawnRecipients ?? []);
        if (active.state !== record.state) {
          this.log.info({ job: record._id, from: active.state, to: record.state }, "delivery job state changed");
          active.state = record.state;
          active.changed = true;
        }
        continue;
      }
      const due = !record.notBefore || record.notBefore.getTime() <= now;
      if (record.state === "scheduled" && due) {
        const promoted = await this.models.deliveryJobs.updateOne({ _id: record._id, state: "scheduled" }, { $set: { state: "running" } }).exec();
        if (promoted.modifiedCount === 0) continue;
      } else if (record.state !== "running" && record.state !== "cancelled") {
        continue;
      }
      const full = await this.models.deliveryJobs.findById(record._id).lean().exec();
      if (!full || !this.leader) continue;
      let content: string | null;
      try {
        content = openContent(this.options.contentCipher, full.contentByLocale);
      } catch (error) {
        // Written under a key no longer in the ring: the other jobs go on; said once, not every tick.
        if (!this.unreadable.has(record._id)) this.log.error({ job: record._id, err: (error as Error).message }, "delivery job content cannot be decrypted; job left unsent");
        this.unreadable.add(record._id);
        continue;
      }
      const opened = { ...full, contentByLocale: content, state: record.state === "scheduled" ? "running" : full.state };
      const job = await openJob(this.models, opened, { clock: this.clock, log: this.log, chatIdOf: this.options.chatIdOf });
      if (!this.leader) return;
      job.withdrawn = new Set(full.withdrawnRecipients ?? []);
      this.jobs.set(job.jobId, job);
      this.log.info({ job: job.jobId, total: job.total, state: job.state, paid: job.paid && this.paidBudget !== undefined }, "delivery job opened");
      if (job.paid && !this.paidBudget) this.log.warn({ job: job.jobId }, "job asks for paid broadcast but DELIVERY_PAID_ENABLED is off: sent at the free rate");
    }
    for (const [jobId, job] of this.jobs) {
      if (!seen.has(jobId) && job.inFlight === 0 && !job.finishing) this.jobs.delete(jobId);
    }
  }

  private finishJobs(): void {
    for (const job of this.jobs.values()) {
      if (job.finishing) continue;
      if (job.state === "running" && job.complete) this.track(this.finishDone(job), job);
      else if (job.state === "cancelled" && job.inFlight === 0) this.track(this.finishCancelled(job), job);
    }
  }

  private track(work: Promise<void>, job: ActiveJob): void {
    job.finishing = true;
    const tracked = work
      .catch((error: unknown) => {
        if (!this.stopping) this.log.warn({ job: job.jobId, err: (error as Error).message }, "could not finish delivery job");
      })
      .finally(() => {
        job.finishing = false;
        this.finishing.delete(tracked);
      });
    this.finishing.add(tracked);
  }

  private async finishDone(job: ActiveJob): Promise<void> {
    await this.writer.flush();
    const now = this.clock.now();
    const result = await this.models.deliveryJobs
      .updateOne({ _id: job.jobId, state: "running" }, { $set: { state: "done", finishedAt: now, summary: { ...job.counts } } })
      .exec();
    if (result.modifiedCount === 0) return; // paused or cancelled meanwhile: looked at again next tick
    await this.forgetListOf(job.jobId);
    this.jobs.delete(job.jobId);
    this.log.info({ job: job.jobId, ...job.counts }, "delivery job done");
    await this.report(job, "done", true);
  }

  /** Everything not sent yet becomes skipped(cancelled), once the messages in flight are answered. */
  private async finishCancelled(job: ActiveJob): Promise<void> {
    // Marks of this job still queued must land before the outcomes that remove their rows.
    await this.writer.flush();
    const now = this.clock.now();
    for (const item of job.retries.splice(0)) this.recordOutcome(job, item, { state: "skipped", reason: "cancelled" });
    for (;;) {
      const items = job.takeRemaining(500, now.getTime());
      for (const item of items) this.recordOutcome(job, item, { state: "skipped", reason: "cancelled" });
      if (items.length > 0) await this.writer.flush();
      if (job.listExhausted) break;
      const seq = job.chunkToLoad();
      if (seq !== null) await this.loadChunk(job, seq);
      if (this.stopping) return;
    }
    await this.writer.flush();
    await this.models.deliveryJobs.updateOne({ _id: job.jobId }, { $set: { finishedAt: this.clock.now(), summary: { ...job.counts } } }).exec();
    await this.forgetListOf(job.jobId);
    this.jobs.delete(job.jobId);
    this.log.info({ job: job.jobId, ...job.counts }, "delivery job cancelled");
    await this.report(job, "cancelled", true);
  }

  /** A finished job keeps its outcomes; its recipient list and cursor are no longer needed. */
  private async forgetListOf(jobId: string): Promise<void> {
    await this.models.deliveryRecipients.deleteMany({ jobId }).exec();
    await this.models.deliveryCursors.deleteOne({ _id: jobId }).exec();
  }

  private reportProgress(): void {
    const now = this.mono();
    for (const job of this.jobs.values()) {
      job.sample(now);
      if ((job.state !== "running" && job.state !== "paused") || !job.changed || now - job.lastReportAt < this.progressIntervalMs) continue;
      void this.report(job, job.state, false);
    }
  }

  private async report(job: ActiveJob, state: ActiveJob["state"], final: boolean): Promise<void> {
    job.changed = false;
    job.lastReportAt = this.mono();
    if (!this.options.onProgress) return;
    try {
      await this.options.onProgress(job.summary, job.progress(state), final);
    } catch (error) {
      this.log.warn({ job: job.jobId, err: (error as Error).message }, "progress listener failed");
    }
  }

  private async flushUnreachable(): Promise<void> {
    if (this.unreachable.size === 0 || !this.options.markUnreachable) return;
    const ids = [...this.unreachable];
    this.unreachable.clear();
    try {
      await this.options.markUnreachable(ids);
    } catch (error) {
      for (const id of ids) this.unreachable.add(id);
      this.log.warn({ err: (error as Error).message }, "could not mark users unreachable");
    }
  }

  private prunePacing(): void {
    const cutoff = this.mono() - this.chatPacingMs;
    for (const [chatId, at] of this.lastSendToChat) if (at < cutoff) this.lastSendToChat.delete(chatId);
  }

  /** Clock time until which a chat must wait for its next message, if it must. */
  private readonly pacedUntil = (userId: UserRef): number | undefined => {
    const last = this.lastSendToChat.get(userId);
    if (last === undefined) return undefined;
    const wait = last + this.chatPacingMs - this.mono();
    return wait > 0 ? this.clock.now().getTime() + wait : undefined;
  };

  // ---- the slots: take, mark, send, record ------------------------------------------------

  private async runSlot(): Promise<void> {
    while (!this.stopping) {
      const job = this.leaseFresh() ? this.pickJob() : undefined;
      if (!job) {
        await this.waitForWork();
        continue;
      }
      const budget = job.paid && this.paidBudget ? this.paidBudget : this.options.budget;
      try {
        await budget.take(this.abort.signal);
      } catch {
        return; // stopping
      }
      if (!this.leaseFresh() || job.state !== "running" || this.jobs.get(job.jobId) !== job) {
        budget.refund();
        continue;
      }
      const now = this.clock.now().getTime();
      const { item, deferred } = job.take(now, this.pacedUntil);
      // Queued synchronously after taking them: the cursor never passes a recipient before it is recorded.
      let furthest = -1;
      for (const waiting of deferred) {
        this.writer.attempt(this.attemptRow(job, waiting, "pending")).catch(() => undefined);
        job.retries.push({ ...waiting, hasRow: true });
        furthest = Math.max(furthest, waiting.seq);
      }
      if (!item) {
        if (furthest >= 0) this.writer.advance(job.jobId, furthest + 1).catch(() => undefined);
        budget.refund();
        continue;
      }
      job.inFlight += 1;
      this.inFlight += 1;
      try {
        const attempt: DeliveryItem = { ...item, attempts: item.attempts + 1 };
        // Durable before the request leaves: a retry's row says `sending`; a first attempt moves the cursor.
        if (item.hasRow) await this.writer.attempt(this.attemptRow(job, attempt, "sending"));
        else await this.writer.advance(job.jobId, Math.max(item.seq, furthest) + 1);
        await this.deliver(job, attempt);
      } catch (error) {
        if (!this.crashed) this.log.error({ job: job.jobId, err: (error as Error).message }, "delivery slot failed");
      } finally {
        job.inFlight -= 1;
        this.inFlight -= 1;
        this.lastBusyAt = this.mono();
        if (job.complete || isCancelled(job)) this.wake();
      }
    }
  }

  private pickJob(): ActiveJob | undefined {
    const jobs = [...this.jobs.values()];
    const now = this.clock.now().getTime();
    for (const job of jobs) {
      const seq = job.state === "running" && !job.finishing ? job.chunkToLoad() : null;
      if (seq !== null) void this.loadChunk(job, seq);
    }
    for (let k = 0; k < jobs.length; k++) {
      const job = jobs[(this.roundRobin + k) % jobs.length]!;
      if (job.state === "running" && !job.finishing && job.hasWork(now, this.pacedUntil)) {
        this.roundRobin = (this.roundRobin + k + 1) % jobs.length;
        return job;
      }
    }
    return undefined;
  }

  private async loadChunk(job: ActiveJob, seq: number): Promise<void> {
    try {
      const chunk = await this.models.deliveryRecipients.findById(recipientsChunkId(job.jobId, seq), { userIds: 1, locales: 1 }).lean().exec();
      if (!chunk) this.log.error({ job: job.jobId, chunk: seq }, "recipient chunk missing; passed over");
      job.setChunk(seq, chunk);
    } catch (error) {
      job.chunkLoadFailed();
      this.log.warn({ job: job.jobId, chunk: seq, err: (error as Error).message }, "could not load recipients");
      await sleep(500);
    }
    this.wakeSlots();
  }

  /** Sends one message and records what happened. A 429 pauses every slot, then this message is tried again. */
  private async deliver(job: ActiveJob, item: DeliveryItem): Promise<void> {
    // Someone who withdrew what the job announces, or a place kept in the list for someone erased.
    if (job.withdrawn.has(item.userId) || isErasedUser(item.userId)) {
      this.recordOutcome(job, item, { state: "skipped", reason: isErasedUser(item.userId) ? "erased" : "withdrawn" });
      return;
    }
    const { content, locale } = contentFor(job.content, item.locale || undefined, job.defaultLocale);
    for (;;) {
      // A loop, not one sleep: timers may fire a little early, and another slot may extend the pause meanwhile.
      for (let pause = this.pausedUntil - this.mono(); pause > 0; pause = this.pausedUntil - this.mono()) {
        if (!(await sleep(pause, this.abort.signal))) return; // stopping: the mark is recovered later
      }
      // Without a fresh lease another dispatcher may take over: leave the mark for its recovery.
      if (this.stopping || !this.leaseFresh()) return;
      this.lastSendToChat.set(item.userId, this.mono());
      try {
        const messageId = await sendContent(this.options.api, this.options.chatIdOf(item.userId), content, { paid: job.paid && this.paidBudget !== undefined });
        if (this.crashed) return;
        this.recordOutcome(job, item, { state: "sent", messageId, locale });
        return;
      } catch (error) {
        if (this.crashed) return;
        const failure = classifySendError(error);
        if (failure.kind === "rateLimited") {
          this.pausedUntil = Math.max(this.pausedUntil, this.mono() + failure.retryAfterSeconds * 1000);
          this.log.warn({ retryAfter: failure.retryAfterSeconds }, "Telegram said 429: dispatcher paused");
          continue;
        }
        if (failure.kind === "blocked") {
          this.unreachable.add(item.userId);
          this.recordOutcome(job, item, { state: "skipped", reason: failure.reason, locale });
          return;
        }
        if (failure.kind === "permanent" || item.attempts >= this.retry.maxAttempts) {
          this.recordOutcome(job, item, { state: "failed", reason: failure.reason, locale });
          return;
        }
        const waiting: DeliveryItem = { ...item, dueAt: this.clock.now().getTime() + backoffDelayMs(item.attempts, this.retry, this.random), hasRow: true };
        this.writer.attempt(this.attemptRow(job, waiting, "pending", failure.reason)).catch(() => undefined);
        job.retries.push(waiting);
        return;
      }
    }
  }

  private recordOutcome(
    job: ActiveJob,
    item: DeliveryItem,
    outcome: { state: keyof OutcomeCounts; reason?: string; messageId?: number; locale?: string },
  ): void {
    const now = this.clock.now();
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
    this.writer.finish(record, item.hasRow).catch(() => undefined);
  }

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
      leaseUntil: state === "sending" ? new Date(this.leaseUntil) : null,
      holder: state === "sending" ? this.holder : null,
      reason,
    };
  }

  private waitForWork(): Promise<void> {
    let delay = this.tickMs;
    const now = this.clock.now().getTime();
    for (const job of this.jobs.values()) {
      const due = job.nextDueAt();
      if (due !== undefined) delay = Math.min(delay, Math.max(10, due - now));
    }
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, delay);
      this.wakeWaiters.add(done);
    });
  }

  private wakeSlots(): void {
    for (const waiter of [...this.wakeWaiters]) waiter();
  }
}

// A function, so TypeScript does not keep a narrowing of job.state from before an await.
const isCancelled = (job: ActiveJob): boolean => job.state === "cancelled";

/** Resolves true after `ms`, or false as soon as the signal aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
