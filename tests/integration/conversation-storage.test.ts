// Conversation state at rest: compressed, then encrypted (a registration's replay log repeats its
// keyboards and updates), and states written before compression still read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "mongoose";
import type { Clock } from "../../src/clock.js";
import { createConversationStorage, type ConversationStore } from "../../src/db/conversationStorage.js";
import { CONVERSATIONS_COLLECTION } from "../../src/db/models/index.js";
import { createFieldCipher, parseEncryptionKey } from "../../src/security/fieldCipher.js";
import { openTestModels, type TestDatabase } from "../support/database.js";

let database: TestDatabase;
let connection: Connection;
let store: ConversationStore<{ log: unknown[] }>;
const clock: Clock = { now: () => new Date("2026-11-28T06:00:00Z") };
const cipher = createFieldCipher(parseEncryptionKey("ab".repeat(32)));

/** A replay log like a registration's: the same keyboard and sender over and over, one typed name. */
const replayLog = () => ({
  log: Array.from({ length: 40 }, (_, i) => ({
    update: { message: { from: { id: 7_000_001, first_name: "Sara", language_code: "fa" }, chat: { id: 7_000_001, type: "private" }, text: i === 3 ? "canary-name Reza Karimi" : "⏭ Skip" } },
    sent: { reply_markup: { inline_keyboard: [["Ardabil", "Alborz", "Bushehr", "Tehran", "Fars"].map((p) => ({ text: p, callback_data: `province:${p}` }))] } },
  })),
});

beforeAll(async () => {
  ({ database, connection } = await openTestModels());
  store = createConversationStorage(connection, { cipher, clock, namesOf: () => ["registration"] });
});
afterAll(async () => {
  await connection?.close();
  await database?.drop();
});

describe("conversation state at rest", () => {
  it("is stored compressed and encrypted, several times smaller than its JSON, and reads back whole", async () => {
    const state = replayLog();
    await store.write("chat-a", state);
    const stored = await connection.db!.collection(CONVERSATIONS_COLLECTION).findOne({ key: "chat-a" });
    const json = JSON.stringify(state);
    expect(String(stored?.state).length).toBeLessThan(json.length / 4);
    expect(JSON.stringify(stored)).not.toContain("canary-name");
    expect(await store.read("chat-a")).toEqual({ state });
  });

  it("still reads a state written before states were compressed", async () => {
    const state = replayLog();
    await connection.db!.collection(CONVERSATIONS_COLLECTION).insertOne({ key: "chat-b", state: cipher.encrypt(JSON.stringify(state)), updatedAt: clock.now() });
    expect(await store.read("chat-b")).toEqual({ state });
  });
});
