import { createHash, randomBytes } from "node:crypto";
import type { Clock } from "../../clock.js";
import type { JobSubject } from "../../db/models/deliveryJob.js";
import type { Models } from "../../db/models/index.js";
import type { ReminderRecord } from "../../db/models/reminder.js";
import type { ReminderBucketRecord } from "../../db/models/reminderBucket.js";
import { insertIgnoringDuplicates } from "../../db/duplicateKeys.js";
import type { DeliveryService, Recipient } from "../../delivery/types.js";
import { isQuiet, isTimeZone, nextMorning } from "../../domain/quietHours.js";
import type { FieldCipher, UserRef } from "../../security/fieldCipher.js";
import type { ReminderKind, ReminderRequest, ReminderService } from "./reminderTypes.js";

export interface ReminderServiceDeps {
  models: Models;
  clock: Clock;
  delivery: Pick<DeliveryService, "enqueue">;
  cipher: Pick<FieldCipher, "userRef">;
  defaultLocale: string;
  /** The zone of a user who chose none (TZ_DEFAULT, Asia/Tehran). */
  defaultTimeZone: string;
  /** Buckets read per tick at most (a backlog after a long stop is worked off tick by tick). */
  bucketsPerTick?: number;
  /** Bucket ids' random part (tests may fix it). */
  randomSuffix?: () => string;
}

/** The contract, and what the app's maintenance and erasure need besides. */
export interface ReminderScheduler extends ReminderService {
  /** Forgets a user's reminders (the user erased their data). */
  forgetUser(userId: number): Promise<number>;
  /** Deletes reminders handled more than DONE_REMINDER_RETENTION_DAYS ago. */
  purgeDone(now: Date): Promise<number>;
}

/** Sent, dropped and cancelled reminders are kept this long (idempotent re-scheduling), then purged. */
export const DONE_REMINDER_RETENTION_DAYS = 30;
/** A bucket naming reminders that were never stored (scheduling stopped half way) is dropped after this. */
const ORPHAN_BUCKET_MS = 5 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

/** "yyyy-mm-ddThh:mm" in UTC: the due minute, which sorts as time. */
export const minuteOf = (at: Date): string => at.toISOString().slice(0, 16);

/** What a job is about, as a short stable key for the outbox job id ("event-reminder/65f0…"). */
export function subjectKey(subject: JobSubject): string {
  const fields = Object.entries(subject as Record<string, unknown>)
    .filter(([name]) => name !== "kind")
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, value]) => String(value));
  return [subject.kind, ...fields].join("/");
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The reminder scheduler (issue #10): stores what is due, and once a minute hands what fell due to
 * the outbox. Storage is shaped for FerretDB (README "Reminders"): a tick reads only the due
 * buckets, never scans the pending reminders; buckets are written once and deleted, never
 * updated; a reminder is marked sent after its outbox job was enqueued under an id that is the
 * same on a second try, so a crash or a second process in between sends nothing twice.
 */
export function createReminderService(deps: ReminderServiceDeps): ReminderScheduler {
  const { models, clock, delivery, cipher } = deps;
  const bucketsPerTick = deps.bucketsPerTick ?? 500;
  const suffix = deps.randomSuffix ?? (() => randomBytes(6).toString("hex"));

  /** Buckets first, then the reminders naming them: a stored reminder always has its bucket. */
  async function writeBuckets(byMinute: Map<string, string[]>, now: Date): Promise<Map<string, string>> {
    const bucketOfId = new Map<string, string>();
    const buckets: ReminderBucketRecord[] = [];
    for (const [minute, ids] of byMinute) {
      const bucket: ReminderBucketRecord = { _id: `${minute}#${suffix()}`, minute, ids, createdAt: now };
      buckets.push(bucket);
      for (const id of ids) bucketOfId.set(id, bucket._id);
    }
    if (buckets.length > 0) await models.reminderBuckets.collection.insertMany(buckets as never[], { ordered: false });
    return bucketOfId;
  }

  async function schedule(requests: ReminderRequest[]): Promise<{ stored: number }> {
    if (requests.length === 0) return { stored: 0 };
    const now = clock.now();
    const unique = new Map(requests.map((request) => [request.id, request]));
    const byMinute = new Map<string, string[]>();
    for (const request of unique.values()) {
      const minute = minuteOf(request.dueAt);
      byMinute.set(minute, [...(byMinute.get(minute) ?? []), request.id]);
    }
    const bucketOfId = await writeBuckets(byMinute, now);
    const records: ReminderRecord[] = [...unique.values()].map((request) => ({
      _id: request.id,
      userId: cipher.userRef(request.userId),
      kind: request.kind,
      subject: request.subject,
      dueAt: request.dueAt,
      lateAfter: request.lateAfter ?? null,
      quietHours: request.quietHours,
      state: "pending",
      bucketId: bucketOfId.get(request.id)!,
      scheduledAt: now,
      doneAt: null,
      jobId: null,
    }));
    // An id stored before keeps its first bucket; the new bucket's copy of it is skipped at its minute.
    await insertIgnoringDuplicates(models.reminders, records);
    return { stored: records.length };
  }

  /** Hands one group (same kind, subject and due minute) to the outbox; idempotent on a second try. */
  async function hand(jobId: string, subject: JobSubject, recipients: Recipient[]): Promise<string> {
    const result = await delivery.enqueue({ jobId, kind: "reminder", subject, defaultLocale: deps.defaultLocale }, recipients);
    if (result.created) return jobId;
    // The job exists: this is a second try (a crash, another process) — or a reminder joined the
    // group after the job was made. Whoever is not in it yet gets a job of their own, whose id
    // depends only on who they are, so a further try adds nothing.
    // Who is in it: its recipient chunks while it sends, its outcomes once done (the chunks are
    // removed then; outcomes are written first). Read in this order, nobody falls between the two.
    const chunks = await models.deliveryRecipients.find({ jobId }, { userIds: 1, skippedUserIds: 1 }).lean().exec();
    const outcomes = await models.deliveries.find({ jobId }, { userId: 1 }).lean().exec();
    const inJob = new Set([...chunks.flatMap((chunk) => [...chunk.userIds, ...chunk.skippedUserIds]), ...outcomes.map((outcome) => outcome.userId)]);
    const missing = recipients.filter((recipient) => !inJob.has(recipient.userId));
    if (missing.length === 0) return jobId;
    const digest = createHash("sha256")
      .update(missing.map((recipient) => recipient.userId).sort().join(","))
      .digest("hex")
      .slice(0, 16);
    const followUp = `${jobId}:${digest}`;
    await delivery.enqueue({ jobId: followUp, kind: "reminder", subject, defaultLocale: deps.defaultLocale }, missing);
    return followUp;
  }

  async function runDue(now: Date): Promise<{ sent: number; deferred: number; dropped: number }> {
    const totals = { sent: 0, deferred: 0, dropped: 0 };
    const buckets = await models.reminderBuckets
      .find({ minute: { $lte: minuteOf(now) } })
      .sort({ minute: 1 })
      .limit(bucketsPerTick)
      .lean()
      .exec();
    if (buckets.length === 0) return totals;

    const ids = [...new Set(buckets.flatMap((bucket) => bucket.ids))];
    const reminders = await models.reminders.find({ _id: { $in: ids } }).lean().exec();
    const found = new Set(reminders.map((reminder) => reminder._id));
    const bucketIds = new Set(buckets.map((bucket) => bucket._id));
    // A reminder is handled from the bucket it names: not from an older copy (deferred) or a duplicate request.
    const due = reminders.filter((reminder) => reminder.state === "pending" && bucketIds.has(reminder.bucketId));
    const minuteOfBucket = new Map(buckets.map((bucket) => [bucket._id, bucket.minute]));

    const userRefs = [...new Set(due.map((reminder) => reminder.userId))];
    const users = userRefs.length
      ? await models.users.find({ _id: { $in: userRefs } }, { locale: 1, timeZone: 1, reminderOptOuts: 1 }).lean().exec()
      : [];
    const userOf = new Map(users.map((user) => [user._id, user]));

    const dropped: { late: string[]; "opted-out": string[] } = { late: [], "opted-out": [] };
    const deferredTo = new Map<string, { at: Date; ids: string[] }>();
    const groups = new Map<string, { subject: JobSubject; kind: ReminderKind; minute: string; reminders: ReminderRecord[] }>();
    for (const reminder of due) {
      const user = userOf.get(reminder.userId);
      if (reminder.lateAfter && reminder.lateAfter.getTime() < now.getTime()) {
        dropped.late.push(reminder._id);
        continue;
      }
      // A user who erased their data (no users row) or switched the kind off gets nothing.
      if (!user || (user.reminderOptOuts ?? []).includes(reminder.kind)) {
        dropped["opted-out"].push(reminder._id);
        continue;
      }
      const zone = user.timeZone && isTimeZone(user.timeZone) ? user.timeZone : deps.defaultTimeZone;
      if (reminder.quietHours === "respect" && isQuiet(now, zone)) {
        const morning = nextMorning(now, zone);
        const minute = minuteOf(morning);
        const entry = deferredTo.get(minute) ?? { at: morning, ids: [] };
        entry.ids.push(reminder._id);
        deferredTo.set(minute, entry);
        continue;
      }
      const minute = minuteOfBucket.get(reminder.bucketId)!;
      const key = `reminder:${reminder.kind}:${subjectKey(reminder.subject)}:${minute}`;
      const group = groups.get(key) ?? { subject: reminder.subject, kind: reminder.kind, minute, reminders: [] };
      group.reminders.push(reminder);
      groups.set(key, group);
    }

    for (const [reason, list] of Object.entries(dropped) as [keyof typeof dropped, string[]][]) {
      if (list.length === 0) continue;
      await models.reminders.updateMany({ _id: { $in: list }, state: "pending" }, { $set: { state: "dropped", dropReason: reason, doneAt: now } }).exec();
      totals.dropped += list.length;
    }

    if (deferredTo.size > 0) {
      // The morning bucket first, then the reminder moves to it: a crash between leaves it in the old one.
      const moves = await writeBuckets(new Map([...deferredTo].map(([minute, entry]) => [minute, entry.ids])), now);
      for (const entry of deferredTo.values()) {
        const bucketId = moves.get(entry.ids[0]!)!;
        await models.reminders.updateMany({ _id: { $in: entry.ids }, state: "pending" }, { $set: { bucketId, dueAt: entry.at } }).exec();
        totals.deferred += entry.ids.length;
      }
    }

    for (const [jobId, group] of groups) {
      const recipients = group.reminders.map((reminder) => ({ userId: reminder.userId, locale: userOf.get(reminder.userId)?.locale }));
      const handedTo = await hand(jobId, group.subject, recipients);
      const groupIds = group.reminders.map((reminder) => reminder._id);
      await models.reminders.updateMany({ _id: { $in: groupIds }, state: "pending" }, { $set: { state: "sent", jobId: handedTo, doneAt: now } }).exec();
      totals.sent += groupIds.length;
    }

    // Every reminder of these buckets is handled now; a bucket naming reminders never stored waits a little (their insert may follow).
    const finished = buckets
      .filter((bucket) => bucket.ids.every((id) => found.has(id)) || now.getTime() - bucket.createdAt.getTime() > ORPHAN_BUCKET_MS)
      .map((bucket) => bucket._id);
    if (finished.length > 0) await models.reminderBuckets.deleteMany({ _id: { $in: finished } }).exec();
    return totals;
  }

  return {
    schedule,
    runDue,

    async cancelByPrefix(idPrefix) {
      if (idPrefix.length === 0) throw new Error("cancelByPrefix needs a prefix");
      const result = await models.reminders
        .updateMany({ _id: { $regex: `^${escapeRegex(idPrefix)}` }, state: "pending" }, { $set: { state: "cancelled", doneAt: clock.now() } })
        .exec();
      return result.modifiedCount;
    },

    async forgetUser(userId) {
      const result = await models.reminders.deleteMany({ userId: cipher.userRef(userId) as UserRef }).exec();
      return result.deletedCount;
    },

    async purgeDone(now) {
      const cutoff = new Date(now.getTime() - DONE_REMINDER_RETENTION_DAYS * DAY_MS);
      const result = await models.reminders.deleteMany({ doneAt: { $ne: null, $lt: cutoff } }).exec();
      return result.deletedCount;
    },
  };
}
