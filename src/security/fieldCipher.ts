import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

/**
 * Encrypts free-text and contact fields at rest (AES-256-GCM), and derives keyed hashes for the
 * name search keys, so a copy of the database alone reveals neither names nor their phonetic keys.
 */
export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  encryptOptional(plain: string | undefined | null): string | undefined;
  decryptOptional(stored: string | undefined | null): string | undefined;
  /** A stable keyed hash (HMAC-SHA256, truncated) for equality search. */
  searchToken(value: string): string;
}

const VERSION = "v1";

export function parseEncryptionKey(raw: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, "hex") : Buffer.from(raw, "base64");
  if (key.length !== 32) throw new Error("DATA_ENCRYPTION_KEY must be 32 bytes");
  return key;
}

export function createFieldCipher(key: Buffer): FieldCipher {
  if (key.length !== 32) throw new Error("field cipher needs a 32-byte key");
  // Separate sub-keys for encryption and for search tokens.
  const encryptionKey = createHmac("sha256", key).update("field-encryption").digest();
  const searchKey = createHmac("sha256", key).update("search-token").digest();

  const cipher: FieldCipher = {
    encrypt(plain) {
      const iv = randomBytes(12);
      const aes = createCipheriv("aes-256-gcm", encryptionKey, iv);
      const body = Buffer.concat([aes.update(plain, "utf8"), aes.final()]);
      return `${VERSION}:${Buffer.concat([iv, aes.getAuthTag(), body]).toString("base64")}`;
    },
    decrypt(stored) {
      const [version, payload] = stored.split(":", 2);
      if (version !== VERSION || !payload) throw new Error("unknown encrypted field format");
      const raw = Buffer.from(payload, "base64");
      const aes = createDecipheriv("aes-256-gcm", encryptionKey, raw.subarray(0, 12));
      aes.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([aes.update(raw.subarray(28)), aes.final()]).toString("utf8");
    },
    encryptOptional(plain) {
      return plain === undefined || plain === null || plain === "" ? undefined : cipher.encrypt(plain);
    },
    decryptOptional(stored) {
      return stored ? cipher.decrypt(stored) : undefined;
    },
    searchToken(value) {
      return createHmac("sha256", searchKey).update(value).digest("base64url").slice(0, 22);
    },
  };
  return cipher;
}
