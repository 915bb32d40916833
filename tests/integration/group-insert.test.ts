// Group commit of the update claims' and completions' inserts (src/db/groupInsert.ts), against the
// real test database, with the commands counted by the driver's command monitoring.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "mongoose";
import { connectDatabase, databaseCommandCounts } from "../../src/db/connection.js";
import { createGroupInsert } from "../../src/db/groupInsert.js";
import { createModels, ensureIndexes, type Models } from "../../src/db/models/index.js";
import { silentLogger } from "../../src/logger.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

let database: TestDatabase;
let connection: Connection;
let models: Models;

beforeAll(async () => {
  database = await createTestDatabase();
  connection = await connectDatabase(database.uri, { log: silentLogger, countCommands: true });
  models = createModels(connection);
  await ensureIndexes(connection, models);
});
afterAll(async () => {
  await connection?.close();
  await database?.drop();
});

const inserts = () => databaseCommandCounts([connection]).insert ?? 0;

describe("group insert", () => {
  it("sends a lone document at once, in its own insert", async () => {
    const rows = createGroupInsert(models.updateCompletions);
    const before = inserts();
    await expect(rows.insert({ _id: 1, doneAt: new Date() })).resolves.toBe("inserted");
    expect(inserts() - before).toBe(1);
    expect(await models.updateCompletions.countDocuments({ _id: 1 })).toBe(1);
  });

  it("sends concurrent documents together, and tells each caller whether its _id was taken", async () => {
    const rows = createGroupInsert(models.updateCompletions);
    await rows.insert({ _id: 105, doneAt: new Date() });
    const before = inserts();
    // 100 at once: 105 exists already, and 150 is asked for twice.
    const ids = [...Array.from({ length: 99 }, (_, i) => 100 + i), 150];
    const outcomes = await Promise.all(ids.map((id) => rows.insert({ _id: id, doneAt: new Date() })));
    const sent = inserts() - before;
    // The first goes alone; the 99 that came while it was out share the next round trip.
    expect(sent).toBe(2);
    expect(outcomes.filter((o) => o === "duplicate")).toHaveLength(2);
    expect(outcomes[ids.indexOf(105)]).toBe("duplicate");
    expect(outcomes.at(-1)).toBe("duplicate");
    expect(outcomes[ids.indexOf(150)]).toBe("inserted");
    expect(await models.updateCompletions.countDocuments({ _id: { $gte: 100, $lt: 200 } })).toBe(99);
  });

  it("fails the caller whose document the database refuses for another reason than a taken _id, and goes on with the next", async () => {
    const rows = createGroupInsert(models.updateCompletions);
    // A document the collection refuses outright (an _id that is an array), beside good ones.
    const bad = rows.insert({ _id: [1, 2] as never, doneAt: new Date() });
    await expect(bad).rejects.toThrow();
    await expect(rows.insert({ _id: 300, doneAt: new Date() })).resolves.toBe("inserted");
  });
});
