import { Types } from "mongoose";
import { deliveryId } from "../db/models/delivery.js";
import type { Models } from "../db/models/index.js";
import { ERASED_USER, erasedRecipient, isErasedUser } from "../domain/personalData.js";
import type { UserRef } from "../security/fieldCipher.js";

/**
 * Takes one person out of the outbox: their outcome rows, their waiting retries and their place in
 * recipient lists. A job that concerned nobody else goes entirely (its text, list and cursor);
 * in a job others received, the person becomes an anonymous `erased:<random>` that keeps the
 * job's figures and list positions right (the worker skips such a recipient, see deliveryWorker),
 * and a finished job loses its text at once rather than after the retention period.
 *
 * @param jobIds only these jobs (e.g. the status news of one case); all jobs when absent
 */
export async function eraseFromOutbox(models: Models, userRef: UserRef, jobIds?: readonly string[]): Promise<void> {
  if (jobIds && jobIds.length === 0) return;
  const scope = jobIds ? { jobId: { $in: [...jobIds] } } : {};
  const touched = new Set<string>();
  const anonymous = () => erasedRecipient(new Types.ObjectId().toHexString());

  const outcomes = await models.deliveries.find({ userId: userRef, ...scope }).lean().exec();
  for (const outcome of outcomes) {
    touched.add(outcome.jobId);
    const stand = anonymous();
    await models.deliveries.collection.insertOne({ ...outcome, _id: deliveryId(outcome.jobId, stand), userId: stand } as never);
    await models.deliveries.deleteOne({ _id: outcome._id }).exec();
  }

  const attempts = await models.deliveryAttempts.find({ userId: userRef, ...scope }, { jobId: 1 }).lean().exec();
  for (const attempt of attempts) touched.add(attempt.jobId);
  await models.deliveryAttempts.deleteMany({ userId: userRef, ...scope }).exec();

  const chunks = await models.deliveryRecipients.find({ $or: [{ userIds: userRef }, { skippedUserIds: userRef }], ...scope }).lean().exec();
  for (const chunk of chunks) {
    touched.add(chunk.jobId);
    // Arrays are replaced whole: FerretDB lacks the positional update operators.
    await models.deliveryRecipients
      .updateOne(
        { _id: chunk._id },
        { $set: { userIds: chunk.userIds.map((id) => (id === userRef ? anonymous() : id)), skippedUserIds: chunk.skippedUserIds.filter((id) => id !== userRef) } },
      )
      .exec();
  }

  // A withdrawal's "skip them" note is not needed once they left the lists (and would name them).
  const noted = await models.deliveryJobs.collection
    .find({ withdrawnRecipients: userRef, ...(jobIds ? { _id: { $in: [...jobIds] } } : {}) } as never, { projection: { withdrawnRecipients: 1 } })
    .toArray();
  for (const job of noted) {
    const left = ((job as { withdrawnRecipients?: string[] }).withdrawnRecipients ?? []).filter((id) => id !== userRef);
    await models.deliveryJobs.collection.updateOne({ _id: job._id }, { $set: { withdrawnRecipients: left } });
  }

  for (const jobId of touched) {
    if (await concernsSomeoneElse(models, jobId)) {
      // Sent to others too: a finished job's text (it may quote what they told us) is not needed any more.
      await models.deliveryJobs.collection.updateOne({ _id: jobId, finishedAt: { $ne: null } } as never, { $set: { contentByLocale: null } });
      continue;
    }
    await Promise.all([
      models.deliveryJobs.deleteOne({ _id: jobId }).exec(),
      models.deliveryCursors.deleteOne({ _id: jobId }).exec(),
      models.deliveryRecipients.deleteMany({ jobId }).exec(),
      models.deliveries.deleteMany({ jobId }).exec(),
      models.deliveryAttempts.deleteMany({ jobId }).exec(),
    ]);
  }

  // Jobs they started (a volunteer's news): the job stays for the others it reached, without its sender.
  if (!jobIds) {
    await models.deliveryJobs.updateMany({ createdBy: userRef }, { $set: { createdBy: ERASED_USER } }).exec();
    await models.deliveryJobs.updateMany({ "progressChat.userRef": userRef }, { $set: { progressChat: null } }).exec();
  }
}

/** Deletes whole jobs (the status news of a case nobody follows any more). */
export async function deleteOutboxJobs(models: Models, jobIds: readonly string[]): Promise<void> {
  if (jobIds.length === 0) return;
  const ids = [...jobIds];
  await Promise.all([
    models.deliveryJobs.deleteMany({ _id: { $in: ids } }).exec(),
    models.deliveryCursors.deleteMany({ _id: { $in: ids } }).exec(),
    models.deliveryRecipients.deleteMany({ jobId: { $in: ids } }).exec(),
    models.deliveries.deleteMany({ jobId: { $in: ids } }).exec(),
    models.deliveryAttempts.deleteMany({ jobId: { $in: ids } }).exec(),
  ]);
}

async function concernsSomeoneElse(models: Models, jobId: string): Promise<boolean> {
  // Read until the first real recipient (usually the first row), not a whole broadcast's outcomes.
  for await (const outcome of models.deliveries.find({ jobId }, { userId: 1 }).lean().cursor()) {
    if (!isErasedUser(outcome.userId)) return true;
  }
  if ((await models.deliveryAttempts.countDocuments({ jobId }).exec()) > 0) return true;
  const chunks = await models.deliveryRecipients.find({ jobId }, { userIds: 1, skippedUserIds: 1 }).lean().exec();
  return chunks.some((c) => [...c.userIds, ...c.skippedUserIds].some((id) => !isErasedUser(id)));
}
