import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "mongoose";
import type { Clock } from "../../src/clock.js";
import { type Models } from "../../src/db/models/index.js";
import type { CompleteRegistration } from "../../src/domain/registration/draft.js";
import { buildActor } from "../../src/domain/roles.js";
import { createFieldCipher, parseEncryptionKey } from "../../src/security/fieldCipher.js";
import type { CaseService } from "../../src/services/cases/caseService.js";
import { caseServiceWithoutOutbox } from "../support/caseServices.js";
import { openTestModels, type TestDatabase } from "../support/database.js";
import { sampleRegistration } from "../support/fixtures.js";
import { storedActors } from "../support/storedActors.js";

let database: TestDatabase;
let connection: Connection;
let models: Models;
let cases: CaseService;
const now = new Date("2026-11-27T09:00:00Z");
const clock: Clock = { now: () => now };
const COORDINATOR_ID = 9001;
const coordinator = buildActor({ userId: COORDINATOR_ID, grants: [{ role: "coordinator", provinces: [] }], isAdmin: false });
const cipher = createFieldCipher(parseEncryptionKey("cd".repeat(32)));

const registration = (extra: Partial<CompleteRegistration>): CompleteRegistration =>
  sampleRegistration({ fullName: "Behrouz Tavakoli", familyProvince: "ardabil", birthYear: 1963, leftYear: 1983, lastContactMethod: "letter", ...extra });

beforeAll(async () => {
  ({ database, connection, models } = await openTestModels());
  cases = caseServiceWithoutOutbox({ models, clock, cipher, actorNow: storedActors(coordinator) });
});
afterAll(async () => {
  await connection?.close();
  await database?.drop();
});

describe("two families' cases merged into one: each family's own answers stay its own", () => {
  const MOTHER = 8101;
  const BROTHER = 8102;
  let mothersCase: { caseId: string; reference: string };
  let brothersCase: { caseId: string; reference: string };

  it("a coordinator confirms the brother's registration is the mother's son", async () => {
    mothersCase = await cases.register({
      userId: MOTHER,
      locale: "fa",
      draft: registration({ fullName: "بهروز توکلی", otherNames: "بهی", leftPlace: "Ardabil bus station", notes: "mother's secret note" }),
      consentAt: now,
    });
    brothersCase = await cases.register({
      userId: BROTHER,
      locale: "en",
      draft: registration({ relation: "brother", fullName: "Behrouz Tavakoli", otherNames: "Behi T.", leftPlace: "Tabriz", photoFileId: "brother-photo-file", notes: "brother's private note" }),
      consentAt: now,
    });
    const merged = await cases.confirmDuplicate(coordinator, brothersCase.caseId, mothersCase.caseId);
    expect(merged).toEqual({ ok: true, value: { movedFamilies: 1 } });
  });

  it("both follow one case and its status, but each sees only the answers they gave", async () => {
    const brotherCases = await cases.listForFamily(BROTHER);
    expect(brotherCases).toEqual([expect.objectContaining({ caseId: mothersCase.caseId, reference: mothersCase.reference, fullName: "Behrouz Tavakoli" })]);
    const brotherView = await cases.getForFamily(BROTHER, mothersCase.caseId);
    expect(brotherView?.draft).toMatchObject({ otherNames: "Behi T.", leftPlace: "Tabriz", photoFileId: "brother-photo-file", notes: "brother's private note" });
    expect(JSON.stringify(brotherView)).not.toContain("secret");
    expect(JSON.stringify(brotherView)).not.toContain("بهروز");

    const motherView = await cases.getForFamily(MOTHER, mothersCase.caseId);
    expect(motherView?.draft).toMatchObject({ fullName: "بهروز توکلی", otherNames: "بهی", leftPlace: "Ardabil bus station", notes: "mother's secret note", photoFileId: null });
    expect(JSON.stringify(motherView)).not.toContain("brother");
  });

  it("the brother's edit changes his answers, never the mother's", async () => {
    const before = await cases.getForFamily(BROTHER, mothersCase.caseId);
    const edited = await cases.updateForFamily(BROTHER, mothersCase.caseId, { ...(before!.draft as CompleteRegistration), notes: "brother's new note", leftPlace: "Tabriz airport" });
    expect(edited).toEqual({ ok: true, value: null });
    const motherView = await cases.getForFamily(MOTHER, mothersCase.caseId);
    expect(motherView?.draft).toMatchObject({ notes: "mother's secret note", leftPlace: "Ardabil bus station", otherNames: "بهی" });
    expect((await cases.getForFamily(BROTHER, mothersCase.caseId))?.draft).toMatchObject({ notes: "brother's new note", leftPlace: "Tabriz airport" });
  });

  it("when the mother withdraws, her answers are erased and the brother's answers become the case's", async () => {
    expect(await cases.withdraw(MOTHER, mothersCase.caseId)).toMatchObject({ ok: true });
    const raw = await connection.db!.collection("cases").find({}).toArray();
    const decrypted = raw.map((doc) => {
      const relative = (doc.relative ?? {}) as Record<string, unknown>;
      return Object.values(relative).map((v) => (typeof v === "string" && v.startsWith("v2:") ? cipher.decrypt(v) : String(v))).join(" ");
    });
    expect(decrypted.join(" ")).not.toContain("secret");
    expect(decrypted.join(" ")).not.toContain("Ardabil bus station");
    expect(decrypted.join(" ")).not.toContain("بهروز");
    const brotherView = await cases.getForFamily(BROTHER, mothersCase.caseId);
    expect(brotherView?.draft).toMatchObject({ fullName: "Behrouz Tavakoli", notes: "brother's new note", leftPlace: "Tabriz airport", photoFileId: "brother-photo-file" });
    const staff = await cases.findForStaff(coordinator, mothersCase.reference);
    expect(staff.ok && staff.value.fullName).toBe("Behrouz Tavakoli");
  });

  it("a new registration of the same person is matched with the followed case, not the merged record", async () => {
    const third = await cases.register({ userId: 8103, locale: "en", draft: registration({ relation: "sister" }), consentAt: now });
    const record = await models.cases.findOne({ reference: third.reference }).lean();
    expect(record?.possibleDuplicates.map((d) => d.reference)).toEqual([mothersCase.reference]);
  });
});
