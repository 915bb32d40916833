import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

/**
 * Encrypts free-text and contact fields at rest (AES-256-GCM), derives keyed hashes for the name
 * search keys, and turns Telegram user ids into pseudonyms, so a copy of the database alone
 * reveals neither names, their phonetic keys, nor which Telegram accounts use the bot.
 *
 * Keys form a ring: the current key writes, older keys (DATA_ENCRYPTION_OLD_KEYS) still read.
 * Every ciphertext and pseudonym carries the id of the key that wrote it (a short fingerprint of
 * the key, never the key), so `npm run rotate-key` can find and rewrite what an old key wrote.
 */
export interface FieldCipher {
  /** Fingerprint of the key that writes. */
  readonly keyId: string;
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  encryptOptional(plain: string | undefined | null): string | undefined;
  decryptOptional(stored: string | undefined | null): string | undefined;
  /** A stable keyed hash (HMAC-SHA256, truncated) for equality search, under the current key. */
  searchToken(value: string): string;
  /**
   * The pseudonym stored wherever a Telegram user id would be: deterministic under one key (so it
   * is an equality lookup key and unique indexes hold), reversible only with the key (so the
   * outbox can still send). See `userRef` below.
   */
  userRef(telegramId: number): UserRef;
  /** The Telegram user id (= private chat id) behind a pseudonym written under any key of the ring. */
  telegramIdOf(ref: UserRef): number;
  /** True when `stored` was written by another key than the current one (rotation rewrites it). */
  isStale(stored: string): boolean;
}

/** A pseudonymous user reference: `tg:<keyId>:<22 base64url chars>`. */
export type UserRef = string;

const ENCRYPTED_V1 = "v1";
const ENCRYPTED_V2 = "v2";
const USER_REF_PREFIX = "tg";
/** Marks a decrypted identity block as ours (the last 8 bytes of the 16-byte block). */
const IDENTITY_MAGIC = Buffer.from("FRB-uid1", "ascii");

export const ENCRYPTED_VALUE_PATTERN = /^v[12]:/;
export const USER_REF_PATTERN = /^tg:[A-Za-z0-9_-]{8}:[A-Za-z0-9_-]{22}$/;

export function parseEncryptionKey(raw: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, "hex") : Buffer.from(raw, "base64");
  if (key.length !== 32) throw new Error("DATA_ENCRYPTION_KEY must be 32 bytes");
  return key;
}

interface KeyMaterial {
  id: string;
  encryption: Buffer;
  search: Buffer;
  identity: Buffer;
}

function deriveKey(key: Buffer): KeyMaterial {
  if (key.length !== 32) throw new Error("field cipher needs a 32-byte key");
  const sub = (label: string) => createHmac("sha256", key).update(label).digest();
  return {
    id: sub("key-id").toString("base64url").slice(0, 8),
    encryption: sub("field-encryption"),
    search: sub("search-token"),
    identity: sub("user-identity"),
  };
}

/** Fingerprint of a key as it appears in ciphertexts (for messages and the rotation command). */
export function keyIdOf(key: Buffer): string {
  return deriveKey(key).id;
}

/**
 * @param current the key that writes
 * @param older keys that may still be read (after a rotation, until `npm run rotate-key` ran)
 */
export function createFieldCipher(current: Buffer, older: Buffer[] = []): FieldCipher {
  const writer = deriveKey(current);
  const ring = new Map<string, KeyMaterial>([[writer.id, writer]]);
  for (const key of older) {
    const material = deriveKey(key);
    if (!ring.has(material.id)) ring.set(material.id, material);
  }

  const materialFor = (keyId: string): KeyMaterial => {
    const material = ring.get(keyId);
    if (!material) throw new Error(`value written with an unknown key (${keyId})`);
    return material;
  };

  const decryptWith = (material: KeyMaterial, payload: string): string => {
    const raw = Buffer.from(payload, "base64");
    const aes = createDecipheriv("aes-256-gcm", material.encryption, raw.subarray(0, 12));
    aes.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([aes.update(raw.subarray(28)), aes.final()]).toString("utf8");
  };

  const cipher: FieldCipher = {
    keyId: writer.id,
    encrypt(plain) {
      const iv = randomBytes(12);
      const aes = createCipheriv("aes-256-gcm", writer.encryption, iv);
      const body = Buffer.concat([aes.update(plain, "utf8"), aes.final()]);
      return `${ENCRYPTED_V2}:${writer.id}:${Buffer.concat([iv, aes.getAuthTag(), body]).toString("base64")}`;
    },
    decrypt(stored) {
      const parts = stored.split(":");
      if (parts[0] === ENCRYPTED_V2 && parts.length === 3) return decryptWith(materialFor(parts[1]!), parts[2]!);
      if (parts[0] === ENCRYPTED_V1 && parts.length === 2) {
        // v1 values (before key ids) were all written by one key: try the ring.
        for (const material of ring.values()) {
          try {
            return decryptWith(material, parts[1]!);
          } catch {
            // next key
          }
        }
        throw new Error("no key of the ring decrypts this value");
      }
      throw new Error("unknown encrypted field format");
    },
    encryptOptional(plain) {
      return plain === undefined || plain === null || plain === "" ? undefined : cipher.encrypt(plain);
    },
    decryptOptional(stored) {
      return stored ? cipher.decrypt(stored) : undefined;
    },
    searchToken(value) {
      return createHmac("sha256", writer.search).update(value).digest("base64url").slice(0, 22);
    },
    userRef(telegramId) {
      if (!Number.isSafeInteger(telegramId)) throw new Error("a Telegram id is an integer");
      // One AES block (a keyed pseudorandom permutation): the id in the first 8 bytes, a fixed
      // marker in the last 8, so decoding can tell a genuine reference from a forged one.
      const block = Buffer.alloc(16);
      block.writeBigInt64BE(BigInt(telegramId), 0);
      IDENTITY_MAGIC.copy(block, 8);
      const aes = createCipheriv("aes-256-ecb", writer.identity, null);
      aes.setAutoPadding(false);
      const encrypted = Buffer.concat([aes.update(block), aes.final()]);
      return `${USER_REF_PREFIX}:${writer.id}:${encrypted.toString("base64url")}`;
    },
    telegramIdOf(ref) {
      if (!USER_REF_PATTERN.test(ref)) throw new Error("not a user reference");
      const [, keyId, payload] = ref.split(":") as [string, string, string];
      const aes = createDecipheriv("aes-256-ecb", materialFor(keyId).identity, null);
      aes.setAutoPadding(false);
      const block = Buffer.concat([aes.update(Buffer.from(payload, "base64url")), aes.final()]);
      if (!block.subarray(8).equals(IDENTITY_MAGIC)) throw new Error("user reference does not decode under its key");
      return Number(block.readBigInt64BE(0));
    },
    isStale(stored) {
      const parts = stored.split(":");
      if (parts[0] === ENCRYPTED_V1) return true;
      if ((parts[0] === ENCRYPTED_V2 || parts[0] === USER_REF_PREFIX) && parts.length === 3) return parts[1] !== writer.id;
      return false;
    },
  };
  return cipher;
}

/** The part of the cipher a service needs to store users by pseudonym and to find their chat again. */
export type UserRefCipher = Pick<FieldCipher, "userRef" | "telegramIdOf">;
