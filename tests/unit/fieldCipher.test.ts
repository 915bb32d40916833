import { describe, expect, it } from "vitest";
import { createFieldCipher, parseEncryptionKey } from "../../src/security/fieldCipher.js";

const cipher = createFieldCipher(parseEncryptionKey("0123456789abcdef".repeat(4)));

describe("field encryption", () => {
  it("round-trips Persian text and never stores it readable", () => {
    const stored = cipher.encrypt("امیر حسن‌زاده");
    expect(stored).toMatch(new RegExp(`^v2:${cipher.keyId}:`));
    expect(stored).not.toContain("امیر");
    expect(cipher.decrypt(stored)).toBe("امیر حسن‌زاده");
    expect(cipher.encrypt("same")).not.toBe(cipher.encrypt("same")); // random IV
  });

  it("refuses a tampered value", () => {
    const stored = cipher.encrypt("a letter");
    const tampered = stored.slice(0, -4) + (stored.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(() => cipher.decrypt(tampered)).toThrow();
  });

  it("gives stable search tokens that differ by key", () => {
    const other = createFieldCipher(parseEncryptionKey(Buffer.alloc(32, 7).toString("base64")));
    expect(cipher.searchToken("hsnzd")).toBe(cipher.searchToken("hsnzd"));
    expect(cipher.searchToken("hsnzd")).not.toBe(other.searchToken("hsnzd"));
  });

  it("turns a Telegram id into a pseudonym only the key reverses", () => {
    const ref = cipher.userRef(7_770_001_234);
    expect(ref).toMatch(/^tg:[A-Za-z0-9_-]{8}:[A-Za-z0-9_-]{22}$/);
    expect(ref).not.toContain("7770001234");
    expect(cipher.userRef(7_770_001_234)).toBe(ref); // a lookup key
    expect(cipher.userRef(7_770_001_235)).not.toBe(ref);
    expect(cipher.telegramIdOf(ref)).toBe(7_770_001_234);
    const other = createFieldCipher(parseEncryptionKey(Buffer.alloc(32, 7).toString("base64")));
    expect(other.userRef(7_770_001_234)).not.toBe(ref);
    expect(() => other.telegramIdOf(ref)).toThrow(/unknown key/);
    const forged = ref.slice(0, -3) + (ref.endsWith("AAA") ? "BBB" : "AAA");
    expect(() => cipher.telegramIdOf(forged)).toThrow();
  });

  it("reads what an older key wrote and says it is stale", () => {
    const oldKey = Buffer.alloc(32, 1);
    const newKey = Buffer.alloc(32, 2);
    const before = createFieldCipher(oldKey);
    const after = createFieldCipher(newKey, [oldKey]);
    const text = before.encrypt("a letter");
    const ref = before.userRef(42);
    expect(after.decrypt(text)).toBe("a letter");
    expect(after.telegramIdOf(ref)).toBe(42);
    expect(after.isStale(text)).toBe(true);
    expect(after.isStale(ref)).toBe(true);
    expect(after.isStale(after.encrypt("x"))).toBe(false);
    expect(after.isStale(after.userRef(42))).toBe(false);
    expect(() => createFieldCipher(newKey).decrypt(text)).toThrow(/unknown key/);
  });

  it("accepts only 32-byte keys", () => {
    expect(() => parseEncryptionKey("abcd")).toThrow(/32 bytes/);
  });
});
