import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Connection } from "mongoose";
import type { Models } from "../../src/db/models/index.js";
import { parseCaseReference } from "../../src/domain/caseReference.js";
import type { CompleteRegistration } from "../../src/domain/registration/draft.js";
import { createFieldCipher, parseEncryptionKey } from "../../src/security/fieldCipher.js";
import type { CaseService } from "../../src/services/cases/caseService.js";
import { caseServiceWithoutOutbox } from "../support/caseServices.js";
import { openTestModels, type TestDatabase } from "../support/database.js";
import { sampleRegistration } from "../support/fixtures.js";
import { storedActors } from "../support/storedActors.js";

vi.mock("node:crypto", async (importOriginal) => {
  const original = await importOriginal<typeof import("node:crypto")>();
  return { ...original, randomInt: vi.fn(original.randomInt) };
});

let database: TestDatabase;
let connection: Connection;
let models: Models;
let cases: CaseService;
const now = new Date("2026-11-27T09:00:00Z");
const cipher = createFieldCipher(parseEncryptionKey("cd".repeat(32)));

const registration = (fullName: string): CompleteRegistration =>
  sampleRegistration({ fullName, familyProvince: "ardabil", relation: "sister", sex: "female", birthYear: 1968, leftYear: 1987 });

beforeAll(async () => {
  ({ database, connection, models } = await openTestModels());
  // Built as the app builds it: no source injected, so the production default is used.
  cases = caseServiceWithoutOutbox({ models, clock: { now: () => now }, cipher, actorNow: storedActors() });
});
afterAll(async () => {
  await connection?.close();
  await database?.drop();
});

describe("case references", () => {
  it("a sister in Ardabil registers her brothers and each case gets a reference drawn by node:crypto", async () => {
    vi.mocked(randomInt).mockClear();
    const first = await cases.register({ userId: 9101, locale: "fa", draft: registration("Kourosh Namdari"), consentAt: now });
    const second = await cases.register({ userId: 9101, locale: "fa", draft: registration("Siavash Namdari"), consentAt: new Date(now.getTime() + 60_000) });

    expect(vi.mocked(randomInt)).toHaveBeenCalledWith(100_000_000);
    expect(parseCaseReference(first.reference)).toBe(first.reference);
    expect(parseCaseReference(second.reference)).toBe(second.reference);
    expect(first.reference).not.toBe(second.reference);
    // The references stored are the numbers node:crypto drew.
    const drawn = vi.mocked(randomInt).mock.results.map((r) => String(r.value).padStart(8, "0"));
    expect(drawn).toEqual(expect.arrayContaining([first.reference.replace(/-/g, "").slice(0, 8), second.reference.replace(/-/g, "").slice(0, 8)]));
  });
});
