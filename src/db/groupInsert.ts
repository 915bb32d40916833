// Group commit for inserts on a unique _id: the writes of concurrent updates share round trips.

import type { Model } from "mongoose";
import { isDuplicateKeyError, writeErrorsOf } from "./duplicateKeys.js";

/** What became of one document: stored, or refused because its `_id` was taken already. */
export type GroupInsertOutcome = "inserted" | "duplicate";

export interface GroupInsert<T> {
  insert(doc: T): Promise<GroupInsertOutcome>;
}

interface Waiting<T> {
  doc: T;
  done(outcome: GroupInsertOutcome): void;
  fail(error: unknown): void;
}

/** Documents per insertMany at most. */
const MAX_BATCH = 200;

/**
 * Inserts documents from concurrent callers together. Alone, a document is sent at once; while one
 * insertMany is out, the documents that arrive wait for it and go in the next one. Under load every
 * update claims and completes in the same round trips as the updates beside it (bench:updates: the
 * database commands per update). Unordered, so a taken `_id` refuses only its own document: that
 * caller learns "duplicate", the others "inserted". Any other failure (the database away) fails
 * every caller of that batch, as their own insert would have.
 */
export function createGroupInsert<T>(model: Model<T>): GroupInsert<T> {
  let waiting: Waiting<T>[] = [];
  let sending = false;

  async function send(): Promise<void> {
    sending = true;
    try {
      while (waiting.length > 0) {
        const batch = waiting.slice(0, MAX_BATCH);
        waiting = waiting.slice(batch.length);
        try {
          await model.collection.insertMany(
            batch.map((w) => w.doc as never),
            { ordered: false },
          );
          for (const w of batch) w.done("inserted");
        } catch (error) {
          if (!isDuplicateKeyError(error)) {
            for (const w of batch) w.fail(error);
            continue;
          }
          const refused = new Set(writeErrorsOf(error).map((w) => w.index));
          // A lone document's refusal is its own, whatever index the error names (or none).
          const lone = batch.length === 1;
          batch.forEach((w, i) => w.done(lone || refused.has(i) ? "duplicate" : "inserted"));
        }
      }
    } finally {
      sending = false;
    }
  }

  return {
    insert(doc) {
      return new Promise<GroupInsertOutcome>((resolve, reject) => {
        waiting.push({ doc, done: resolve, fail: reject });
        if (!sending) void send();
      });
    },
  };
}
