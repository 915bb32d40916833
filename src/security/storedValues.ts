import type { Connection } from "mongoose";

/** The native driver's database handle (what `connection.db` is once connected). */
export type Database = NonNullable<Connection["db"]>;

/** A stored document as the native driver returns it. */
export type StoredDocument = Record<string, unknown> & { _id?: unknown };

/**
 * Rewrites every string in a stored document, at any depth (sub-documents and arrays), field names
 * included. Strings are never parsed: JSON text (conversation state) is one string, so an
 * encrypted JSON blob is one value. Driver types (ObjectId, Date, Binary, Long…) are left as they
 * are. Returns the same object when nothing changed, so callers can skip the write.
 */
export function rewriteStrings<T>(value: T, rewrite: (text: string) => string): T {
  if (typeof value === "string") return rewrite(value) as T;
  if (Array.isArray(value)) {
    let changed = false;
    const next = value.map((item: unknown) => {
      const rewritten = rewriteStrings(item, rewrite);
      if (rewritten !== item) changed = true;
      return rewritten;
    });
    return (changed ? next : value) as T;
  }
  if (isPlainObject(value)) {
    let changed = false;
    const next: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const newKey = rewrite(key);
      const rewritten = rewriteStrings(item, rewrite);
      if (newKey !== key || rewritten !== item) changed = true;
      next[newKey] = rewritten;
    }
    return (changed ? next : value) as T;
  }
  return value;
}

/** Calls `visit` for every string of a stored document (as `rewriteStrings` sees them). */
export function forEachString(value: unknown, visit: (text: string) => void): void {
  rewriteStrings(value, (text) => {
    visit(text);
    return text;
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  if ("_bsontype" in value) return false; // ObjectId, Binary, Long, Decimal128…
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** Every collection of the database that holds our data (views and system collections excluded). */
export async function listDataCollections(db: Database): Promise<string[]> {
  const infos = await db.listCollections({}, { nameOnly: false }).toArray();
  return infos
    .filter((info) => (info.type ?? "collection") === "collection" && !info.name.startsWith("system."))
    .map((info) => info.name)
    .sort();
}
