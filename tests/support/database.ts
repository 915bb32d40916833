import { randomBytes } from "node:crypto";
import mongoose from "mongoose";
import { inject } from "vitest";
import type { Connection } from "mongoose";
import { connectDatabase } from "../../src/db/connection.js";
import { createModels, ensureIndexes, type Models } from "../../src/db/models/index.js";
import { withDatabaseName } from "../../src/db/server/index.js";
import { silentLogger } from "../../src/logger.js";

export interface TestDatabase {
  /** Connection string of this database, ready for mongoose.connect / createConnection. */
  uri: string;
  name: string;
  drop(): Promise<void>;
}

/** Base URI of the run's database server (see tests/support/globalSetup.ts). */
export function testMongoUri(): string {
  return inject("mongoUri");
}

/** A fresh, uniquely named database, so test files running side by side never see each other's data. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString("hex")}`;
  const uri = withDatabaseName(testMongoUri(), name);
  return {
    uri,
    name,
    async drop() {
      const client = new mongoose.mongo.MongoClient(uri, { serverSelectionTimeoutMS: 5_000 });
      try {
        await client.connect();
        await client.db(name).dropDatabase();
      } finally {
        await client.close();
      }
    },
  };
}

export interface TestModels {
  database: TestDatabase;
  connection: Connection;
  models: Models;
}

/** A fresh database with the app's models and indexes, for service-level tests. */
export async function openTestModels(): Promise<TestModels> {
  const database = await createTestDatabase();
  const connection = await connectDatabase(database.uri, { log: silentLogger });
  const models = createModels(connection);
  await ensureIndexes(connection, models);
  return { database, connection, models };
}
