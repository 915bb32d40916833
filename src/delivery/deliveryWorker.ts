import { setMaxListeners } from "node:events";
import type { Api } from "grammy";
import type { Clock, RandomSource } from "../clock.js";
import { createLeases } from "../db/leases.js";
import type { Models } from "../db/models/index.js";
import type { Logger } from "../logger.js";
import { newInstanceId, provablyDead } from "../processIdentity.js";
import type { UserRef } from "../security/fieldCipher.js";
import { defaultRetryPolicy, type RetryPolicy } from "./classifyError.js";
import type { ContentCipher } from "./contentAtRest.js";
import { DispatcherLease } from "./dispatcherLease.js";
import { JobLifecycle } from "./jobLifecycle.js";
import { OutboxWriter } from "./outboxWriter.js";
import { OutcomeRecorder } from "./outcomeRecorder.js";
import { ProgressReports } from "./progressReports.js";
import type { SendBudget } from "./sendBudget.js";
import { SendingSlots } from "./sendingSlots.js";
import { SendPacing } from "./sendPacing.js";
import type { DeliveryProgress, DeliveryProgressListener, SubjectRenderer } from "./types.js";

export { DISPATCHER_LEASE } from "./dispatcherLease.js";

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
  /** Renders a job's subject (case news, milestone news) in a recipient's language at send time. */
  render?: SubjectRenderer;
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
  /** This process's name on the lease (the app passes its heartbeat's instance id). Default: a new processIdentity.ts id. */
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

/*
 * The life of one message:
 * 1. A slot (sendingSlots.ts) picks a job (round robin, so a one-family notification is not stuck
 *    behind a 100,000-family broadcast), waits for a token from the sending budget (sendPacing.ts),
 *    and takes the next recipient: a due retry first, else the next on the list (a chat messaged
 *    less than a second ago waits as a retry instead).
 * 2. Before the request leaves, what a crash must not forget is durable (outcomeRecorder.ts,
 *    outboxWriter.ts): the job's cursor moves past a first attempt; a retry's attempt row says
 *    `sending`. (Group commit: one write for everything the slots queued meanwhile.)
 * 3. The send (sendOne.ts). 429: every slot stops until retry_after has passed, then the same
 *    message again. 403: skipped(blocked) and the user is marked unreachable. 400: failed.
 *    5xx/network: a `pending` row with exponential backoff, until the attempts run out.
 * 4. The outcome is queued; it is written no later than this slot's next cursor move, so at any
 *    time at most `concurrency` recipients are "sent, maybe, but not recorded". While the writer
 *    cannot write, no slot sends.
 * Only the holder of the dispatcher lease sends (dispatcherLease.ts); the others look for work once
 * a second. Jobs are opened, followed and finished by jobLifecycle.ts, reported by progressReports.ts.
 */

export function startDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const worker = new Worker(options);
  worker.start();
  return worker;
}

/** Owns the tick (lease, jobs, progress) and the slots' lifetime: start, stop, crash. */
class Worker implements DeliveryWorker {
  readonly holder: string;
  private readonly log: Logger;
  private readonly writer: OutboxWriter;
  private readonly lease: DispatcherLease;
  private readonly recorder: OutcomeRecorder;
  private readonly pacing: SendPacing;
  private readonly progress: ProgressReports;
  private readonly lifecycle: JobLifecycle;
  private readonly slots: SendingSlots;
  private readonly mono: () => number;
  private readonly concurrency: number;
  private readonly tickMs: number;
  private readonly idleReleaseMs: number;

  private running: Promise<void>[] = [];
  private ticker: NodeJS.Timeout | undefined;
  private tickRunning: Promise<void> | undefined;
  private readonly abort = new AbortController();
  private stopping = false;
  private crashed = false;

  constructor(options: DeliveryWorkerOptions) {
    const { models, clock } = options;
    const log = (this.log = options.log);
    this.holder = options.holder ?? newInstanceId();
    const mono = (this.mono = options.monotonicNow ?? (() => performance.now()));
    this.concurrency = Math.max(1, options.concurrency ?? 8);
    this.tickMs = options.tickMs ?? 1_000;
    this.idleReleaseMs = options.idleReleaseMs ?? 5_000;
    const stopping = () => this.stopping;
    // Every slot waits on this signal (budget, 429 pause): more listeners than Node's default warning level.
    setMaxListeners(0, this.abort.signal);

    this.writer = new OutboxWriter(models, clock, log);
    const lease = (this.lease = new DispatcherLease({ leases: createLeases(models, clock), clock, log, holder: this.holder, ttlMs: options.leaseTtlMs ?? 10_000, mono, stopping, holderGone: provablyDead }));
    this.recorder = new OutcomeRecorder({ writer: this.writer, clock, log, holder: this.holder, leaseUntil: () => lease.leaseUntil, markUnreachable: options.markUnreachable });
    this.pacing = new SendPacing({ budget: options.budget, paid: options.paid, clock, log, chatPacingMs: options.chatPacingMs ?? 1_000, mono });
    this.progress = new ProgressReports({ listener: options.onProgress, log, intervalMs: options.progressIntervalMs ?? 3_000, mono });
    this.lifecycle = new JobLifecycle({
      models,
      clock,
      log,
      writer: this.writer,
      recorder: this.recorder,
      progress: this.progress,
      contentCipher: options.contentCipher,
      chatIdOf: options.chatIdOf,
      leader: () => lease.leader,
      stopping,
      paysFor: (job) => this.pacing.paysFor(job),
      chunkLoaded: () => this.slots.wakeAll(),
    });
    this.slots = new SendingSlots({
      api: options.api,
      clock,
      log,
      lease,
      lifecycle: this.lifecycle,
      pacing: this.pacing,
      recorder: this.recorder,
      chatIdOf: options.chatIdOf,
      render: options.render,
      retry: { ...defaultRetryPolicy, ...options.retry },
      random: options.random ?? Math.random,
      tickMs: this.tickMs,
      signal: this.abort.signal,
      stopping,
      crashed: () => this.crashed,
      wakeTick: () => this.wake(),
      mono,
    });
  }

  get dispatching(): boolean {
    return this.lease.leader;
  }

  progressOf(jobId: string): DeliveryProgress | undefined {
    return this.lease.leader ? this.lifecycle.jobs.get(jobId)?.progress() : undefined;
  }

  start(): void {
    this.running = Array.from({ length: this.concurrency }, () => this.slots.run());
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
    this.slots.wakeAll();
    await this.tickRunning;
    await Promise.allSettled(this.running);
    await Promise.allSettled([...this.lifecycle.finishing]);
    await this.writer.flush();
    await this.recorder.flushUnreachable();
    if (this.lease.leader) await this.lease.resign("stopped", true);
  }

  crash(): void {
    this.crashed = true;
    this.stopping = true;
    clearInterval(this.ticker);
    this.writer.abandon();
    this.abort.abort();
    this.slots.wakeAll();
  }

  /** Once a second, or when woken: keep or take the lease, follow the jobs, report, give the lease back when idle. */
  private async tick(): Promise<void> {
    const { lease, lifecycle } = this;
    try {
      if (lease.leader && !(await lease.renew())) lifecycle.jobs.clear();
      if (!lease.leader) {
        // Our own sends of an earlier leadership must be settled before anyone's are recovered.
        if (this.slots.inFlight > 0 || !this.writer.idle || lifecycle.finishing.size > 0) return;
        if (!(await lifecycle.anyWork())) return;
        if (!(await lease.take())) return;
        lifecycle.jobs.clear();
        this.slots.lastBusyAt = this.mono();
      }
      await lifecycle.refresh();
      lifecycle.finishDue();
      this.progress.tick(lifecycle.jobs.values());
      await this.recorder.flushUnreachable();
      this.pacing.prune();
      const idle = lifecycle.jobs.size === 0 && this.slots.inFlight === 0 && lifecycle.finishing.size === 0 && this.writer.idle;
      if (idle && this.mono() - this.slots.lastBusyAt > this.idleReleaseMs) {
        await this.writer.flush();
        lifecycle.jobs.clear();
        await lease.resign("idle", true);
      }
    } catch (error) {
      if (!this.stopping) this.log.warn({ err: (error as Error).message }, "delivery tick failed");
    } finally {
      this.slots.wakeAll();
    }
  }
}
