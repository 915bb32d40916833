// Proves the test harness: one database server per run (FerretDB, mongod or MONGODB_URI), a fresh
// database per test file, and the mongoose features our services rely on behaving the same on
// MongoDB 7 and FerretDB 1.24.
import mongoose, { Schema, type Connection } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pingDatabase, startDatabaseServer, withDatabaseName } from "../../src/db/server/index.js";
import { createTestDatabase, testMongoUri, type TestDatabase } from "../support/database.js";

interface Signature {
  petitionId: string;
  userId: number;
  province: string;
}

interface Counter {
  _id: string;
  value: number;
  createdAt?: Date;
}

const signatureSchema = new Schema<Signature>({
  petitionId: { type: String, required: true },
  userId: { type: Number, required: true },
  province: { type: String, required: true },
});
signatureSchema.index({ petitionId: 1, userId: 1 }, { unique: true });

const counterSchema = new Schema<Counter>({
  _id: String,
  value: { type: Number, default: 0 },
  createdAt: Date,
});

function modelsOn(connection: Connection) {
  return {
    Signature: connection.model<Signature>("Signature", signatureSchema),
    Counter: connection.model<Counter>("Counter", counterSchema),
  };
}

describe("the test database", () => {
  let database: TestDatabase;
  let connection: Connection;
  let models: ReturnType<typeof modelsOn>;

  beforeAll(async () => {
    database = await createTestDatabase();
    connection = await mongoose.createConnection(database.uri, { autoIndex: false }).asPromise();
    models = modelsOn(connection);
    await models.Signature.syncIndexes();
  });

  afterAll(async () => {
    await connection?.close();
    await database?.drop();
  });

  it("is a fresh, uniquely named database on the run's server", async () => {
    expect(database.name).toMatch(/^t_[0-9a-f]{12}$/);
    expect(database.uri).toBe(withDatabaseName(testMongoUri(), database.name));
    expect(connection.db?.databaseName).toBe(database.name);
    expect(await connection.db?.listCollections({ name: "signatures" }).toArray()).toHaveLength(1);
  });

  it("lets a relative sign a petition only once (unique compound index, E11000)", async () => {
    const { Signature } = models;
    const indexes = await Signature.collection.indexes();
    expect(indexes.find((index) => index.name === "petitionId_1_userId_1")?.unique).toBe(true);

    await Signature.create({ petitionId: "p1", userId: 7, province: "Ardabil" });
    await expect(Signature.create({ petitionId: "p1", userId: 7, province: "Tehran" })).rejects.toMatchObject({
      code: 11000,
    });
    await Signature.create({ petitionId: "p2", userId: 7, province: "Ardabil" });
    expect(await Signature.countDocuments({ userId: 7 })).toBe(2);
  });

  it("counts atomically with $inc, $setOnInsert and an upsert", async () => {
    const { Counter } = models;
    const first = await Counter.findOneAndUpdate(
      { _id: "signatures:p1" },
      { $inc: { value: 1 }, $setOnInsert: { createdAt: new Date(0) } },
      { upsert: true, returnDocument: "after" },
    ).lean();
    expect(first).toMatchObject({ _id: "signatures:p1", value: 1, createdAt: new Date(0) });

    const second = await Counter.findOneAndUpdate(
      { _id: "signatures:p1" },
      { $inc: { value: 1 }, $setOnInsert: { createdAt: new Date(1) } },
      { upsert: true, returnDocument: "after" },
    ).lean();
    expect(second).toMatchObject({ value: 2, createdAt: new Date(0) });
  });

  it("loses no increment when many arrive at once", async () => {
    const { Counter } = models;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        Counter.findOneAndUpdate({ _id: "signatures:p2" }, { $inc: { value: 1 } }, { upsert: true }),
      ),
    );
    const counted = (await Counter.findById("signatures:p2").lean())?.value;
    expect(counted, "on FerretDB the URI needs ?maxPoolSize=1 (see src/db/server/index.ts)").toBe(20);
  });

  it("sums signatures per province with $match, $group and $sort", async () => {
    const { Signature } = models;
    await Signature.insertMany([
      { petitionId: "p3", userId: 1, province: "Tabriz" },
      { petitionId: "p3", userId: 2, province: "Ardabil" },
      { petitionId: "p3", userId: 3, province: "Ardabil" },
      { petitionId: "p4", userId: 4, province: "Tabriz" },
    ]);
    // One accumulator per $group: FerretDB 1.24 computes only the first one (the others come back 0).
    const perProvince = await Signature.aggregate<{ _id: string; signatures: number }>([
      { $match: { petitionId: "p3" } },
      { $group: { _id: "$province", signatures: { $sum: 1 } } },
      { $sort: { signatures: -1, _id: 1 } },
    ]);
    expect(perProvince).toEqual([
      { _id: "Ardabil", signatures: 2 },
      { _id: "Tabriz", signatures: 1 },
    ]);
  });

  it("is isolated from another test database", async () => {
    const other = await createTestDatabase();
    const otherConnection = await mongoose.createConnection(other.uri).asPromise();
    try {
      expect(other.name).not.toBe(database.name);
      const OtherSignature = modelsOn(otherConnection).Signature;
      await OtherSignature.create({ petitionId: "p1", userId: 7, province: "Gilan" });

      expect(await OtherSignature.countDocuments()).toBe(1);
      expect(await models.Signature.countDocuments({ province: "Gilan" })).toBe(0);
    } finally {
      await otherConnection.close();
      await other.drop();
    }
  });
});

describe("startDatabaseServer", () => {
  it("uses a given uri as an external database and leaves it running on stop()", async () => {
    const uri = testMongoUri();
    const server = await startDatabaseServer({ uri, log: () => {} });
    expect(server).toMatchObject({ kind: "external", uri });

    await server.stop();
    await expect(pingDatabase(uri)).resolves.toBeUndefined();
  });
});

describe("withDatabaseName", () => {
  it("puts the name in the path and keeps hosts and options", () => {
    expect(withDatabaseName("mongodb://127.0.0.1:4000/?maxPoolSize=1", "t_1")).toBe(
      "mongodb://127.0.0.1:4000/t_1?maxPoolSize=1",
    );
    expect(withDatabaseName("mongodb://a:1,b:2/family_reach?replicaSet=rs0", "t_2")).toBe(
      "mongodb://a:1,b:2/t_2?replicaSet=rs0",
    );
    expect(withDatabaseName("mongodb://127.0.0.1:27017", "t_3")).toBe("mongodb://127.0.0.1:27017/t_3");
  });

  it("keeps authenticating against the original database when there are credentials", () => {
    expect(withDatabaseName("mongodb://bot:secret@db:27017/family_reach", "t_4")).toBe(
      "mongodb://bot:secret@db:27017/t_4?authSource=family_reach",
    );
    expect(withDatabaseName("mongodb+srv://bot:secret@cluster.example.net/?authSource=admin", "t_5")).toBe(
      "mongodb+srv://bot:secret@cluster.example.net/t_5?authSource=admin",
    );
  });
});
