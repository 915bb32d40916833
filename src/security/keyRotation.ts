import { isDuplicateKeyError } from "../db/duplicateKeys.js";
import { nameTokensOfStored } from "../services/cases/caseRecordMapping.js";
import { ENCRYPTED_VALUE_PATTERN, type FieldCipher } from "./fieldCipher.js";
import { APP_META_COLLECTION, KEY_CHECK_ID, verifyEncryptionKey, writeKeyCheck } from "./keyCheck.js";
import { listDataCollections, rewriteStrings, type Database, type StoredDocument } from "./storedValues.js";

/**
 * Re-keys a whole database to the cipher's current key (`npm run rotate-key`, bot stopped): every
 * collection the database lists, every document, every string at any depth. Encrypted values are
 * decrypted with the key ring and encrypted again; user pseudonyms — whole strings or embedded, as
 * in a conversation key `conv:<ref>` — are decoded and issued again; a document whose `_id` is a
 * pseudonym is inserted under the new `_id`, then the old one deleted. Keyed hashes cannot be
 * re-keyed from the hash, so they are recomputed from the decrypted values (`recomputed` below).
 * The key check value is rewritten last, so until the rotation finished the bot refuses to start
 * with the new key alone, and re-running it is harmless.
 */

/** A pseudonym anywhere inside a string (USER_REF_PATTERN without its anchors). */
const EMBEDDED_USER_REF = /(?<![A-Za-z0-9_-])tg:[A-Za-z0-9_-]{8}:[A-Za-z0-9_-]{22}(?![A-Za-z0-9_-])/g;
/** Documents fetched per round trip. */
const PAGE_SIZE = 200;

/** Fields derived with a keyed hash, per collection: recomputed from the (re-keyed) document. */
const recomputed: Record<string, (document: StoredDocument, cipher: FieldCipher) => Record<string, unknown>> = {
  cases: (document, cipher) =>
    "nameTokens" in document ? { nameTokens: nameTokensOfStored(document.relative as { fullNameEnc?: string; otherNamesEnc?: string } | undefined, cipher) } : {},
};

export interface CollectionRotation {
  collection: string;
  documents: number;
  /** Documents written back (in place or under a new `_id`). */
  rewritten: number;
  encryptedValues: number;
  userRefs: number;
  /** Documents whose `_id` was a pseudonym: inserted under the new one, the old one deleted. */
  movedIds: number;
  /** Documents whose keyed hashes (e.g. name search tokens) were recomputed. */
  searchTokens: number;
  /** Values no key of the ring reads: left as they are. */
  unreadable: number;
  /** Documents that could not be written (a unique index already holds the re-keyed value). */
  conflicts: number;
}

export interface RotationReport {
  keyId: string;
  collections: CollectionRotation[];
  /** True when the key check value now says the current key (false if any document conflicted). */
  finished: boolean;
}

export interface RotationOptions {
  now: Date;
  onCollection?: (result: CollectionRotation) => void;
}

/** Thrown when a bot process still holds a live lease: the rotation needs the bot stopped. */
export class BotStillRunningError extends Error {
  constructor(readonly until: Date) {
    super(
      `A bot process seems to be running: it holds a lease in the database until ${until.toISOString()} (a running bot renews it; ` +
        `one left by a crashed process lapses then). Stop the bot, then run npm run rotate-key again.`,
    );
    this.name = "BotStillRunningError";
  }
}

export async function rotateDatabaseKey(db: Database, cipher: FieldCipher, options: RotationOptions): Promise<RotationReport> {
  // The ring must read the database (the check value, or a sample of values) before anything is written.
  const check = await verifyEncryptionKey(db, cipher, { now: options.now, accept: "any-key-of-ring" });
  const live = await db.collection<{ _id: string; until: Date }>("leases").findOne({ until: { $gte: options.now } });
  if (live) throw new BotStillRunningError(live.until);

  const collections: CollectionRotation[] = [];
  for (const name of await listDataCollections(db)) {
    const result = await rotateCollection(db, name, cipher);
    collections.push(result);
    options.onCollection?.(result);
  }
  const finished = collections.every((c) => c.conflicts === 0);
  if (finished && check.storedKeyId !== cipher.keyId) await writeKeyCheck(db, cipher, options.now);
  return { keyId: cipher.keyId, collections, finished };
}

async function rotateCollection(db: Database, name: string, cipher: FieldCipher): Promise<CollectionRotation> {
  const collection = db.collection<StoredDocument>(name);
  const result: CollectionRotation = { collection: name, documents: 0, rewritten: 0, encryptedValues: 0, userRefs: 0, movedIds: 0, searchTokens: 0, unreadable: 0, conflicts: 0 };
  // Ids first, then pages by id: documents inserted under new ids meanwhile are not walked again.
  const ids = (await collection.find({}, { projection: { _id: 1 } }).toArray()).map((d) => d._id);
  for (let start = 0; start < ids.length; start += PAGE_SIZE) {
    const page = await collection.find({ _id: { $in: ids.slice(start, start + PAGE_SIZE) } } as never).toArray();
    for (const document of page as StoredDocument[]) {
      if (name === APP_META_COLLECTION && document._id === KEY_CHECK_ID) continue; // rewritten last
      result.documents++;
      let next = rewriteStrings(document, (text) => rekeyString(text, cipher, result));
      const derived = recomputed[name]?.(next, cipher) ?? {};
      const changedDerived = Object.entries(derived).filter(([field, value]) => JSON.stringify(next[field]) !== JSON.stringify(value));
      if (changedDerived.length > 0) {
        next = { ...next, ...Object.fromEntries(changedDerived) };
        result.searchTokens++;
      }
      if (next === document) continue;
      if (await writeBack(collection, document, next, result)) result.rewritten++;
    }
  }
  return result;
}

type Collection = ReturnType<Database["collection"]>;

async function writeBack(collection: Collection, before: StoredDocument, after: StoredDocument, result: CollectionRotation): Promise<boolean> {
  try {
    if (after._id === before._id) {
      await collection.replaceOne({ _id: before._id } as never, after);
      return true;
    }
    // No transactions: insert the re-keyed document first, then delete the old one. A run that
    // stopped in between finds the new one already there and only deletes.
    const already = await collection.findOne({ _id: after._id } as never, { projection: { _id: 1 } });
    if (!already) await collection.insertOne(after as never);
    await collection.deleteOne({ _id: before._id } as never);
    result.movedIds++;
    return true;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    result.conflicts++;
    return false;
  }
}

function rekeyString(text: string, cipher: FieldCipher, result: CollectionRotation): string {
  if (ENCRYPTED_VALUE_PATTERN.test(text)) return rekeyValue(text, cipher, result, "encryptedValues", (value) => cipher.encrypt(cipher.decrypt(value)));
  if (!text.includes("tg:")) return text;
  return text.replace(EMBEDDED_USER_REF, (ref) => rekeyValue(ref, cipher, result, "userRefs", (value) => cipher.userRef(cipher.telegramIdOf(value))));
}

/** One stale value rewritten under the current key and counted; one no key reads is left and counted as unreadable. */
function rekeyValue(value: string, cipher: FieldCipher, result: CollectionRotation, counter: "encryptedValues" | "userRefs", rewrite: (value: string) => string): string {
  if (!cipher.isStale(value)) return value;
  try {
    const rewritten = rewrite(value);
    result[counter]++;
    return rewritten;
  } catch {
    result.unreadable++;
    return value;
  }
}
