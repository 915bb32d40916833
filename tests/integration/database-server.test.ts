// Proves the test harness: one database server per run (FerretDB, mongod or MONGODB_URI), a fresh
// database per test file, and the mongoose features our services rely on behaving the same on
// MongoDB 7 and FerretDB 1.24.
import { chmod, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mongoose, { Schema, type Connection } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseEngine, ensureFerretDbBinary, pingDatabase, startDatabaseServer, withDatabaseName, type DatabaseLaunchers } from "../../src/db/server/index.js";
import { GoNotFoundError } from "../../src/db/server/ferretdb.js";
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

/** Launchers that record which ways were tried; each one either answers a path or fails as told. */
function fakeLaunchers(machine: { mongod?: string; ferretDb?: string | Error; download?: string | Error }) {
  const tried: string[] = [];
  const launchers: DatabaseLaunchers = {
    findMongod: () => (tried.push("mongod on PATH"), machine.mongod),
    ferretDb: async () => {
      tried.push("FerretDB");
      if (machine.ferretDb instanceof Error || machine.ferretDb === undefined) throw machine.ferretDb ?? new GoNotFoundError();
      return machine.ferretDb;
    },
    downloadMongod: async () => {
      tried.push("download");
      if (machine.download instanceof Error || machine.download === undefined) throw machine.download ?? new Error("no network");
      return machine.download;
    },
  };
  return { launchers, tried };
}

describe("finding a database on a machine (MONGODB_URI → mongod → FerretDB → a downloaded MongoDB)", () => {
  it("takes a mongod on PATH first, and neither builds FerretDB nor downloads anything", async () => {
    const { launchers, tried } = fakeLaunchers({ mongod: "/usr/bin/mongod", ferretDb: "/cache/ferretdb", download: "/cache/mongod" });
    expect(await chooseEngine(launchers, () => {})).toEqual({ kind: "mongod", binary: "/usr/bin/mongod" });
    expect(tried).toEqual(["mongod on PATH"]);
  });

  it("without mongod uses FerretDB (cached, or built with Go) and downloads nothing", async () => {
    const { launchers, tried } = fakeLaunchers({ ferretDb: "/cache/ferretdb", download: "/cache/mongod" });
    expect(await chooseEngine(launchers, () => {})).toEqual({ kind: "ferretdb", binary: "/cache/ferretdb" });
    expect(tried).toEqual(["mongod on PATH", "FerretDB"]);
  });

  it("without mongod and without Go downloads MongoDB once (mongodb-memory-server)", async () => {
    const { launchers, tried } = fakeLaunchers({ download: "/cache/mongodb/mongod-7.0.14" });
    expect(await chooseEngine(launchers, () => {})).toEqual({ kind: "mongodb-download", binary: "/cache/mongodb/mongod-7.0.14" });
    expect(tried).toEqual(["mongod on PATH", "FerretDB", "download"]);
  });

  it("reports a FerretDB build that failed with Go present, instead of downloading something else", async () => {
    const { launchers, tried } = fakeLaunchers({ ferretDb: new Error("Building FerretDB v1.24.2 failed; see the go output above.") });
    await expect(chooseEngine(launchers, () => {})).rejects.toThrow(/Building FerretDB v1\.24\.2 failed/);
    expect(tried).toEqual(["mongod on PATH", "FerretDB"]);
  });

  it("when even the download fails, names the three ways out and why the download failed", async () => {
    const { launchers } = fakeLaunchers({ download: new Error("getaddrinfo ENOTFOUND fastdl.mongodb.org") });
    const error = (await chooseEngine(launchers, () => {}).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain("could not be downloaded (getaddrinfo ENOTFOUND fastdl.mongodb.org)");
    expect(error.message).toMatch(/MONGODB_URI=mongodb:\/\/127\.0\.0\.1:27017\/family_reach/);
    expect(error.message).toMatch(/install MongoDB, so that `mongod` is on PATH/);
    expect(error.message).toMatch(/install Go \(https:\/\/go\.dev\/dl\/\)/);
  });

  it("runs the downloaded mongod with its data in a folder that survives a restart (local mode's .local/db)", async () => {
    // The stand-in for the downloaded binary: FerretDB behind mongod's command line, so no download happens here.
    const folder = await mkdtemp(join(tmpdir(), "family-reach-download-"));
    try {
      const standIn = join(folder, "mongod");
      await writeFile(
        standIn,
        [
          "#!/bin/sh",
          'while [ $# -gt 0 ]; do case "$1" in --dbpath) dbpath=$2; shift 2;; --port) port=$2; shift 2;; --bind_ip) ip=$2; shift 2;; *) shift;; esac; done',
          `exec "${await ensureFerretDbBinary()}" --handler=sqlite --sqlite-url=file:$dbpath/ --state-dir=$dbpath --listen-addr=$ip:$port --telemetry=disable --debug-addr=- --log-level=error`,
        ].join("\n"),
      );
      await chmod(standIn, 0o755);
      const downloads: string[] = [];
      const launchers: Partial<DatabaseLaunchers> = {
        findMongod: () => undefined,
        ferretDb: () => Promise.reject(new GoNotFoundError()),
        downloadMongod: async () => (downloads.push("mongod"), standIn),
      };
      const dataDir = join(folder, "local-db");
      const start = () => startDatabaseServer({ dataDir, launchers, log: () => {} });

      const first = await start();
      expect(first.kind).toBe("mongodb-download");
      const uri = withDatabaseName(first.uri, "family_reach");
      const write = await mongoose.createConnection(uri).asPromise();
      await write.db!.collection("users").insertOne({ _id: "kept" } as never);
      await write.close();
      await first.stop();
      expect(await readdir(join(dataDir, "mongodb-download"))).not.toEqual([]);

      const second = await start();
      const read = await mongoose.createConnection(withDatabaseName(second.uri, "family_reach")).asPromise();
      expect(await read.db!.collection("users").countDocuments({ _id: "kept" } as never)).toBe(1);
      await read.close();
      await second.stop();
      expect(downloads).toEqual(["mongod", "mongod"]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 60_000);
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
