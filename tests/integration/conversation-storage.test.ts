// Conversation state at rest: compressed, then encrypted (a registration's replay log repeats its
// keyboards and updates), and states written before compression still read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "mongoose";
import type { Clock } from "../../src/clock.js";
import { createConversationStorage, type ConversationStore } from "../../src/db/conversationStorage.js";
import { CONVERSATIONS_COLLECTION } from "../../src/db/models/index.js";
import { createFieldCipher, parseEncryptionKey } from "../../src/security/fieldCipher.js";
import { connectDatabase, databaseCommandCounts } from "../../src/db/connection.js";
import { silentLogger } from "../../src/logger.js";
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

  it("over several connections, keeps each chat on one of them and finds every chat's state from any", async () => {
    const lanes = [
      await connectDatabase(database.uri, { log: silentLogger, countCommands: true, maxPoolSize: 1 }),
      await connectDatabase(database.uri, { log: silentLogger, countCommands: true, maxPoolSize: 1 }),
    ];
    try {
      let now = new Date("2026-11-28T06:00:00Z");
      const sharded = createConversationStorage<{ log: unknown[] }>(lanes, { cipher, clock: { now: () => now }, namesOf: () => ["registration"] });
      const keys = Array.from({ length: 20 }, (_, i) => `lane-chat-${i}`);
      const used = () => lanes.map((lane) => databaseCommandCounts([lane]).update ?? 0);
      const before = used();
      for (const key of keys) await sharded.write(key, { log: [key] });
      const writes = used().map((n, i) => n - before[i]!);
      // Both connections carry chats, and each chat's writes go over one of them.
      expect(writes.every((n) => n > 0)).toBe(true);
      expect(writes.reduce((a, b) => a + b, 0)).toBe(keys.length);
      for (const key of keys) expect(await sharded.read(key)).toEqual({ state: { log: [key] } });
      // Written again, a chat goes over the same connection as before.
      const again = used();
      await sharded.write(keys[0]!, { log: ["second"] });
      const after = used();
      expect(after.filter((n, i) => n !== again[i])).toHaveLength(1);
      // The retention job drops idle chats on whichever connection they live, and removes old markers.
      now = new Date("2026-12-30T06:00:00Z");
      await sharded.write("lane-chat-fresh", { log: ["fresh"] });
      const { dropped } = await sharded.dropIdle(new Date("2026-12-01T00:00:00Z"), new Date("2026-11-01T00:00:00Z"));
      expect(dropped).toBeGreaterThanOrEqual(keys.length);
      expect(await sharded.read(keys[5]!)).toEqual({ dropped: ["registration"] });
      expect(await sharded.read("lane-chat-fresh")).toEqual({ state: { log: ["fresh"] } });
      now = new Date("2027-03-01T06:00:00Z");
      const { markersRemoved } = await sharded.dropIdle(new Date("2027-01-01T00:00:00Z"), new Date("2027-02-01T00:00:00Z"));
      expect(markersRemoved).toBeGreaterThanOrEqual(keys.length);
      expect(await sharded.read(keys[5]!)).toBeUndefined();
    } finally {
      for (const lane of lanes) await lane.close();
    }
  });

  it("remembering (polling): a chat's next read after a write or a read asks nothing, and every change through the store keeps it right", async () => {
    const lane = await connectDatabase(database.uri, { log: silentLogger, countCommands: true, maxPoolSize: 1 });
    try {
      let now = new Date("2026-11-28T06:00:00Z");
      const remembering = createConversationStorage<{ log: unknown[] }>(lane, { cipher, clock: { now: () => now }, namesOf: () => ["registration"], remember: { maxEntries: 3, maxAgeMs: 60_000 } });
      const finds = () => databaseCommandCounts([lane]).find ?? 0;
      const reads = async (key: string) => {
        const before = finds();
        const found = await remembering.read(key);
        return { found, finds: finds() - before };
      };
      await remembering.write("mem-a", { log: ["one"] }, [11]);
      expect(await reads("mem-a")).toEqual({ found: { state: { log: ["one"] }, updateIds: [11] }, finds: 0 });
      // A chat with nothing stored: asked once, then known to have nothing.
      expect(await reads("mem-none")).toEqual({ found: undefined, finds: 1 });
      expect(await reads("mem-none")).toEqual({ found: undefined, finds: 0 });
      // Deleted: known to be gone without asking.
      await remembering.delete("mem-a");
      expect(await reads("mem-a")).toEqual({ found: undefined, finds: 0 });
      expect(await lane.db!.collection(CONVERSATIONS_COLLECTION).countDocuments({ key: "mem-a" })).toBe(0);
      // At most maxEntries chats: the oldest is asked for again.
      for (const key of ["mem-b", "mem-c", "mem-d", "mem-e"]) await remembering.write(key, { log: [key] });
      expect((await reads("mem-b")).finds).toBe(1);
      expect(await reads("mem-e")).toEqual({ found: { state: { log: ["mem-e"] } }, finds: 0 });
      // The retention job's drop goes through the store: the next read finds the marker, not the old state.
      now = new Date("2027-01-15T06:00:00Z");
      await remembering.dropIdle(new Date("2027-01-01T00:00:00Z"), new Date("2026-01-01T00:00:00Z"));
      expect(await reads("mem-e")).toEqual({ found: { dropped: ["registration"] }, finds: 1 });
      // Another poller (409): nothing remembered is relied on, and nothing is remembered for a while.
      await remembering.write("mem-f", { log: ["f"] });
      remembering.suspendRemembering(60_000);
      expect((await reads("mem-f")).finds).toBe(1);
      expect((await reads("mem-f")).finds).toBe(1);
    } finally {
      await lane.close();
    }
  });

  it("without remembering (webhook), every read asks the database: another process may have written", async () => {
    const lane = await connectDatabase(database.uri, { log: silentLogger, countCommands: true, maxPoolSize: 1 });
    try {
      const plainStore = createConversationStorage<{ log: unknown[] }>(lane, { cipher, clock, namesOf: () => ["registration"] });
      await plainStore.write("plain-a", { log: ["one"] });
      const before = databaseCommandCounts([lane]).find ?? 0;
      await plainStore.read("plain-a");
      await plainStore.read("plain-a");
      expect((databaseCommandCounts([lane]).find ?? 0) - before).toBe(2);
    } finally {
      await lane.close();
    }
  });
});
