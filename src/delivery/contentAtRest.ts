import type { FieldCipher } from "../security/fieldCipher.js";
import type { OutgoingContent } from "./types.js";

/**
 * Outbox content at rest: a status notification carries the relative's name and the family note,
 * a broadcast whatever its sender wrote. Stored encrypted with the field cipher, opened only by
 * the worker that sends it; the retention job removes it a while after the job finished.
 */
export type ContentCipher = Pick<FieldCipher, "encrypt" | "decrypt">;

export function sealContent(cipher: ContentCipher, contentByLocale: Record<string, OutgoingContent>): string {
  return cipher.encrypt(JSON.stringify(contentByLocale));
}

/** The stored content as JSON text; null once purged. Jobs written before encryption are plain JSON. */
export function openContent(cipher: ContentCipher, stored: string | null): string | null {
  if (stored === null || stored.startsWith("{")) return stored;
  return cipher.decrypt(stored);
}
