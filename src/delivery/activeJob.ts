import { deliveryId } from "../db/models/delivery.js";
import type { DeliveryJobRecord } from "../db/models/deliveryJob.js";
import { isQuiet, nextMorning } from "../domain/quietHours.js";
import { effectiveTimeZone } from "../domain/timeZones.js";
import type { UserRef } from "../security/fieldCipher.js";
import type { DeliveryJobSummary, DeliveryProgress, JobState, JobSubject, OutgoingContent, RenderedMessage } from "./types.js";

/** One recipient on its way: fresh from the list, or waiting for a retry. */
export interface DeliveryItem {
  /** `${jobId}:${userId}`: the id of its attempt row and of its outcome. */
  id: string;
  /** The recipient's pseudonym; the worker resolves the chat id when it sends. */
  userId: UserRef;
  seq: number;
  locale: string;
  /** The recipient's time zone on a daytime-only job ("" = the default zone). */
  timeZone?: string;
  /** Send attempts made so far. */
  attempts: number;
  /** Not before this time (clock milliseconds). */
  dueAt: number;
  /** Its delivery_attempts row exists already. */
  hasRow: boolean;
  /** Why a fresh recipient was deferred, when it was not just the chat's pacing ("night"). */
  deferredFor?: "night";
}

export interface OutcomeCounts {
  sent: number;
  failed: number;
  skipped: number;
}

interface LoadedChunk {
  seq: number;
  userIds: UserRef[];
  locales: string[];
  timeZones?: string[];
}

const ETA_WINDOW_MS = 15_000;

/**
 * What the dispatcher holds in memory for a job it is sending: a cursor over the recipient
 * chunks, the recipients waiting for a retry, and the counts. No database access here.
 */
export class ActiveJob {
  readonly jobId: string;
  readonly summary: DeliveryJobSummary;
  /** Composed content per locale (broadcasts); empty when the job has a subject. */
  readonly content: Record<string, OutgoingContent>;
  /** What the job is about, rendered at send time (case news, milestone news). */
  readonly subject: JobSubject | null;
  /** The subject rendered per recipient locale, once per job while it is open. */
  readonly rendered = new Map<string, Promise<RenderedMessage | null>>();
  readonly defaultLocale: string;
  readonly paid: boolean;
  /** Recipients in their night wait for their 08:00 (as retries), the others get it at once. */
  readonly daytimeOnly: boolean;
  readonly total: number;
  readonly chunkCount: number;
  readonly chunkSize: number;
  state: JobState;
  /** Recipients who withdrew what this job announces since it was enqueued: skipped, not sent. */
  withdrawn: ReadonlySet<UserRef> = new Set();
  counts: OutcomeCounts = { sent: 0, failed: 0, skipped: 0 };
  readonly retries: DeliveryItem[] = [];
  inFlight = 0;
  /** Set while the job is being finished, so that happens once. */
  finishing = false;
  /** Counts changed since the last progress report. */
  changed = true;
  lastReportAt = Number.NEGATIVE_INFINITY;

  private chunk: LoadedChunk | null = null;
  private offset = 0;
  private nextChunkSeq = 0;
  private startOffset = 0;
  private loading = false;
  private readonly samples: { at: number; done: number }[] = [];

  /** @param chatIdOf the Telegram chat id behind a pseudonym (for the progress message's chat). */
  constructor(record: DeliveryJobRecord, chatIdOf: (ref: UserRef) => number) {
    this.jobId = record._id;
    // The dispatcher hands over the content opened (contentAtRest.ts); a purged job is never opened.
    this.content = JSON.parse(record.contentByLocale ?? "{}") as Record<string, OutgoingContent>;
    this.subject = record.subject ?? null;
    this.defaultLocale = record.defaultLocale;
    this.paid = record.paid;
    this.daytimeOnly = record.daytimeOnly === true;
    this.total = record.total;
    this.chunkCount = record.chunkCount;
    this.chunkSize = record.chunkSize;
    this.state = record.state;
    this.summary = {
      jobId: record._id,
      kind: record.kind,
      ...(record.createdBy !== null ? { createdBy: record.createdBy } : {}),
      paid: record.paid,
      ...(record.progressChat
        ? {
            progressChat: {
              chatId: chatIdOf(record.progressChat.userRef),
              locale: record.progressChat.locale,
              ...(record.progressChat.messageId != null ? { messageId: record.progressChat.messageId } : {}),
            },
          }
        : {}),
      createdAt: record.createdAt,
    };
  }

  /** Continue with the recipient at position `seq` (everything before it was taken already). */
  startAt(seq: number): void {
    this.nextChunkSeq = Math.floor(seq / this.chunkSize);
    this.startOffset = seq % this.chunkSize;
    this.chunk = null;
  }

  /** The chunk to load next, if the cursor needs one and none is loading. */
  chunkToLoad(): number | null {
    if (this.loading || this.hasFreshInChunk() || this.nextChunkSeq >= this.chunkCount) return null;
    this.loading = true;
    return this.nextChunkSeq;
  }

  /** A loaded chunk, or null when it is missing (then it is passed over). */
  setChunk(seq: number, chunk: { userIds: UserRef[]; locales: string[]; timeZones?: string[] } | null): void {
    this.loading = false;
    if (seq !== this.nextChunkSeq) return;
    this.nextChunkSeq = seq + 1;
    this.offset = this.startOffset;
    this.startOffset = 0;
    this.chunk = chunk ? { seq, userIds: chunk.userIds, locales: chunk.locales, ...(chunk.timeZones ? { timeZones: chunk.timeZones } : {}) } : null;
  }

  chunkLoadFailed(): void {
    this.loading = false;
  }

  /** Every recipient of the list has been taken. */
  get listExhausted(): boolean {
    return !this.loading && !this.hasFreshInChunk() && this.nextChunkSeq >= this.chunkCount;
  }

  /** Nothing left to send or to wait for. */
  get complete(): boolean {
    return this.listExhausted && this.retries.length === 0 && this.inFlight === 0;
  }

  hasWork(now: number, pacedUntil: (userId: UserRef) => number | undefined): boolean {
    if (this.hasFreshInChunk()) return true;
    return this.retries.some((item) => item.dueAt <= now && pacedUntil(item.userId) === undefined);
  }

  /** Earliest retry time (clock ms), for sleeping until then. */
  nextDueAt(): number | undefined {
    let earliest: number | undefined;
    for (const item of this.retries) if (earliest === undefined || item.dueAt < earliest) earliest = item.dueAt;
    return earliest;
  }

  /**
   * The next recipient to send to: a due retry first, else the next on the list. Fresh recipients
   * whose chat had a message less than a second ago, or who are in their night on a daytime-only
   * job (until their 08:00), come back as `deferred` (they wait as retries).
   */
  take(now: number, pacedUntil: (userId: UserRef) => number | undefined): { item?: DeliveryItem; deferred: DeliveryItem[] } {
    const deferred: DeliveryItem[] = [];
    let best = -1;
    for (let i = 0; i < this.retries.length; i++) {
      const candidate = this.retries[i]!;
      if (candidate.dueAt > now || pacedUntil(candidate.userId) !== undefined) continue;
      if (best < 0 || candidate.dueAt < this.retries[best]!.dueAt) best = i;
    }
    if (best >= 0) return { item: this.retries.splice(best, 1)[0]!, deferred };

    while (this.hasFreshInChunk()) {
      const item = this.nextFresh(now);
      const morning = this.morningOf(item, now);
      if (morning !== undefined) {
        item.dueAt = morning;
        item.deferredFor = "night";
        deferred.push(item);
        continue;
      }
      const paced = pacedUntil(item.userId);
      if (paced === undefined) return { item, deferred };
      item.dueAt = paced;
      deferred.push(item);
    }
    return { deferred };
  }

  /** Takes up to `max` recipients still on the list (to skip them when the job is cancelled). */
  takeRemaining(max: number, now: number): DeliveryItem[] {
    const items: DeliveryItem[] = [];
    while (items.length < max && this.hasFreshInChunk()) items.push(this.nextFresh(now));
    return items;
  }

  record(state: keyof OutcomeCounts): void {
    this.counts[state] += 1;
    this.changed = true;
  }

  get done(): number {
    return this.counts.sent + this.counts.failed + this.counts.skipped;
  }

  /** Called about once a second: keeps a short history of progress for the ETA. */
  sample(at: number): void {
    this.samples.push({ at, done: this.done });
    while (this.samples.length > 2 && this.samples[0]!.at < at - ETA_WINDOW_MS) this.samples.shift();
  }

  progress(state: JobState = this.state): DeliveryProgress {
    const pending = Math.max(0, this.total - this.done);
    const progress: DeliveryProgress = { jobId: this.jobId, state, total: this.total, ...this.counts, pending };
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (pending > 0 && first && last && last.at > first.at && last.done > first.done) {
      const perSecond = (last.done - first.done) / ((last.at - first.at) / 1000);
      progress.etaSeconds = Math.ceil(pending / perSecond);
    }
    return progress;
  }

  /** When a recipient in their night may receive a daytime-only job's message; undefined when now. */
  private morningOf(item: DeliveryItem, now: number): number | undefined {
    if (!this.daytimeOnly) return undefined;
    const zone = effectiveTimeZone(item.timeZone);
    const at = new Date(now);
    return isQuiet(at, zone) ? nextMorning(at, zone).getTime() : undefined;
  }

  private hasFreshInChunk(): boolean {
    return this.chunk !== null && this.offset < this.chunk.userIds.length;
  }

  private nextFresh(now: number): DeliveryItem {
    const chunk = this.chunk!;
    const index = this.offset++;
    const userId = chunk.userIds[index]!;
    return {
      id: deliveryId(this.jobId, userId),
      userId,
      seq: chunk.seq * this.chunkSize + index,
      locale: chunk.locales[index] ?? "",
      ...(chunk.timeZones ? { timeZone: chunk.timeZones[index] ?? "" } : {}),
      attempts: 0,
      dueAt: now,
      hasRow: false,
    };
  }
}
