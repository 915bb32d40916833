import { createCipheriv, createHmac, randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import mongoose, { type Connection } from "mongoose";
import type { Models } from "../../src/db/models/index.js";
import { startApp } from "../../src/app.js";
import { silentLogger } from "../../src/logger.js";
import { createFieldCipher, ENCRYPTED_VALUE_PATTERN, USER_REF_PATTERN } from "../../src/security/fieldCipher.js";
import { APP_META_COLLECTION, EncryptionKeyError, KEY_CHECK_ID, verifyEncryptionKey } from "../../src/security/keyCheck.js";
import { BotStillRunningError, rotateDatabaseKey } from "../../src/security/keyRotation.js";
import { forEachString, listDataCollections, type Database } from "../../src/security/storedValues.js";
import { nameTokensOf } from "../../src/services/cases/caseRecordMapping.js";
import { createTestDatabase, openTestModels, type TestDatabase } from "../support/database.js";

const keyA = Buffer.alloc(32, 0xa1);
const keyB = Buffer.alloc(32, 0xb2);
const keyC = Buffer.alloc(32, 0xc3);
/** Key A writes; then the operator rotates to B, reading A; afterwards only B is configured. */
const underA = createFieldCipher(keyA);
const rotatingToB = createFieldCipher(keyB, [keyA]);
const onlyB = createFieldCipher(keyB);
const now = new Date("2026-12-01T08:00:00Z");

const mother = 7_770_000_101;
const volunteer = 7_770_000_202;
const coordinator = 7_770_000_303;

let database: TestDatabase;
let connection: Connection;
let models: Models;
let db: Database;

beforeEach(async () => {
  ({ database, connection, models } = await openTestModels());
  db = connection.db!;
});
afterEach(async () => {
  await connection.close();
  await database.drop();
});

/** A value as the cipher wrote it before key ids existed (`v1:`), under the given key. */
function legacyV1(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const aes = createCipheriv("aes-256-gcm", createHmac("sha256", key).update("field-encryption").digest(), iv);
  const body = Buffer.concat([aes.update(plain, "utf8"), aes.final()]);
  return `v1:${Buffer.concat([iv, aes.getAuthTag(), body]).toString("base64")}`;
}

/** Every collection, every document, every string: what a copy of the database holds. */
async function allStrings(): Promise<string[]> {
  const strings: string[] = [];
  for (const name of await listDataCollections(db)) {
    forEachString(await db.collection(name).find({}).toArray(), (text) => strings.push(text));
  }
  return strings;
}

async function dump(): Promise<string> {
  const parts: string[] = [];
  for (const name of await listDataCollections(db)) parts.push(name, JSON.stringify(await db.collection(name).find({}).sort({ _id: 1 }).toArray()));
  return parts.join("\n");
}

/** A family's data as the bot writes it under key A, in the app's collections and a new one. */
async function writeFamilyUnderA(): Promise<void> {
  await verifyEncryptionKey(db, underA, { now, accept: "current-key" });
  await db.collection<{ _id: string } & Record<string, unknown>>("users").insertMany([
    { _id: underA.userRef(mother), locale: "fa", roles: [], firstSeenAt: now, lastSeenAt: now },
    { _id: underA.userRef(volunteer), locale: "sq", roles: [{ role: "volunteer", provinces: ["ardabil"], grantedBy: underA.userRef(coordinator), grantedAt: now }], firstSeenAt: now, lastSeenAt: now },
  ]);
  await models.cases.collection.insertOne({
    reference: "1234-5678-9",
    status: "registered",
    relative: { fullNameEnc: underA.encrypt("Amir Hasanzadeh"), otherNamesEnc: underA.encrypt("امیر حسن‌زاده"), sex: "male", birthYear: 1965, notesEnc: legacyV1(keyA, "a scar on the left hand") },
    nameTokens: nameTokensOf("Amir Hasanzadeh", "امیر حسن‌زاده", underA),
    province: "ardabil",
    registeredBy: underA.userRef(mother),
    possibleDuplicates: [],
    duplicateReview: "none",
    createdAt: now,
    updatedAt: now,
  });
  const registered = await models.cases.collection.findOne({ reference: "1234-5678-9" });
  await models.caseLinks.collection.insertOne({ caseId: registered!._id, userId: underA.userRef(mother), relation: "mother", phoneEnc: underA.encrypt("+989121234567"), createdAt: now });
  // Conversation state: encrypted JSON is one value; the key embeds the pseudonym.
  await db.collection("conversations").insertOne({ key: `conv:${underA.userRef(mother)}`, state: underA.encrypt(JSON.stringify({ registration: { fullName: "Amir" } })), updatedAt: now });
  // A collection no model knows yet, with nested values, a plain JSON text and driver types.
  await db.collection("future_feature").insertOne({
    kind: "note",
    nested: { list: [{ who: underA.userRef(volunteer), textEnc: underA.encrypt("nested letter") }, 5, null], when: now, objectId: new mongoose.Types.ObjectId() },
    payload: JSON.stringify({ recipient: underA.userRef(coordinator), count: 3 }),
    plain: "Manëz, near Durrës",
  });
}

describe("the key check value", () => {
  it("is stored at first start and lets only the key that wrote it start the bot", async () => {
    const first = await verifyEncryptionKey(db, underA, { now, accept: "current-key" });
    expect(first).toEqual({ storedKeyId: underA.keyId, created: true });
    const stored = await db.collection<{ _id: string; keyId: string; check: string }>(APP_META_COLLECTION).findOne({ _id: KEY_CHECK_ID });
    expect(stored?.keyId).toBe(underA.keyId);
    expect(stored?.check).toMatch(new RegExp(`^v2:${underA.keyId}:`));

    expect(await verifyEncryptionKey(db, createFieldCipher(keyA), { now, accept: "current-key" })).toEqual({ storedKeyId: underA.keyId, created: false });
    const wrong = await verifyEncryptionKey(db, onlyB, { now, accept: "current-key" }).catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(EncryptionKeyError);
    expect((wrong as EncryptionKeyError).problem).toBe("wrong-key");
    expect((wrong as Error).message).toContain(`does not match the key this database was written with (key id ${underA.keyId})`);
    expect((wrong as Error).message).toContain("DATA_ENCRYPTION_OLD_KEYS");
    // Mid-rotation (new key, old key readable): the bot waits for npm run rotate-key, the command may go on.
    const pending = await verifyEncryptionKey(db, rotatingToB, { now, accept: "current-key" }).catch((error: unknown) => error);
    expect((pending as EncryptionKeyError).problem).toBe("rotation-pending");
    expect((pending as Error).message).toContain("npm run rotate-key");
    expect(await verifyEncryptionKey(db, rotatingToB, { now, accept: "any-key-of-ring" })).toEqual({ storedKeyId: underA.keyId, created: false });
  });

  it("on a database from before check values, reads a stored value before trusting the key", async () => {
    await db.collection("cases").insertOne({ reference: "1111-2222-3", relative: { fullNameEnc: underA.encrypt("Reza") } });
    await expect(verifyEncryptionKey(db, onlyB, { now, accept: "current-key" })).rejects.toMatchObject({ problem: "wrong-key", storedKeyId: underA.keyId });
    expect(await db.collection(APP_META_COLLECTION).countDocuments()).toBe(0);
    expect(await verifyEncryptionKey(db, underA, { now, accept: "current-key" })).toEqual({ storedKeyId: underA.keyId, created: true });
  });

  it("makes startApp refuse a wrong key with a typed error before it creates or writes anything", async () => {
    const fresh = await createTestDatabase(); // nothing in it yet
    const raw = await mongoose.createConnection(fresh.uri).asPromise();
    try {
      await verifyEncryptionKey(raw.db!, underA, { now, accept: "current-key" });
      const config = {
        PORT: 0,
        ADMIN_IDS: [],
        DEFAULT_LOCALE: "fa" as const,
        TZ_DEFAULT: "Asia/Tehran",
        botToken: "123456:not-used-the-key-check-comes-first",
        apiRoot: "http://127.0.0.1:9",
        mongoUri: fresh.uri,
      };
      await expect(startApp({ ...config, dataEncryptionKey: keyB.toString("base64") }, silentLogger)).rejects.toBeInstanceOf(EncryptionKeyError);
      await expect(startApp({ ...config, dataEncryptionKey: keyB.toString("base64"), dataEncryptionOldKeys: [keyA.toString("hex")] }, silentLogger)).rejects.toMatchObject({
        problem: "rotation-pending",
      });
      expect(await listDataCollections(raw.db!)).toEqual([APP_META_COLLECTION]);
      expect(await raw.db!.collection(APP_META_COLLECTION).find({}).toArray()).toEqual([expect.objectContaining({ _id: KEY_CHECK_ID, keyId: underA.keyId })]);
    } finally {
      await raw.close();
      await fresh.drop();
    }
  });
});

describe("npm run rotate-key", () => {
  it("moves everything key A wrote to key B, and afterwards key B alone finds families by pseudonym and names by token", async () => {
    await writeFamilyUnderA();
    const before = await allStrings();
    expect(before.some((s) => s.includes(`:${underA.keyId}:`))).toBe(true);

    const report = await rotateDatabaseKey(db, rotatingToB, { now });
    expect(report.finished).toBe(true);
    const row = (name: string) => report.collections.find((c) => c.collection === name)!;
    expect(row("users")).toMatchObject({ documents: 2, movedIds: 2, userRefs: 3, unreadable: 0, conflicts: 0 });
    expect(row("cases")).toMatchObject({ documents: 1, rewritten: 1, encryptedValues: 3, userRefs: 1, searchTokens: 1 });
    expect(row(models.caseLinks.collection.collectionName)).toMatchObject({ encryptedValues: 1, userRefs: 1 });
    expect(row("conversations")).toMatchObject({ encryptedValues: 1, userRefs: 1 });
    expect(row("future_feature")).toMatchObject({ documents: 1, encryptedValues: 1, userRefs: 2 });

    // Only key B from now on: the bot starts, and every lookup it makes finds the family.
    expect(await verifyEncryptionKey(db, onlyB, { now, accept: "current-key" })).toEqual({ storedKeyId: onlyB.keyId, created: false });
    const users = db.collection<{ _id: string; locale: string; roles: { grantedBy: string }[] }>("users");
    expect(await users.countDocuments()).toBe(2);
    expect((await users.findOne({ _id: onlyB.userRef(mother) }))?.locale).toBe("fa");
    expect((await users.findOne({ _id: onlyB.userRef(volunteer) }))?.roles[0]?.grantedBy).toBe(onlyB.userRef(coordinator));

    const found = await models.cases.find({ nameTokens: { $in: nameTokensOf("amir hasanzadeh", null, onlyB) } }).lean().exec();
    expect(found).toHaveLength(1);
    const relative = found[0]!.relative;
    expect([onlyB.decrypt(relative.fullNameEnc!), onlyB.decrypt(relative.otherNamesEnc!), onlyB.decrypt(relative.notesEnc!)]).toEqual([
      "Amir Hasanzadeh",
      "امیر حسن‌زاده",
      "a scar on the left hand",
    ]);
    expect(found[0]!.nameTokens).toEqual(nameTokensOf("Amir Hasanzadeh", "امیر حسن‌زاده", onlyB));
    expect(await models.cases.collection.countDocuments({ registeredBy: onlyB.userRef(mother) })).toBe(1);

    const link = await models.caseLinks.collection.findOne({ userId: onlyB.userRef(mother) });
    expect(onlyB.decrypt(link!.phoneEnc as string)).toBe("+989121234567");
    const conversation = await db.collection("conversations").findOne({ key: `conv:${onlyB.userRef(mother)}` });
    expect(JSON.parse(onlyB.decrypt(conversation!.state as string))).toEqual({ registration: { fullName: "Amir" } });

    const future = await db.collection("future_feature").findOne({ kind: "note" });
    expect(future!.nested.list[0].who).toBe(onlyB.userRef(volunteer));
    expect(onlyB.decrypt(future!.nested.list[0].textEnc)).toBe("nested letter");
    expect(future!.nested.list.slice(1)).toEqual([5, null]);
    expect(future!.nested.when).toEqual(now);
    expect(future!.nested.objectId).toBeInstanceOf(mongoose.mongo.ObjectId);
    expect(JSON.parse(future!.payload)).toEqual({ recipient: onlyB.userRef(coordinator), count: 3 });
    expect(future!.plain).toBe("Manëz, near Durrës");

    // No value carries key A's id (nor the id-less v1 format) any more; key B alone reads every one.
    const after = await allStrings();
    expect(after.filter((s) => s.includes(underA.keyId))).toEqual([]);
    for (const text of after) {
      if (ENCRYPTED_VALUE_PATTERN.test(text)) expect(onlyB.decrypt(text)).toBeTypeOf("string");
      if (USER_REF_PATTERN.test(text)) expect(onlyB.telegramIdOf(text)).toBeTypeOf("number");
    }
    expect(after.filter((s) => s.startsWith("v1:"))).toEqual([]);
  });

  it("is harmless to run again: nothing is rewritten the second time", async () => {
    await writeFamilyUnderA();
    await rotateDatabaseKey(db, rotatingToB, { now });
    const once = await dump();
    const again = await rotateDatabaseKey(db, rotatingToB, { now });
    expect(again.finished).toBe(true);
    expect(again.collections.filter((c) => c.rewritten > 0 || c.encryptedValues > 0 || c.userRefs > 0 || c.searchTokens > 0)).toEqual([]);
    expect(await dump()).toBe(once);
  });

  it("finishes a run that stopped between inserting a user's re-keyed row and deleting the old one", async () => {
    await verifyEncryptionKey(db, underA, { now, accept: "current-key" });
    const users = db.collection<{ _id: string; locale: string }>("users");
    await users.insertOne({ _id: underA.userRef(mother), locale: "fa" });
    await users.insertOne({ _id: onlyB.userRef(mother), locale: "fa" }); // the interrupted run's insert

    const report = await rotateDatabaseKey(db, rotatingToB, { now });
    expect(report.collections.find((c) => c.collection === "users")).toMatchObject({ movedIds: 1, conflicts: 0 });
    expect(await users.find({}).toArray()).toEqual([{ _id: onlyB.userRef(mother), locale: "fa" }]);
  });

  it("refuses keys that do not read the database, and a bot that is still running, before writing anything", async () => {
    await writeFamilyUnderA();
    const before = await dump();
    await expect(rotateDatabaseKey(db, createFieldCipher(keyB, [keyC]), { now })).rejects.toMatchObject({ problem: "wrong-key", storedKeyId: underA.keyId });
    expect(await dump()).toBe(before);

    // A bot process's heartbeat lease, fresh: the rotation waits for the bot to stop.
    await db.collection<{ _id: string; holder: string; until: Date }>("leases").insertOne({ _id: "instance:host:1:abc", holder: "host:1:abc", until: new Date(now.getTime() + 5_000) });
    const withLease = await dump();
    await expect(rotateDatabaseKey(db, rotatingToB, { now })).rejects.toBeInstanceOf(BotStillRunningError);
    expect(await dump()).toBe(withLease);
  });
});
