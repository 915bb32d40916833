import { isDuplicateKeyError } from "../db/duplicateKeys.js";
import { ENCRYPTED_VALUE_PATTERN, USER_REF_PATTERN, type FieldCipher } from "./fieldCipher.js";
import { forEachString, listDataCollections, type Database } from "./storedValues.js";

/**
 * The key check value: at first start the app stores a known text encrypted with its key; every
 * later start decrypts it before anything else touches the database, so a wrong
 * DATA_ENCRYPTION_KEY stops the bot instead of writing values nobody can read next to old ones.
 */
export const APP_META_COLLECTION = "app_meta";
export const KEY_CHECK_ID = "encryption-key";
const KEY_CHECK_TEXT = "family-reach key check";
/** Documents per collection looked at when a database without a check value already holds data. */
const SAMPLE_PER_COLLECTION = 50;

interface KeyCheckDocument {
  _id: string;
  /** Id (fingerprint) of the key the check value is written with. */
  keyId: string;
  check: string;
  writtenAt: Date;
}

export type EncryptionKeyProblem = "wrong-key" | "rotation-pending";

/** The configured key cannot be used with this database. main.ts turns it into exit code 2. */
export class EncryptionKeyError extends Error {
  constructor(
    readonly problem: EncryptionKeyProblem,
    /** Id of the key the database was written with ("v1" for values from before key ids). */
    readonly storedKeyId: string,
    readonly configuredKeyId: string,
  ) {
    super(
      problem === "wrong-key"
        ? `DATA_ENCRYPTION_KEY (key id ${configuredKeyId}) does not match the key this database was written with (key id ${storedKeyId}). ` +
            `Set the right key; or, to change keys, put the new key in DATA_ENCRYPTION_KEY, the old one in DATA_ENCRYPTION_OLD_KEYS and run npm run rotate-key.`
        : `This database is still encrypted with an older key (key id ${storedKeyId}) than DATA_ENCRYPTION_KEY (key id ${configuredKeyId}). ` +
            `With the bot stopped, run npm run rotate-key (DATA_ENCRYPTION_OLD_KEYS holding the old key), then start the bot.`,
    );
    this.name = "EncryptionKeyError";
  }
}

export interface KeyCheckOptions {
  now: Date;
  /**
   * "current-key" (the bot): the check value must be written with DATA_ENCRYPTION_KEY itself. The
   * bot looks users and names up by keyed hashes of the current key, so it must not run on data
   * an older key still holds: it would not find returning families.
   * "any-key-of-ring" (the rotation command): an older key of DATA_ENCRYPTION_OLD_KEYS will do.
   */
  accept: "current-key" | "any-key-of-ring";
}

export interface KeyCheckResult {
  /** Key id the database is written with (after this call). */
  storedKeyId: string;
  /** True when this call stored the check value (first start). */
  created: boolean;
}

/** Verifies the configured key against the database; stores the check value on first start. */
export async function verifyEncryptionKey(db: Database, cipher: FieldCipher, options: KeyCheckOptions): Promise<KeyCheckResult> {
  const meta = db.collection<KeyCheckDocument>(APP_META_COLLECTION);
  const stored = await meta.findOne({ _id: KEY_CHECK_ID });
  if (stored) {
    if (!decryptsToCheckText(cipher, stored.check)) throw new EncryptionKeyError("wrong-key", stored.keyId, cipher.keyId);
    if (options.accept === "current-key" && cipher.isStale(stored.check)) throw new EncryptionKeyError("rotation-pending", stored.keyId, cipher.keyId);
    return { storedKeyId: stored.keyId, created: false };
  }

  // No check value: a new database, or one from before check values. Look at what it holds.
  const found = await sampleStoredKeys(db, cipher);
  if (found.unreadable) throw new EncryptionKeyError("wrong-key", found.unreadable, cipher.keyId);
  if (found.stale) {
    if (options.accept === "current-key") throw new EncryptionKeyError("rotation-pending", found.stale, cipher.keyId);
    return { storedKeyId: found.stale, created: false }; // the rotation writes the check value when done
  }
  try {
    await meta.insertOne(checkDocument(cipher, options.now));
  } catch (error) {
    // Another process stored it first: verify against theirs.
    if (isDuplicateKeyError(error)) return verifyEncryptionKey(db, cipher, options);
    throw error;
  }
  return { storedKeyId: cipher.keyId, created: true };
}

/** Stores (or replaces) the check value under the current key: the end of a rotation. */
export async function writeKeyCheck(db: Database, cipher: FieldCipher, now: Date): Promise<void> {
  const { _id, ...fields } = checkDocument(cipher, now);
  await db.collection<KeyCheckDocument>(APP_META_COLLECTION).replaceOne({ _id }, fields, { upsert: true });
}

function checkDocument(cipher: FieldCipher, now: Date): KeyCheckDocument {
  return { _id: KEY_CHECK_ID, keyId: cipher.keyId, check: cipher.encrypt(KEY_CHECK_TEXT), writtenAt: now };
}

function decryptsToCheckText(cipher: FieldCipher, check: string): boolean {
  try {
    return cipher.decrypt(check) === KEY_CHECK_TEXT;
  } catch {
    return false;
  }
}

/** Key id of a ciphertext or user reference ("v1" for values from before key ids). */
function keyIdIn(value: string): string {
  const parts = value.split(":");
  return parts.length === 3 ? parts[1]! : parts[0]!;
}

/**
 * Looks at the first documents of every collection for encrypted values and user references:
 * the key id of one no key of the ring reads, and of one an older key wrote.
 */
async function sampleStoredKeys(db: Database, cipher: FieldCipher): Promise<{ unreadable?: string; stale?: string }> {
  const result: { unreadable?: string; stale?: string } = {};
  for (const name of await listDataCollections(db)) {
    if (name === APP_META_COLLECTION) continue;
    const documents = await db.collection(name).find({}).limit(SAMPLE_PER_COLLECTION).toArray();
    forEachString(documents, (text) => {
      if (result.unreadable) return;
      const encrypted = ENCRYPTED_VALUE_PATTERN.test(text);
      if (!encrypted && !USER_REF_PATTERN.test(text)) return;
      try {
        if (encrypted) cipher.decrypt(text);
        else cipher.telegramIdOf(text);
      } catch {
        result.unreadable = keyIdIn(text);
        return;
      }
      // A v1 value (from before key ids) that a key of the ring reads is fine: nothing looks it up.
      if (cipher.isStale(text) && !text.startsWith("v1:")) result.stale ??= keyIdIn(text);
    });
    if (result.unreadable) return result;
  }
  return result;
}
