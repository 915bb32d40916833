import { createHash, randomBytes } from "node:crypto";
import type { Model } from "mongoose";
import type { Clock } from "../../clock.js";
import type { JobSubject } from "../../db/models/deliveryJob.js";
import type { Models } from "../../db/models/index.js";
import type { ReminderRecord } from "../../db/models/reminder.js";
import type { ReminderBucketRecord } from "../../db/models/reminderBucket.js";
import { insertIgnoringDuplicates } from "../../db/duplicateKeys.js";
import { NOTHING_SCHEDULED, REMINDER_CURSOR_ID, type ReminderCursorRecord } from "../../db/models/reminderMinute.js";
import type { DeliveryService, Recipient } from "../../delivery/types.js";
import { isQuiet, isTimeZone, nextMorning } from "../../domain/quietHours.js";
import type { FieldCipher, UserRef } from "../../security/fieldCipher.js";
import type { ReminderRequest, ReminderService } from "./reminderTypes.js";

export interface ReminderServiceDeps {
  models: Models;
  clock: Clock;
  delivery: Pick<DeliveryService, "enqueue">;
  cipher: Pick<FieldCipher, "userRef">;
  defaultLocale: string;
  /** The zone of a user who chose none (TZ_DEFAULT, Asia/Tehran). */
  defaultTimeZone: string;
  /** Due minutes handled per tick at most (a backlog after a long stop is worked off tick by tick). */
  minutesPerTick?: number;
}

/** The contract, and what the app's maintenance and erasure need besides. */
export interface ReminderScheduler extends ReminderService {
  /** Forgets a user's reminders (the user erased their data). */
  forgetUser(userId: number): Promise<number>;
  /** Deletes reminders due more than DONE_REMINDER_RETENTION_DAYS ago (sent, dropped or cancelled long since). */
  purgeDone(now: Date): Promise<number>;
}

/** Reminders are kept this long after they fell due (a repeated request does not schedule them again), then purged. */
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

/**
 * One document by its string `_id`, through the driver: FerretDB answers this from its primary key
 * (about 2 ms here), where mongoose's findById measured ten times slower.
 */
async function byId<T extends { _id: string }>(model: Model<T>, id: string): Promise<T | null> {
  return (await model.collection.findOne({ _id: id } as never)) as T | null;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The reminder scheduler (issue #10): stores what is due, and once a minute hands what fell due to
 * the outbox. Storage is shaped for FerretDB (README "Reminders"): an idle tick reads one
 * document, a busy one only the due buckets; none scans the pending reminders or writes one; buckets are written once and
 * deleted, never updated; a bucket is deleted after its reminders were enqueued under outbox job
 * ids that are the same on a second try, so a crash or a second process in between sends nothing twice.
 */
export function createReminderService(deps: ReminderServiceDeps): ReminderScheduler {
  const { models, clock, delivery, cipher } = deps;
  const minutesPerTick = deps.minutesPerTick ?? 24 * 60;

  /**
   * Buckets first, then the minutes naming them; the reminders follow (schedule), so a stored
   * reminder always has its bucket and its bucket always its minute. Returns each id's bucket.
   */
  async function writeBuckets(byMinute: Map<string, string[]>, now: Date, deferred = false): Promise<Map<string, string>> {
    const bucketOfId = new Map<string, string>();
    const buckets: ReminderBucketRecord[] = [];
    for (const [minute, ids] of byMinute) {
      const bucket: ReminderBucketRecord = { _id: `${minute}#${randomBytes(6).toString("hex")}`, minute, ids, createdAt: now, ...(deferred ? { deferred } : {}) };
      buckets.push(bucket);
      for (const id of ids) bucketOfId.set(id, bucket._id);
    }
    if (buckets.length > 0) await models.reminderBuckets.collection.insertMany(buckets as never[], { ordered: false });
    await insertIgnoringDuplicates(
      models.reminderMinutes,
      [...byMinute.keys()].map((minute) => ({ _id: minute })),
    );
    return bucketOfId;
  }

  /** Something new is due at `minute`: the cursor moves back to it if it is earlier, and a tick reading an older version keeps off. */
  async function markDue(minute: string): Promise<void> {
    await models.reminderCursor.updateOne({ _id: REMINDER_CURSOR_ID }, { $min: { next: minute }, $inc: { version: 1 } }, { upsert: true }).exec();
  }

  /** The buckets of the minutes from the cursor to now, and the first minute after them. */
  async function dueBuckets(now: Date): Promise<{ buckets: ReminderBucketRecord[]; cursor: ReminderCursorRecord | null; following: string }> {
    const end = minuteOf(now);
    // An idle tick stops here, after one read of a one-document collection.
    const cursor = await byId(models.reminderCursor, REMINDER_CURSOR_ID);
    if (!cursor || cursor.next > end) return { buckets: [], cursor: null, following: NOTHING_SCHEDULED };
    const minutes = await models.reminderMinutes
      .find({ _id: { $gte: cursor.next } })
      .sort({ _id: 1 })
      .limit(minutesPerTick + 1)
      .lean()
      .exec();
    const due = minutes.slice(0, minutesPerTick).filter((record) => record._id <= end).map((record) => record._id);
    const following = minutes.find((record) => !due.includes(record._id))?._id ?? NOTHING_SCHEDULED;
    const buckets = due.length > 0 ? await models.reminderBuckets.find({ minute: { $in: due } }).sort({ minute: 1 }).lean().exec() : [];
    return { buckets, cursor, following };
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
    const earliest = [...byMinute.keys()].sort()[0]!;
    // Before and after the writes: a tick that read the cursor in between does not move it past them.
    await markDue(earliest);
    const bucketOfId = await writeBuckets(byMinute, now);
    const records: ReminderRecord[] = [...unique.values()].map((request) => ({
      _id: request.id,
      userId: request.userRef,
      kind: request.kind,
      subject: request.subject,
      dueAt: request.dueAt,
      lateAfter: request.lateAfter ?? null,
      quietHours: request.quietHours,
      locale: request.locale ?? null,
      state: "pending",
      bucketId: bucketOfId.get(request.id)!,
      scheduledAt: now,
      cancelledAt: null,
    }));
    // An id stored before keeps its first bucket; the new bucket's copy of it is skipped at its minute.
    await insertIgnoringDuplicates(models.reminders, records);
    await markDue(earliest);
    return { stored: records.length };
  }

  /** Hands one group (same kind, subject and due minute) to the outbox; idempotent on a second try. */
  async function hand(jobId: string, subject: JobSubject, recipients: Recipient[]): Promise<void> {
    const result = await delivery.enqueue({ jobId, kind: "reminder", subject, defaultLocale: deps.defaultLocale }, recipients);
    if (result.created) return;
    // The job exists: this is a second try (a crash, another process) — or a reminder joined the
    // group after the job was made. Whoever is not in it yet gets a job of their own, whose id
    // depends only on who they are, so a further try adds nothing.
    // Who is in it: its recipient chunks while it sends, its outcomes once done (the chunks are
    // removed then; outcomes are written first). Read in this order, nobody falls between the two.
    const chunks = await models.deliveryRecipients.find({ jobId }, { userIds: 1, skippedUserIds: 1 }).lean().exec();
    const outcomes = await models.deliveries.find({ jobId }, { userId: 1 }).lean().exec();
    const inJob = new Set([...chunks.flatMap((chunk) => [...chunk.userIds, ...chunk.skippedUserIds]), ...outcomes.map((outcome) => outcome.userId)]);
    const missing = recipients.filter((recipient) => !inJob.has(recipient.userId));
    if (missing.length === 0) return;
    const digest = createHash("sha256")
      .update(missing.map((recipient) => recipient.userId).sort().join(","))
      .digest("hex")
      .slice(0, 16);
    const followUp = `${jobId}:${digest}`;
    await delivery.enqueue({ jobId: followUp, kind: "reminder", subject, defaultLocale: deps.defaultLocale }, missing);
  }

  async function runDue(now: Date): Promise<{ sent: number; deferred: number; dropped: number }> {
    const totals = { sent: 0, deferred: 0, dropped: 0 };
    const { buckets, cursor, following } = await dueBuckets(now);
    if (cursor === null) return totals;

    const ids = [...new Set(buckets.flatMap((bucket) => bucket.ids))];
    const reminders = await models.reminders.find({ _id: { $in: ids } }).lean().exec();
    const reminderOf = new Map(reminders.map((reminder) => [reminder._id, reminder]));
    // Which bucket speaks for a reminder in this tick: the one it was stored with, or a morning
    // bucket it was deferred to. A copy in another bucket (the same request scheduled again) is
    // ignored, and two copies of one deferral (a tick stopped half way) count once.
    const claimedBy = new Map<string, ReminderBucketRecord>();
    for (const bucket of buckets) {
      for (const id of bucket.ids) {
        const reminder = reminderOf.get(id);
        if (!reminder || reminder.state !== "pending" || claimedBy.has(id)) continue;
        if (bucket.deferred || reminder.bucketId === bucket._id) claimedBy.set(id, bucket);
      }
    }
    const due = [...claimedBy.keys()].map((id) => reminderOf.get(id)!);

    const userRefs = [...new Set(due.map((reminder) => reminder.userId))];
    const users = userRefs.length ? await models.users.find({ _id: { $in: userRefs } }, { locale: 1, timeZone: 1, reminderOptOuts: 1 }).lean().exec() : [];
    const userOf = new Map(users.map((user) => [user._id, user]));

    const deferredTo = new Map<string, { at: Date; ids: string[] }>();
    const groups = new Map<string, { subject: JobSubject; reminders: ReminderRecord[] }>();
    for (const reminder of due) {
      const user = userOf.get(reminder.userId);
      // Late, or for a user who switched the kind off or erased their data (no users row): nothing is sent.
      if ((reminder.lateAfter && reminder.lateAfter.getTime() < now.getTime()) || !user || (user.reminderOptOuts ?? []).includes(reminder.kind)) {
        totals.dropped += 1;
        continue;
      }
      const zone = user.timeZone && isTimeZone(user.timeZone) ? user.timeZone : deps.defaultTimeZone;
      if (reminder.quietHours === "respect" && isQuiet(now, zone)) {
        const morning = nextMorning(now, zone);
        const entry = deferredTo.get(minuteOf(morning)) ?? { at: morning, ids: [] };
        entry.ids.push(reminder._id);
        deferredTo.set(minuteOf(morning), entry);
        totals.deferred += 1;
        continue;
      }
      const key = `reminder:${reminder.kind}:${subjectKey(reminder.subject)}:${claimedBy.get(reminder._id)!.minute}`;
      const group = groups.get(key) ?? { subject: reminder.subject, reminders: [] };
      group.reminders.push(reminder);
      groups.set(key, group);
    }

    // Nothing here updates a reminder (on FerretDB each update of a large collection costs a scan):
    // a deferral is a new morning bucket, a hand-over is an outbox job, and deleting the bucket
    // afterwards marks all of it handled. A tick that stops before the delete is repeated by the
    // next one with the same job ids and the same mornings, which adds nothing.
    if (deferredTo.size > 0) await writeBuckets(new Map([...deferredTo].map(([minute, entry]) => [minute, entry.ids])), now, true);
    for (const [jobId, group] of groups) {
      const recipients = group.reminders.map((reminder) => ({ userId: reminder.userId, locale: userOf.get(reminder.userId)?.locale ?? reminder.locale ?? undefined }));
      await hand(jobId, group.subject, recipients);
      totals.sent += group.reminders.length;
    }

    // A bucket naming reminders never stored waits a little (the insert follows its bucket), then goes too.
    const finished = buckets
      .filter((bucket) => bucket.ids.every((id) => reminderOf.has(id)) || now.getTime() - bucket.createdAt.getTime() > ORPHAN_BUCKET_MS)
      .map((bucket) => bucket._id);
    if (finished.length > 0) await models.reminderBuckets.deleteMany({ _id: { $in: finished } }).exec();
    // The cursor moves to the first minute still to do: a bucket left waiting, a morning, or the next minute scheduled.
    const next = [following, ...deferredTo.keys(), ...buckets.filter((bucket) => !finished.includes(bucket._id)).map((bucket) => bucket.minute)].sort()[0]!;
    await models.reminderCursor.updateOne({ _id: REMINDER_CURSOR_ID, version: cursor.version }, { $set: { next } }).exec();
    return totals;
  }

  return {
    schedule,
    runDue,

    async cancelByPrefix(idPrefix) {
      if (idPrefix.length === 0) throw new Error("cancelByPrefix needs a prefix");
      const result = await models.reminders
        .updateMany({ _id: { $regex: `^${escapeRegex(idPrefix)}` }, state: "pending" }, { $set: { state: "cancelled", cancelledAt: clock.now() } })
        .exec();
      return result.modifiedCount;
    },

    async forgetUser(userId) {
      const result = await models.reminders.deleteMany({ userId: cipher.userRef(userId) as UserRef }).exec();
      return result.deletedCount;
    },

    async purgeDone(now) {
      // Handled reminders are not marked (their bucket is gone); a reminder this far past its due time is handled.
      const cutoff = new Date(now.getTime() - DONE_REMINDER_RETENTION_DAYS * DAY_MS);
      const result = await models.reminders.deleteMany({ dueAt: { $lt: cutoff } }).exec();
      // Minutes are not deleted by the tick (a request for a minute just handled may be adding to it).
      await models.reminderMinutes.deleteMany({ _id: { $lt: minuteOf(new Date(now.getTime() - 2 * DAY_MS)) } }).exec();
      return result.deletedCount;
    },
  };
}
