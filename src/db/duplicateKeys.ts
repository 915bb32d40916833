// A write refused by a unique index (MongoDB error 11000): how every idempotent write recognises "already there".

import type { Model } from "mongoose";

const DUPLICATE_KEY = 11000;

interface WriteErrorLike {
  code?: number;
  index?: number;
}

export function writeErrorsOf(error: unknown): WriteErrorLike[] {
  const list = (error as { writeErrors?: WriteErrorLike[] | WriteErrorLike }).writeErrors;
  return Array.isArray(list) ? list : list ? [list] : [];
}

/**
 * True when a write failed only because the document (or, for a bulk write, every refused
 * document) existed already under a unique index.
 */
export function isDuplicateKeyError(error: unknown): boolean {
  const writeErrors = writeErrorsOf(error);
  if (writeErrors.length > 0) return writeErrors.every((w) => w.code === DUPLICATE_KEY);
  return (error as { code?: number }).code === DUPLICATE_KEY;
}

/** Inserts what is new and ignores what exists (unique indexes make repeated writes harmless). */
export async function insertIgnoringDuplicates<T>(model: Model<T>, docs: readonly T[]): Promise<void> {
  if (docs.length === 0) return;
  try {
    await model.collection.insertMany(docs as never[], { ordered: false });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}
