import type { Clock } from "../clock.js";
import type { Models } from "../db/models/index.js";
import type { DeliveryAttemptRecord } from "../db/models/deliveryAttempt.js";
import type { DeliveryJobRecord } from "../db/models/deliveryJob.js";
import { recipientsChunkId } from "../db/models/deliveryRecipients.js";
import { deliveryId } from "../db/models/delivery.js";
import type { Logger } from "../logger.js";
import type { UserRef } from "../security/fieldCipher.js";
import { ActiveJob } from "./activeJob.js";
import { isDuplicateKeyError } from "../db/duplicateKeys.js";

/**
 * Loads a job for dispatching. A job never dispatched gets its cursor and starts at the first
 * recipient. One that was (the dispatcher crashed, was stopped, or lost its lease) is recovered
 * from what is durable:
 * - outcomes (`deliveries`) give the counts;
 * - attempt rows wait for their retry as before; a `sending` one belonged to the dead dispatcher
 *   and is due again now, unless its outcome was recorded (then the row is a leftover);
 * - a recipient before the cursor with neither an outcome nor a row was in flight at the crash:
 *   it is sent again (it may arrive twice — at most `concurrency` messages).
 */
export async function openJob(
  models: Models,
  record: DeliveryJobRecord,
  deps: { clock: Clock; log: Logger; chatIdOf: (ref: UserRef) => number },
): Promise<ActiveJob> {
  const { clock, log } = deps;
  const job = new ActiveJob(record, deps.chatIdOf);
  const now = clock.now();
  if (record.chunkCount === 0) {
    job.counts.skipped = record.skippedAtEnqueue;
    job.startAt(0);
    return job;
  }
  const cursor = await models.deliveryCursors.findById(record._id).lean().exec();
  if (!cursor) {
    try {
      // Durable before the first send: after a restart this job is recovered, never started over.
      await models.deliveryCursors.collection.insertOne({ _id: record._id, next: 0, startedAt: now, updatedAt: now } as never);
      job.counts.skipped = record.skippedAtEnqueue;
      job.startAt(0);
      return job;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return openJob(models, record, deps);
    }
  }

  const rows = await models.deliveryAttempts.find({ jobId: record._id }).lean().exec();
  const rowIds = new Set(rows.map((row) => row._id));
  const done = new Uint8Array(record.chunkCount * record.chunkSize);
  const finishedRows = new Set<string>();
  const counts = { sent: 0, failed: 0, skipped: 0 };
  let next = cursor.next;
  for await (const outcome of models.deliveries.find({ jobId: record._id }, { state: 1, seq: 1 }).lean().cursor({ batchSize: 2000 })) {
    counts[outcome.state] += 1;
    if (typeof outcome.seq === "number") {
      done[outcome.seq] = 1;
      next = Math.max(next, outcome.seq + 1);
    }
    if (rowIds.has(outcome._id)) finishedRows.add(outcome._id);
  }
  job.counts = counts;
  if (finishedRows.size > 0) await models.deliveryAttempts.deleteMany({ _id: { $in: [...finishedRows] } }).exec();

  const live = rows.filter((row) => !finishedRows.has(row._id));
  const stale = live.filter((row) => row.state === "sending").map((row) => row._id);
  if (stale.length > 0) {
    await models.deliveryAttempts.updateMany({ _id: { $in: stale } }, { $set: { state: "pending", leaseUntil: null, holder: null, nextAttemptAt: now } }).exec();
  }
  const taken = new Uint8Array(done.length);
  for (const row of live) {
    taken[row.seq] = 1;
    next = Math.max(next, row.seq + 1);
    const dueAt = row.state === "sending" ? now.getTime() : row.nextAttemptAt.getTime();
    job.retries.push({ id: row._id, userId: row.userId, seq: row.seq, locale: row.locale, attempts: row.attempts, dueAt, hasRow: true });
  }

  // Taken, not finished, no row: in flight when the previous dispatcher stopped.
  const inFlight: number[] = [];
  for (let seq = 0; seq < next; seq++) if (!done[seq] && !taken[seq]) inFlight.push(seq);
  const gapRows: DeliveryAttemptRecord[] = [];
  for (const chunkSeq of new Set(inFlight.map((seq) => Math.floor(seq / record.chunkSize)))) {
    const chunk = await models.deliveryRecipients.findById(recipientsChunkId(record._id, chunkSeq), { userIds: 1, locales: 1 }).lean().exec();
    if (!chunk) continue;
    for (const seq of inFlight) {
      const index = seq - chunkSeq * record.chunkSize;
      const userId = chunk.userIds[index];
      if (Math.floor(seq / record.chunkSize) !== chunkSeq || userId === undefined) continue;
      const locale = chunk.locales[index] ?? "";
      const id = deliveryId(record._id, userId);
      gapRows.push({ _id: id, jobId: record._id, userId, seq, locale, state: "pending", attempts: 1, nextAttemptAt: now, leaseUntil: null, holder: null, reason: "in flight when the dispatcher stopped" });
      job.retries.push({ id, userId, seq, locale, attempts: 1, dueAt: now.getTime(), hasRow: true });
    }
  }
  if (gapRows.length > 0) {
    await models.deliveryAttempts.bulkWrite(
      gapRows.map(({ _id, ...fields }) => ({ updateOne: { filter: { _id }, update: { $set: fields }, upsert: true } })),
      { ordered: false },
    );
  }

  job.startAt(next);
  log.info({ job: record._id, inFlight: gapRows.length, retriesRecovered: stale.length, waiting: job.retries.length, next, ...counts }, "delivery job resumed");
  return job;
}
