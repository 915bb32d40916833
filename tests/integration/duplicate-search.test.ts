// The duplicate search at a registration's save: a crowd of cases sharing a common pair of words
// does not hide the real duplicate, and cases saved before its keys existed get them from the
// scheduled upgrade, and are then found again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "mongoose";
import type { Clock } from "../../src/clock.js";
import { type Models } from "../../src/db/models/index.js";
import { nameSearchKeys } from "../../src/domain/personName.js";
import type { CompleteRegistration } from "../../src/domain/registration/draft.js";
import { buildActor } from "../../src/domain/roles.js";
import { createFieldCipher, parseEncryptionKey } from "../../src/security/fieldCipher.js";
import { APP_META_COLLECTION } from "../../src/security/keyCheck.js";
import type { CaseService } from "../../src/services/cases/caseService.js";
import { caseServiceWithoutOutbox } from "../support/caseServices.js";
import { createNameKeysUpgrade, NAME_KEYS_VERSION } from "../../src/services/cases/nameKeysUpgrade.js";
import { openTestModels, type TestDatabase } from "../support/database.js";
import { sampleRegistration } from "../support/fixtures.js";
import { storedActors } from "../support/storedActors.js";

let database: TestDatabase;
let connection: Connection;
let models: Models;
let cases: CaseService;
let now = new Date("2026-11-27T09:00:00Z");
const clock: Clock = { now: () => now };
const cipher = createFieldCipher(parseEncryptionKey("ef".repeat(32)));
const coordinator = buildActor({ userId: 9001, grants: [{ role: "coordinator", provinces: [] }], isAdmin: false });

const registration = (fullName: string, birthYear = 1962): CompleteRegistration => sampleRegistration({ fullName, familyProvince: "fars", birthYear, lastContactMethod: "letter" });

beforeAll(async () => {
  ({ database, connection, models } = await openTestModels());
  cases = caseServiceWithoutOutbox({ models, clock, cipher, actorNow: storedActors(coordinator) });
});
afterAll(async () => {
  await connection?.close();
  await database?.drop();
});

/** The name keys as the code before version 2 stored them: a word's, the whole name's. */
const tokensBeforeUpgrade = (fullName: string) => nameSearchKeys(fullName).map((key) => cipher.searchToken(key));

describe("the name keys of cases stored before the duplicate search's keys", () => {
  it("a case stored with the old keys is not found as a duplicate until the upgrade rewrites them; then it is", async () => {
    const upgrade = createNameKeysUpgrade({ models, cipher });
    // A case from before: only the old keys, and no progress recorded yet.
    const old = await cases.register({ userId: 7001, locale: "fa", draft: registration("Gholamreza Jafari"), consentAt: now });
    await models.cases.updateOne({ reference: old.reference }, { $set: { nameTokens: tokensBeforeUpgrade("Gholamreza Jafari") } }).exec();
    await models.cases.db.collection(APP_META_COLLECTION).deleteOne({ _id: "case-name-keys" as never });

    now = new Date(now.getTime() + 60_000);
    // Spelled "Golamreza": the same person (compareNames), but not the same whole name's key.
    const before = await cases.register({ userId: 7002, locale: "fa", draft: registration("Golamreza Jafari"), consentAt: now });
    expect(before.possibleDuplicate).toBe(false);

    const run = await upgrade.runBatch();
    expect(run.done).toBe(true);
    expect(run.rewritten).toBeGreaterThanOrEqual(1);
    const progress = await models.cases.db.collection(APP_META_COLLECTION).findOne({ _id: "case-name-keys" as never });
    expect(progress?.version).toBe(NAME_KEYS_VERSION);
    // Its /find keys are still there, beside the new ones.
    const upgraded = await models.cases.findOne({ reference: old.reference }).lean().exec();
    expect(upgraded!.nameTokens).toEqual(expect.arrayContaining(tokensBeforeUpgrade("Gholamreza Jafari")));
    expect(upgraded!.nameTokens.length).toBeGreaterThan(tokensBeforeUpgrade("Gholamreza Jafari").length);

    now = new Date(now.getTime() + 60_000);
    const after = await cases.register({ userId: 7003, locale: "fa", draft: registration("Golamreza Jafari"), consentAt: now });
    expect(after.possibleDuplicate).toBe(true);
    const stored = await models.cases.findOne({ reference: after.reference }).lean().exec();
    expect(stored!.possibleDuplicates.map((d) => d.reference)).toEqual(expect.arrayContaining([old.reference, before.reference]));

    // Done: a later run reads its progress and nothing else.
    expect(await upgrade.runBatch()).toEqual({ rewritten: 0, done: true });
  });

  it("a case edited while the upgrade reads it keeps what the edit wrote", async () => {
    const upgrade = createNameKeysUpgrade({ models, cipher });
    const edited = await cases.register({ userId: 7004, locale: "fa", draft: registration("Parvin Ghorbani"), consentAt: now });
    await models.cases.db.collection(APP_META_COLLECTION).deleteOne({ _id: "case-name-keys" as never });
    // The upgrade read it, then the family's edit wrote (new names, new updatedAt) before the upgrade's write.
    const original = models.casesToRead.find.bind(models.casesToRead);
    let editedMeanwhile = false;
    const spy = (...args: Parameters<typeof original>) => {
      const query = original(...args);
      const exec = query.exec.bind(query);
      query.exec = (async () => {
        const found = await exec();
        if (!editedMeanwhile) {
          editedMeanwhile = true;
          await models.cases.updateOne({ reference: edited.reference }, { $set: { nameTokens: ["edited"], updatedAt: new Date(now.getTime() + 1) } }).exec();
        }
        return found;
      }) as typeof query.exec;
      return query;
    };
    models.casesToRead.find = spy as typeof models.casesToRead.find;
    try {
      await upgrade.runBatch();
    } finally {
      models.casesToRead.find = original;
    }
    expect(editedMeanwhile).toBe(true);
    expect((await models.cases.findOne({ reference: edited.reference }).lean().exec())!.nameTokens).toEqual(["edited"]);
  });
});

describe("a crowd sharing a common name", () => {
  it("60 cases of another Ali Karimi (born decades apart) do not hide the Ali Karimi Barfar registered after them", async () => {
    for (let i = 0; i < 60; i++) await cases.register({ userId: 7100 + i, locale: "fa", draft: registration("Ali Karimi", 1920), consentAt: now });
    const brother = await cases.register({ userId: 7200, locale: "fa", draft: registration("Ali Karimi Barfar"), consentAt: now });
    // His sister writes the words in another order: only pairs of words meet, the crowd's among them.
    const sister = await cases.register({ userId: 7201, locale: "fa", draft: registration("Karimi Ali Barfar"), consentAt: now });
    const stored = await models.cases.findOne({ reference: sister.reference }).lean().exec();
    expect(stored!.possibleDuplicates.map((d) => d.reference)).toContain(brother.reference);
  }, 30_000);
});
