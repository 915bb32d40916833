import type { Connection } from "mongoose";
import { CONVERSATIONS_COLLECTION } from "./models/index.js";

interface StoredConversation {
  key: string;
  /** The conversation's replay state as JSON text. */
  state: string;
  updatedAt: Date;
}

/**
 * Storage for @grammyjs/conversations state in MongoDB, so a restart loses nobody's place.
 *
 * Why not @grammyjs/storage-mongodb as is: it stores the state as a document, and the replay log
 * holds inline keyboards (arrays of arrays), which FerretDB v1 rejects ("nested arrays are not
 * supported"). Storing the state as JSON text works on MongoDB and FerretDB alike.
 */
export interface JsonStateStorage<T> {
  read(key: string): Promise<T | undefined>;
  write(key: string, state: T): Promise<void>;
  delete(key: string): Promise<void>;
}

export function createConversationStorage<T>(connection: Connection): JsonStateStorage<T> {
  const db = connection.db;
  if (!db) throw new Error("conversation storage needs a connected database");
  const collection = db.collection<StoredConversation>(CONVERSATIONS_COLLECTION);
  return {
    async read(key) {
      const found = await collection.findOne({ key });
      return found ? (JSON.parse(found.state) as T) : undefined;
    },
    async write(key, state) {
      await collection.updateOne({ key }, { $set: { key, state: JSON.stringify(state), updatedAt: new Date() } }, { upsert: true });
    },
    async delete(key) {
      await collection.deleteOne({ key });
    },
  };
}
