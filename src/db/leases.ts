import type { Clock } from "../clock.js";
import { isDuplicateKeyError } from "./duplicateKeys.js";
import type { Models } from "./models/index.js";

export interface Leases {
  /** Takes the named lease for ttlMs if it is free, expired or already ours. */
  acquire(name: string, holder: string, ttlMs: number): Promise<boolean>;
  release(name: string, holder: string): Promise<void>;
}

export function createLeases(models: Models, clock: Clock): Leases {
  return {
    async acquire(name, holder, ttlMs) {
      const now = clock.now();
      const until = new Date(now.getTime() + ttlMs);
      try {
        const taken = await models.leases
          .findOneAndUpdate(
            { _id: name, $or: [{ until: { $lt: now } }, { holder }] },
            { $set: { holder, until } },
            { upsert: true, returnDocument: "after" },
          )
          .exec();
        return taken?.holder === holder;
      } catch (error) {
        // The upsert raced with a live lease held by someone else.
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    },
    async release(name, holder) {
      await models.leases.deleteOne({ _id: name, holder }).exec();
    },
  };
}
