import type { Clock } from "../clock.js";
import type { Models } from "../db/models/index.js";

/** How long a claim may stay "processing" before we assume its process died and handle it again. */
const STALE_CLAIM_MS = 2 * 60_000;

export interface UpdateClaims {
  /** True when this process should handle the update; false for a duplicate. */
  claim(updateId: number): Promise<boolean>;
  complete(updateId: number): Promise<void>;
  /** Releases a claim so a retried delivery is handled again (used when the database went away mid-update). */
  release(updateId: number): Promise<void>;
  purgeOlderThan(cutoff: Date): Promise<number>;
}

export function createUpdateClaims(models: Models, clock: Clock): UpdateClaims {
  return {
    async claim(updateId) {
      const now = clock.now();
      try {
        await models.processedUpdates.create({ _id: updateId, state: "processing", claimedAt: now });
        return true;
      } catch (error) {
        if ((error as { code?: number }).code !== 11000) throw error;
      }
      // Seen before: take it over only if the earlier claim is stale (its process crashed mid-update).
      const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS);
      const takeover = await models.processedUpdates
        .findOneAndUpdate(
          { _id: updateId, state: "processing", claimedAt: { $lt: staleBefore } },
          { $set: { claimedAt: now } },
          { returnDocument: "after" },
        )
        .exec();
      return takeover !== null;
    },
    async complete(updateId) {
      await models.processedUpdates.updateOne({ _id: updateId }, { $set: { state: "done", doneAt: clock.now() } }).exec();
    },
    async release(updateId) {
      await models.processedUpdates.deleteOne({ _id: updateId, state: "processing" }).exec();
    },
    async purgeOlderThan(cutoff) {
      const result = await models.processedUpdates.deleteMany({ claimedAt: { $lt: cutoff } }).exec();
      return result.deletedCount ?? 0;
    },
  };
}
