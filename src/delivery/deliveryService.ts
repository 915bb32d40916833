import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Clock } from "../clock.js";
import type { Models } from "../db/models/index.js";
import type { DeliveryRecord } from "../db/models/delivery.js";
import { deliveryId } from "../db/models/delivery.js";
import type { DeliveryJobRecord } from "../db/models/deliveryJob.js";
import { recipientsChunkId, type DeliveryRecipientsRecord } from "../db/models/deliveryRecipients.js";
import { USER_REF_PATTERN, type UserRef } from "../security/fieldCipher.js";
import { sleep } from "../sleep.js";
import { createLeases } from "../db/leases.js";
import { sealContent, type ContentCipher } from "./contentAtRest.js";
import { insertIgnoringDuplicates, isDuplicateKeyError } from "../db/duplicateKeys.js";
import type { DeliveryJobInput, DeliveryProgress, DeliveryService, Recipient } from "./types.js";

export interface DeliveryServiceOptions {
  /** Encrypts each job's content at rest (it holds names and notes); the worker opens it to send. */
  contentCipher: ContentCipher;
  /** Told after an enqueue, pause, resume or cancel, so a worker in this process reacts at once. */
  onChange?: () => void;
  /** Recipients per stored chunk (tests use small chunks). */
  chunkSize?: number;
  /**
   * Progress of a job the dispatcher of this process is sending, from its memory. Saves counting
   * outcomes in the database (a scan of the collection on FerretDB) while the job runs.
   */
  liveProgress?: (jobId: string) => DeliveryProgress | undefined;
}

export const DEFAULT_CHUNK_SIZE = 1000;
const ENQUEUE_LEASE_MS = 60_000;
/** Window of recent sends the ETA is estimated from. */
const RATE_WINDOW_MS = 30_000;

const buttonSchema = z.strictObject({ text: z.string().min(1).max(64), callbackData: z.string().min(1).max(64).optional(), url: z.url().optional() });
const contentSchema = z.strictObject({
  text: z.string().max(4096),
  parseMode: z.literal("HTML").optional(),
  photoFileId: z.string().min(1).optional(),
  documentFileId: z.string().min(1).optional(),
  inlineKeyboard: z.array(z.array(buttonSchema)).optional(),
});
const jobInputSchema = z
  .strictObject({
    jobId: z.string().min(1).max(200),
    kind: z.enum(["broadcast", "case-status", "petition-milestone", "reminder", "event"]),
    createdBy: z.string().regex(USER_REF_PATTERN).optional(),
    contentByLocale: z.record(z.string(), contentSchema).optional(),
    subject: z
      .discriminatedUnion("kind", [
        z.strictObject({ kind: z.literal("case-status"), eventId: z.string().regex(/^[0-9a-f]{24}$/) }),
        z.strictObject({ kind: z.literal("petition-milestone"), petitionId: z.string().regex(/^[0-9a-f]{24}$/), milestone: z.number().int().positive() }),
        z.strictObject({ kind: z.literal("registration-unfinished") }),
        z.strictObject({ kind: z.literal("case-checkin") }),
        z.strictObject({ kind: z.literal("petition-last-call"), petitionId: z.string().regex(/^[0-9a-f]{24}$/) }),
        z.strictObject({ kind: z.literal("petition-closed"), petitionId: z.string().regex(/^[0-9a-f]{24}$/) }),
        z.strictObject({ kind: z.literal("event-invitation"), eventId: z.string().regex(/^[0-9a-f]{24}$/), timeZone: z.string().min(1).max(64) }),
        z.strictObject({ kind: z.literal("event-reminder"), eventId: z.string().regex(/^[0-9a-f]{24}$/), before: z.enum(["24h", "1h"]), timeZone: z.string().min(1).max(64) }),
        z.strictObject({ kind: z.literal("event-change"), eventId: z.string().regex(/^[0-9a-f]{24}$/), change: z.enum(["moved", "cancelled"]), timeZone: z.string().min(1).max(64) }),
      ])
      .optional(),
    defaultLocale: z.string().min(2),
    notBefore: z.date().optional(),
    paid: z.boolean().optional(),
    daytimeOnly: z.boolean().optional(),
    progressChat: z.strictObject({ userRef: z.string().regex(USER_REF_PATTERN), messageId: z.number().int().optional(), locale: z.string() }).optional(),
  })
  .refine((job) => (job.contentByLocale === undefined) !== (job.subject === undefined), { message: "a job has either contentByLocale or a subject" })
  .refine((job) => !job.contentByLocale || job.contentByLocale[job.defaultLocale] !== undefined, { message: "contentByLocale must include the default locale" });

/**
 * The outbox's front door: features enqueue jobs and steer them; the delivery worker sends.
 * Counts are derived from the per-recipient outcomes (`deliveries`), never kept as counters.
 */
export function createDeliveryService(models: Models, clock: Clock, options: DeliveryServiceOptions): DeliveryService {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const leases = createLeases(models, clock);
  const changed = () => options.onChange?.();

  async function createJob(input: DeliveryJobInput): Promise<{ created: boolean; job: DeliveryJobRecord }> {
    const record: DeliveryJobRecord = {
      _id: input.jobId,
      kind: input.kind,
      createdBy: input.createdBy ?? null,
      // Composed content is kept encrypted (it holds what its sender wrote); a subject is ids only.
      contentByLocale: input.contentByLocale ? sealContent(options.contentCipher, input.contentByLocale) : null,
      subject: input.subject ?? null,
      defaultLocale: input.defaultLocale,
      notBefore: input.notBefore ?? null,
      paid: input.paid === true,
      daytimeOnly: input.daytimeOnly === true,
      state: "scheduled",
      progressChat: input.progressChat ? { ...input.progressChat, messageId: input.progressChat.messageId ?? null } : null,
      createdAt: clock.now(),
      enqueuedAt: null,
      total: 0,
      skippedAtEnqueue: 0,
      chunkCount: 0,
      chunkSize,
      finishedAt: null,
      summary: null,
    };
    try {
      await models.deliveryJobs.collection.insertOne(record as never);
      return { created: true, job: record };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await models.deliveryJobs.findById(input.jobId).lean().exec();
      if (!existing) throw new Error(`delivery job ${input.jobId} vanished while being enqueued`);
      return { created: false, job: existing };
    }
  }

  /** Stores the recipients chunk by chunk. Resumable: a second call adds only who is missing. */
  async function storeRecipients(job: DeliveryJobRecord, recipients: Iterable<Recipient> | AsyncIterable<Recipient>, holder: string) {
    const size = job.chunkSize;
    const seen = new Set<UserRef>();
    let seq = 0;
    let sendable = 0;
    let skipped = 0;
    for (const chunk of await models.deliveryRecipients.find({ jobId: job._id }).lean().exec()) {
      for (const id of [...chunk.userIds, ...chunk.skippedUserIds]) seen.add(id);
      seq = Math.max(seq, chunk.seq + 1);
      sendable += chunk.userIds.length;
      skipped += chunk.skippedUserIds.length;
    }
    const unreachable = new Set((await models.users.find({ unreachableSince: { $ne: null } }, { _id: 1 }).lean().exec()).map((u) => u._id));

    let userIds: UserRef[] = [];
    let locales: string[] = [];
    let timeZones: string[] = [];
    let skippedNow: DeliveryRecord[] = [];
    const flush = async () => {
      if (userIds.length + skippedNow.length === 0) return;
      // Outcomes first: a chunk that exists always has its skipped recipients recorded.
      await insertIgnoringDuplicates(models.deliveries, skippedNow);
      const chunk: DeliveryRecipientsRecord = {
        _id: recipientsChunkId(job._id, seq),
        jobId: job._id,
        seq,
        userIds,
        locales,
        // Only a daytime-only job needs each recipient's zone; other lists stay as small as before.
        ...(job.daytimeOnly ? { timeZones } : {}),
        skippedUserIds: skippedNow.map((d) => d.userId),
      };
      await models.deliveryRecipients.collection.insertOne(chunk as never);
      sendable += userIds.length;
      skipped += skippedNow.length;
      seq += 1;
      userIds = [];
      locales = [];
      timeZones = [];
      skippedNow = [];
      if (!(await leases.acquire(enqueueLease(job._id), holder, ENQUEUE_LEASE_MS))) {
        throw new Error(`enqueue of delivery job ${job._id} was taken over by another process`);
      }
    };

    for await (const recipient of recipients) {
      if (seen.has(recipient.userId)) continue;
      seen.add(recipient.userId);
      if (unreachable.has(recipient.userId)) {
        skippedNow.push({
          _id: deliveryId(job._id, recipient.userId),
          jobId: job._id,
          userId: recipient.userId,
          seq: null,
          state: "skipped",
          reason: "blocked",
          attempts: 0,
          sentAt: null,
          messageId: null,
          locale: recipient.locale ?? "",
          at: clock.now(),
        });
      } else {
        userIds.push(recipient.userId);
        locales.push(recipient.locale ?? "");
        timeZones.push(recipient.timeZone ?? "");
      }
      if (userIds.length + skippedNow.length >= size) await flush();
    }
    await flush();
    return { total: sendable + skipped, skipped, chunkCount: seq };
  }

  async function countOutcomes(jobId: string): Promise<{ sent: number; failed: number; skipped: number }> {
    // One accumulator per $group: FerretDB computes only the first.
    const groups = await models.deliveries.aggregate<{ _id: string; n: number }>([{ $match: { jobId } }, { $group: { _id: "$state", n: { $sum: 1 } } }]).exec();
    const of = (state: string) => groups.find((g) => g._id === state)?.n ?? 0;
    return { sent: of("sent"), failed: of("failed"), skipped: of("skipped") };
  }

  async function progressOf(job: DeliveryJobRecord): Promise<DeliveryProgress> {
    const live = job.finishedAt ? undefined : options.liveProgress?.(job._id);
    if (live) return { ...live, state: job.state };
    const counts = job.summary ?? (await countOutcomes(job._id));
    const pending = Math.max(0, job.total - counts.sent - counts.failed - counts.skipped);
    const progress: DeliveryProgress = { jobId: job._id, state: job.state, total: job.total, ...counts, pending };
    if (job.state === "running" && pending > 0) {
      const since = new Date(clock.now().getTime() - RATE_WINDOW_MS);
      const recent = await models.deliveries.countDocuments({ jobId: job._id, at: { $gte: since } }).exec();
      if (recent > 0) progress.etaSeconds = Math.ceil(pending / (recent / (RATE_WINDOW_MS / 1000)));
    }
    return progress;
  }

  return {
    async enqueue(input, recipients) {
      const parsed = jobInputSchema.safeParse(input);
      if (!parsed.success) throw new Error(`invalid delivery job: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
      // The lease first: whoever holds it creates the job, so exactly one caller hears `created: true`;
      // a second caller of the same jobId waits for the first to finish.
      const holder = randomUUID();
      const lease = enqueueLease(input.jobId);
      const giveUpAt = Date.now() + ENQUEUE_LEASE_MS;
      while (!(await leases.acquire(lease, holder, ENQUEUE_LEASE_MS))) {
        const existing = await models.deliveryJobs.findById(input.jobId, { enqueuedAt: 1, total: 1 }).lean().exec();
        if (existing?.enqueuedAt) return { created: false, recipients: existing.total };
        if (Date.now() > giveUpAt) throw new Error(`delivery job ${input.jobId} is being enqueued by another process`);
        await sleep(200);
      }
      try {
        const { created, job } = await createJob(input);
        if (job.enqueuedAt) return { created: false, recipients: job.total };
        const stored = await storeRecipients(job, recipients, holder);
        await models.deliveryJobs
          .updateOne({ _id: job._id }, { $set: { enqueuedAt: clock.now(), total: stored.total, skippedAtEnqueue: stored.skipped, chunkCount: stored.chunkCount } })
          .exec();
        changed();
        return { created, recipients: stored.total };
      } finally {
        await leases.release(lease, holder).catch(() => undefined);
      }
    },

    async pause(jobId) {
      const result = await models.deliveryJobs.updateOne({ _id: jobId, state: { $in: ["scheduled", "running"] } }, { $set: { state: "paused" } }).exec();
      changed();
      return result.modifiedCount > 0;
    },

    async resume(jobId) {
      const job = await models.deliveryJobs.findById(jobId, { notBefore: 1, state: 1 }).lean().exec();
      if (!job || job.state !== "paused") return false;
      const due = !job.notBefore || job.notBefore.getTime() <= clock.now().getTime();
      const result = await models.deliveryJobs.updateOne({ _id: jobId, state: "paused" }, { $set: { state: due ? "running" : "scheduled" } }).exec();
      changed();
      return result.modifiedCount > 0;
    },

    async cancel(jobId) {
      // The worker marks what is left skipped(cancelled) once the messages in flight are answered.
      const result = await models.deliveryJobs
        .updateOne({ _id: jobId, state: { $in: ["scheduled", "running", "paused"] } }, { $set: { state: "cancelled" } })
        .exec();
      changed();
      return result.modifiedCount > 0;
    },

    async withdrawRecipient(jobIds, userId) {
      if (jobIds.length === 0) return 0;
      // The worker reads the list with the job's state every tick and skips them when their turn comes.
      const result = await models.deliveryJobs.updateMany({ _id: { $in: jobIds }, finishedAt: null }, { $addToSet: { withdrawnRecipients: userId } }).exec();
      changed();
      return result.matchedCount;
    },

    async progress(jobId) {
      const job = await models.deliveryJobs.findById(jobId).lean().exec();
      return job ? progressOf(job) : null;
    },

    async listJobs(filter = {}) {
      const query: Record<string, unknown> = {};
      if (filter.createdBy !== undefined) query.createdBy = filter.createdBy;
      if (filter.kind !== undefined) query.kind = filter.kind;
      const jobs = await models.deliveryJobs
        .find(query)
        .sort({ createdAt: -1 })
        .limit(filter.limit ?? 20)
        .lean()
        .exec();
      const result: DeliveryProgress[] = [];
      for (const job of jobs) result.push(await progressOf(job));
      return result;
    },
  };
}

const enqueueLease = (jobId: string) => `delivery-enqueue:${jobId}`;
