// Cases stored before a change of the name keys get them recomputed, a batch at a time.

import type { Types } from "mongoose";
import type { Models } from "../../db/models/index.js";
import type { FieldCipher } from "../../security/fieldCipher.js";
import { APP_META_COLLECTION } from "../../security/keyCheck.js";
import { nameTokensOfStored } from "./caseRecordMapping.js";

/**
 * The version of the name keys a case stores (caseRecordMapping nameTokensOf). 2: the duplicate
 * search's keys (a word joined to another word's first letter) beside /find's.
 */
export const NAME_KEYS_VERSION = 2;
const NAME_KEYS_ID = "case-name-keys";
/** Cases read and rewritten per run. */
const BATCH = 500;

interface NameKeysProgress {
  _id: string;
  /** Every case up to this `_id` has its keys at `version` (while `version` is not reached yet). */
  after?: Types.ObjectId;
  version?: number;
}

export interface NameKeysUpgrade {
  /** Recomputes the next batch; nothing once every case has the current keys. */
  runBatch(): Promise<{ rewritten: number; done: boolean }>;
}

/**
 * Until it is done, each run recomputes the name keys of the next cases in `_id` order from their
 * encrypted names, and remembers where it stopped (`app_meta`); then it marks the version
 * reached and every later run is one read. A case edited meanwhile keeps what its edit wrote (the
 * rewrite only applies while `updatedAt` is unchanged); cases saved by this code have the keys
 * already. Until a case is reached, a new registration of the same person may not be shown as its
 * probable duplicate: the duplicate search looks up the new keys only.
 */
export function createNameKeysUpgrade({ models, cipher }: { models: Pick<Models, "cases" | "casesToRead">; cipher: FieldCipher }): NameKeysUpgrade {
  const progress = () => models.cases.db.collection<NameKeysProgress>(APP_META_COLLECTION);
  return {
    async runBatch() {
      const found = await progress().findOne({ _id: NAME_KEYS_ID });
      if (found?.version === NAME_KEYS_VERSION) return { rewritten: 0, done: true };
      // Read over the reads' lane: the cases' one connection carries every registration's save.
      const batch = await models.casesToRead
        .find(found?.after ? { _id: { $gt: found.after } } : {}, { _id: 1, relative: 1, updatedAt: 1, erasedAt: 1 })
        .sort({ _id: 1 })
        .limit(BATCH)
        .lean()
        .exec();
      // One write per case, not one bulkWrite: on FerretDB (SQLite), with a bulkWrite of the batch the
      // local mode's demo seeding did not finish in 150 s, the bot nearly idle (tests/e2e/local-mode
      // timed out twice; ~80 s with these writes). Why, we did not find; alone, the bulkWrite works.
      let rewritten = 0;
      for (const stored of batch) {
        if (stored.erasedAt || !stored.relative?.fullNameEnc) continue;
        const result = await models.cases.updateOne({ _id: stored._id, updatedAt: stored.updatedAt }, { $set: { nameTokens: nameTokensOfStored(stored.relative, cipher) } }).exec();
        rewritten += result.modifiedCount;
      }
      const done = batch.length < BATCH;
      const next = done ? { version: NAME_KEYS_VERSION } : { after: batch.at(-1)!._id };
      await progress().updateOne({ _id: NAME_KEYS_ID }, { $set: next }, { upsert: true });
      return { rewritten, done };
    },
  };
}
