import type { Clock } from "../clock.js";
import type { Models } from "../db/models/index.js";
import type { DeliveryJobRecord } from "../db/models/deliveryJob.js";
import { recipientsChunkId } from "../db/models/deliveryRecipients.js";
import type { Logger } from "../logger.js";
import { ActiveJob } from "./activeJob.js";

/**
 * Loads a job for dispatching. A job that was never dispatched starts at its first recipient.
 * One that was (the dispatcher crashed, was stopped, or lost its lease) is recovered:
 * - `sending` attempt rows belong to the dead dispatcher: if their outcome was recorded they go,
 *   else they are due again now (a message in flight at the crash may arrive twice — at most
 *   `concurrency` of them);
 * - `pending` rows wait for their retry as before;
 * - the cursor continues after the highest recipient position that has a row or an outcome:
 *   positions are marked in order, so everything before it was taken.
 */
export async function openJob(models: Models, record: DeliveryJobRecord, deps: { clock: Clock; log: Logger }): Promise<ActiveJob> {
  const { clock, log } = deps;
  const job = new ActiveJob(record);
  if (record.chunkCount === 0) {
    job.counts.skipped = record.skippedAtEnqueue;
    job.startAt(0);
    return job;
  }
  const firstId = recipientsChunkId(record._id, 0);
  const first = await models.deliveryRecipients.findById(firstId).lean().exec();
  if (first && !first.dispatchStartedAt) {
    // Durable before the first mark: after a restart this job is recovered, never started over.
    await models.deliveryRecipients.updateOne({ _id: firstId }, { $set: { dispatchStartedAt: clock.now() } }).exec();
    job.counts.skipped = record.skippedAtEnqueue;
    job.startAt(0);
    job.chunkToLoad();
    job.setChunk(0, first);
    return job;
  }

  const now = clock.now();
  let maxSeq = -1;
  const rows = await models.deliveryAttempts.find({ jobId: record._id }).lean().exec();
  const rowIds = new Set(rows.map((row) => row._id));
  const finishedRows: string[] = [];
  const counts = { sent: 0, failed: 0, skipped: 0 };
  for await (const outcome of models.deliveries.find({ jobId: record._id }, { state: 1, seq: 1 }).lean().cursor({ batchSize: 2000 })) {
    counts[outcome.state] += 1;
    if (outcome.seq !== null && outcome.seq !== undefined) maxSeq = Math.max(maxSeq, outcome.seq);
    if (rowIds.has(outcome._id)) finishedRows.push(outcome._id);
  }
  // Rows whose outcome is recorded are leftovers (they are removed lazily); the others are recovered.
  if (finishedRows.length > 0) await models.deliveryAttempts.deleteMany({ _id: { $in: finishedRows } }).exec();
  const finished = new Set(finishedRows);
  const stale = rows.filter((row) => row.state === "sending" && !finished.has(row._id)).map((row) => row._id);
  if (stale.length > 0) {
    await models.deliveryAttempts.updateMany({ _id: { $in: stale } }, { $set: { state: "pending", leaseUntil: null, holder: null, nextAttemptAt: now } }).exec();
  }
  for (const row of rows) {
    maxSeq = Math.max(maxSeq, row.seq);
    if (finished.has(row._id)) continue;
    const dueAt = row.state === "sending" ? now.getTime() : row.nextAttemptAt.getTime();
    job.retries.push({ id: row._id, userId: row.userId, seq: row.seq, locale: row.locale, attempts: row.attempts, dueAt, hasRow: true });
  }
  const recovered = stale.length;

  job.counts = counts;
  job.startAt(maxSeq + 1);
  log.info({ job: record._id, recovered, waiting: job.retries.length, next: maxSeq + 1, ...counts }, "delivery job resumed");
  return job;
}
