import type { Clock } from "../clock.js";
import { isDuplicateKeyError } from "./duplicateKeys.js";
import type { Models } from "./models/index.js";

export interface Leases {
  /** Takes the named lease for ttlMs if it is free, expired or already ours. */
  acquire(name: string, holder: string, ttlMs: number): Promise<boolean>;
  release(name: string, holder: string): Promise<void>;
  /** Who holds the named lease now (null when nobody does), whether or not it has run out. */
  holderOf(name: string): Promise<string | null>;
  /**
   * Takes the named lease from `from` (a holder the caller has proved dead) before it runs out: one
   * conditional update, so it fails when anyone else has taken or renewed it meanwhile.
   */
  takeOver(name: string, from: string, holder: string, ttlMs: number): Promise<boolean>;
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
    async holderOf(name) {
      const lease = await models.leases.findById(name, { holder: 1 }).lean().exec();
      return lease?.holder ?? null;
    },
    async takeOver(name, from, holder, ttlMs) {
      const until = new Date(clock.now().getTime() + ttlMs);
      const taken = await models.leases.findOneAndUpdate({ _id: name, holder: from }, { $set: { holder, until } }, { returnDocument: "after" }).exec();
      return taken?.holder === holder;
    },
  };
}
