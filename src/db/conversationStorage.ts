import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { Connection } from "mongoose";
import type { Clock } from "../clock.js";
import type { FieldCipher } from "../security/fieldCipher.js";
import { CONVERSATIONS_COLLECTION } from "./models/index.js";

/**
 * One document per private chat, keyed by the user's pseudonym (never the Telegram id). Either
 * the conversation's state, or — after an idle conversation was dropped — a marker holding only
 * the names of the conversations that were open, so the user can be told once.
 */
interface StoredConversation {
  key: string;
  /** The replay state as JSON text, encrypted with the field cipher: it holds every typed answer. */
  state?: string;
  /** Last write (or the moment the conversation was dropped, on a marker). */
  updatedAt: Date;
  /** Names of the dropped conversations (e.g. "registration"); nothing the user typed. */
  dropped?: string[];
  /**
   * The update_ids whose handling wrote this state (the latest few): an update found here was
   * applied already — its process was killed before marking it done — and must not be replayed
   * into the conversation a second time (bot/features/idleConversations).
   */
  updateIds?: number[];
}

/** What a chat has stored: its conversations' state, or the note that idle ones were dropped. */
export type StoredConversationState<T> = { state: T; updateIds?: number[] } | { dropped: string[] };

/**
 * Storage for @grammyjs/conversations state in MongoDB, so a restart loses nobody's place.
 *
 * Why not @grammyjs/storage-mongodb as is: it stores the state as a document, and the replay log
 * holds inline keyboards (arrays of arrays), which FerretDB v1 rejects ("nested arrays are not
 * supported"). Storing the state as JSON text works on MongoDB and FerretDB alike — and lets us
 * encrypt it whole: the replay log holds every typed name, shared contact and appeal text.
 */
export interface ConversationStore<T> {
  read(key: string): Promise<StoredConversationState<T> | undefined>;
  /** `updateIds`: the updates whose handling this state includes (the latest few), stored beside it. */
  write(key: string, state: T, updateIds?: number[]): Promise<void>;
  delete(key: string): Promise<void>;
  /** The user was told that their conversation was dropped: forget the marker. */
  forgetDropped(key: string): Promise<void>;
  /**
   * Drops every conversation untouched since `idleSince`, leaving a marker with only its name;
   * removes markers older than `markersSince` (their user never came back).
   */
  dropIdle(idleSince: Date, markersSince: Date): Promise<{ dropped: number; markersRemoved: number }>;
  /**
   * Chats where the conversation `name` is open and nobody wrote between `since` and `idleSince`
   * (the unfinished-registration reminders). A scan of this small collection: it holds only chats
   * with an open conversation (or a dropped one's marker). `accept` narrows by the state (e.g. not an edit).
   */
  idleWith(name: string, since: Date, idleSince: Date, accept?: (state: T) => boolean): Promise<{ key: string; updatedAt: Date }[]>;
  /**
   * Another process may be writing chats' states (a second poller answered 409): forget what this
   * process remembers and stop remembering for `ms`.
   */
  suspendRemembering(ms: number): void;
  /** Forgets everything remembered, as a process starting afresh (a test that changes stored state behind the bot's back). */
  forgetRemembered(): void;
}

export interface ConversationStoreOptions<T> {
  cipher: Pick<FieldCipher, "encrypt" | "decrypt">;
  clock: Clock;
  /** Names of the conversations open in a state (to tell the user what was dropped). */
  namesOf: (state: T) => string[];
  /**
   * Only while this process is the only one that writes chats' states (polling: Telegram serves
   * one poller): remember what it last read or wrote for a chat, so the chat's next update does not
   * read it back. Every change goes through this store, which keeps the remembered copy in step.
   */
  remember?: { maxEntries: number; maxAgeMs: number };
}

/** A chat's stored document as this process last read or wrote it (`stored` null: none). */
interface Remembered {
  stored: string | null;
  updateIds?: number[];
  at: number;
}

const DROP_BATCH = 500;

/** Marks a state compressed before it was encrypted (states written before it are plain JSON). */
const DEFLATED = "deflate:";

/**
 * A conversation's replay log repeats itself (every update and every message sent): a
 * registration's state at its summary is ~9 KB of JSON once slimmed (bot/features/idleConversations/
 * slimReplayLog.ts; ~29 KB whole), ~2 KB deflated. Compressed
 * before it is encrypted, the stored document is ~5 times smaller — read and written on every
 * update of a conversation, and on FerretDB scanned by every other chat's lookup too (bench:updates).
 */
function pack(json: string): string {
  return `${DEFLATED}${deflateRawSync(json).toString("base64")}`;
}

/** A decrypted state as JSON (inflated when it was stored compressed); any other text as it is. */
export function unpack(plain: string): string {
  return plain.startsWith(DEFLATED) ? inflateRawSync(Buffer.from(plain.slice(DEFLATED.length), "base64")).toString("utf8") : plain;
}

/** FNV-1a of a chat's key: which of the connections carries its state. */
function shardOf(key: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % shards;
}

/**
 * `connections`: one, or several single connections (db/connection.ts DatabaseLanes). Every
 * read and write of one chat's document goes over the same connection, picked by its key:
 * FerretDB loses an update of one document made at once over two connections.
 */
export function createConversationStorage<T>(connections: Connection | Connection[], options: ConversationStoreOptions<T>): ConversationStore<T> {
  const { cipher, clock, namesOf } = options;
  const remembered = new Map<string, Remembered>();
  let rememberFrom = 0;
  /** What this process last read or wrote for `key`, if it may still be relied on. */
  const recall = (key: string): Remembered | undefined => {
    const entry = remembered.get(key);
    if (entry === undefined) return undefined;
    if (Date.now() - entry.at < options.remember!.maxAgeMs) return entry;
    remembered.delete(key);
    return undefined;
  };
  /** Reads under way, by key: a change made meanwhile (write, delete, drop) makes what they found stale. */
  const reading = new Map<string, object>();
  const keep = (key: string, stored: string | null, updateIds?: number[]) => {
    reading.delete(key);
    if (!options.remember || Date.now() < rememberFrom) return;
    remembered.delete(key);
    remembered.set(key, { stored, ...(updateIds ? { updateIds } : {}), at: Date.now() });
    // The oldest first: Map keeps insertion order.
    if (remembered.size > options.remember.maxEntries) remembered.delete(remembered.keys().next().value!);
  };
  const forget = (key: string) => {
    reading.delete(key);
    remembered.delete(key);
  };
  /** Keeps what a read found, unless the chat's document changed while it was read. */
  const keepRead = (key: string, ticket: object, stored: string | null, updateIds?: number[]) => {
    if (reading.get(key) === ticket) keep(key, stored, updateIds);
  };
  const collections = (Array.isArray(connections) ? connections : [connections]).map((connection) => {
    const db = connection.db;
    if (!db) throw new Error("conversation storage needs a connected database");
    return db.collection<StoredConversation>(CONVERSATIONS_COLLECTION);
  });
  /** The collection as seen over the connection that carries `key`. */
  const of = (key: string) => collections[shardOf(key, collections.length)]!;
  /** For reads across chats, which change nothing. */
  const collection = collections[0]!;

  /** The state, or undefined when no key of the ring can read it any more. */
  const open = (stored: string): T | undefined => {
    try {
      return JSON.parse(unpack(cipher.decrypt(stored))) as T;
    } catch {
      return undefined;
    }
  };

  return {
    async read(key) {
      const known = options.remember ? recall(key) : undefined;
      if (known) {
        if (known.stored === null) return undefined;
        const state = open(known.stored);
        if (state !== undefined) return { state, updateIds: known.updateIds };
        forget(key);
      }
      const ticket = {};
      if (options.remember) reading.set(key, ticket);
      try {
        const found = await of(key).findOne({ key });
        if (!found) {
          keepRead(key, ticket, null);
          return undefined;
        }
        if (found.state !== undefined) {
          const state = open(found.state);
          if (state !== undefined) {
            keepRead(key, ticket, found.state, found.updateIds);
            return { state, updateIds: found.updateIds };
          }
          // Written under a key that is gone: the user is told it was dropped rather than stuck on an error.
          await of(key).updateOne({ key, updatedAt: found.updatedAt }, { $unset: { state: 1 }, $set: { dropped: [], updatedAt: clock.now() } });
          return { dropped: [] };
        }
        return found.dropped ? { dropped: found.dropped } : undefined;
      } finally {
        if (reading.get(key) === ticket) reading.delete(key);
      }
    },
    async write(key, state, updateIds) {
      const stored = cipher.encrypt(pack(JSON.stringify(state)));
      // Whatever the outcome, the remembered copy may be wrong until the write is confirmed.
      forget(key);
      await of(key).updateOne({ key }, { $set: { key, state: stored, updatedAt: clock.now(), ...(updateIds ? { updateIds } : {}) }, $unset: { dropped: 1 } }, { upsert: true });
      keep(key, stored, updateIds);
    },
    async delete(key) {
      forget(key);
      await of(key).deleteOne({ key });
      keep(key, null);
    },
    async forgetDropped(key) {
      forget(key);
      await of(key).deleteOne({ key, state: { $exists: false } });
      await of(key).updateOne({ key, dropped: { $exists: true } }, { $unset: { dropped: 1 } });
    },
    async dropIdle(idleSince, markersSince) {
      let dropped = 0;
      for (;;) {
        const idle = await collection
          .find({ state: { $exists: true }, updatedAt: { $lt: idleSince } }, { projection: { key: 1, state: 1, updatedAt: 1 } })
          .limit(DROP_BATCH)
          .toArray();
        let batchDropped = 0;
        for (const doc of idle) {
          const state = doc.state === undefined ? undefined : open(doc.state);
          const names = state === undefined ? [] : namesOf(state);
          // Only if untouched meanwhile: a user answering right now keeps their conversation.
          forget(doc.key);
          const result = await of(doc.key).updateOne({ key: doc.key, updatedAt: doc.updatedAt }, { $unset: { state: 1 }, $set: { dropped: names, updatedAt: clock.now() } });
          dropped += result.modifiedCount;
          batchDropped += result.modifiedCount;
        }
        if (idle.length < DROP_BATCH || batchDropped === 0) break;
      }
      // One by one, each over its chat's connection: a user who comes back right now keeps what they write.
      const markers = await collection.find({ state: { $exists: false }, updatedAt: { $lt: markersSince } }, { projection: { key: 1, updatedAt: 1 } }).toArray();
      let markersRemoved = 0;
      for (const marker of markers) {
        forget(marker.key);
        markersRemoved += (await of(marker.key).deleteOne({ key: marker.key, state: { $exists: false }, updatedAt: marker.updatedAt })).deletedCount;
      }
      return { dropped, markersRemoved };
    },
    suspendRemembering(ms) {
      remembered.clear();
      reading.clear();
      rememberFrom = Date.now() + ms;
    },
    forgetRemembered() {
      remembered.clear();
      reading.clear();
    },
    async idleWith(name, since, idleSince, accept) {
      const idle = await collection.find({ state: { $exists: true }, updatedAt: { $gt: since, $lte: idleSince } }, { projection: { key: 1, state: 1, updatedAt: 1 } }).toArray();
      return idle.flatMap((doc) => {
        const state = doc.state === undefined ? undefined : open(doc.state);
        return state !== undefined && namesOf(state).includes(name) && (accept?.(state) ?? true) ? [{ key: doc.key, updatedAt: doc.updatedAt }] : [];
      });
    },
  };
}
