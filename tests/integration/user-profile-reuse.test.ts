// A family's profile is reused by `touch` for a minute (on FerretDB every read of `users` scans
// them all); staff profiles never are, and every change made through the services forgets it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "mongoose";
import type { Clock } from "../../src/clock.js";
import type { Models } from "../../src/db/models/index.js";
import { createFieldCipher, parseEncryptionKey } from "../../src/security/fieldCipher.js";
import { createUserService, type UserService } from "../../src/services/users.js";
import { openTestModels, type TestDatabase } from "../support/database.js";

let database: TestDatabase;
let connection: Connection;
let models: Models;
let users: UserService;
let now = new Date("2026-11-28T07:00:00Z");
const clock: Clock = { now: () => now };
const cipher = createFieldCipher(parseEncryptionKey("9a".repeat(32)));
const later = (ms: number) => (now = new Date(now.getTime() + ms));

beforeAll(async () => {
  ({ database, connection, models } = await openTestModels());
  users = createUserService(models, clock, [4_000_001], cipher);
});
afterAll(async () => {
  await connection?.close();
  await database?.drop();
});

describe("a family's profile", () => {
  it("is read from the database once a minute, not at every update", async () => {
    const mother = 4_000_010;
    expect((await users.touch(mother)).locale).toBeUndefined();
    // Changed behind this process's back (another process): not seen within the minute…
    await models.users.updateOne({ _id: cipher.userRef(mother) }, { $set: { locale: "fa" } }).exec();
    later(30_000);
    expect((await users.touch(mother)).locale).toBeUndefined();
    // …and seen after it, when last seen is written again.
    later(31_000);
    expect((await users.touch(mother)).locale).toBe("fa");
    expect((await models.users.findById(cipher.userRef(mother)).lean().exec())?.lastSeenAt).toEqual(now);
  });

  it("is forgotten when this process changes it: a language, a mark of unreachable (also by pseudonym), an erasure", async () => {
    const father = 4_000_011;
    await users.touch(father);
    await users.setLocale(father, "en");
    expect((await users.touch(father)).locale).toBe("en");

    await users.markManyUnreachable([cipher.userRef(father)]);
    later(1_000);
    await users.touch(father);
    // He wrote again: reachable again at once, not a minute later.
    expect((await models.users.findById(cipher.userRef(father)).lean().exec())?.unreachableSince).toBeNull();

    await models.users.deleteOne({ _id: cipher.userRef(father) }).exec();
    users.forgetCached(father);
    await users.touch(father);
    expect(await models.users.exists({ _id: cipher.userRef(father) })).toBeTruthy();
  });
});

describe("a team member's profile", () => {
  it("is read at every update: a revoked role is gone at the next one", async () => {
    const volunteer = 4_000_020;
    await models.users.create({ _id: cipher.userRef(volunteer), roles: [{ role: "volunteer", provinces: ["fars"], grantedBy: "tg:x", grantedAt: now }], firstSeenAt: now, lastSeenAt: now });
    expect((await users.touch(volunteer)).actor.roles).toContain("volunteer");
    await models.users.updateOne({ _id: cipher.userRef(volunteer) }, { $set: { roles: [] } }).exec();
    expect((await users.touch(volunteer)).actor.roles).not.toContain("volunteer");
  });

  it("is never reused for an admin by configuration", async () => {
    const admin = 4_000_001;
    await users.touch(admin);
    await models.users.updateOne({ _id: cipher.userRef(admin) }, { $set: { locale: "sq" } }).exec();
    expect((await users.touch(admin)).locale).toBe("sq");
  });
});
