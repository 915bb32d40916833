import { describe, expect, it } from "vitest";
import { createFieldCipher, parseEncryptionKey } from "../../src/security/fieldCipher.js";

const cipher = createFieldCipher(parseEncryptionKey("0123456789abcdef".repeat(4)));

describe("field encryption", () => {
  it("round-trips Persian text and never stores it readable", () => {
    const stored = cipher.encrypt("امیر حسن‌زاده");
    expect(stored).toMatch(/^v1:/);
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

  it("accepts only 32-byte keys", () => {
    expect(() => parseEncryptionKey("abcd")).toThrow(/32 bytes/);
  });
});
