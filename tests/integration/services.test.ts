import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "mongoose";
import type { Clock } from "../../src/clock.js";
import { type Models } from "../../src/db/models/index.js";
import { buildActor } from "../../src/domain/roles.js";
import { createAuditTrail } from "../../src/services/audit.js";
import { createLeases } from "../../src/db/leases.js";
import { createTeamService } from "../../src/services/team.js";
import { createFieldCipher, parseEncryptionKey } from "../../src/security/fieldCipher.js";
import { openTestModels, type TestDatabase } from "../support/database.js";
import { storedActors } from "../support/storedActors.js";

let database: TestDatabase;
let connection: Connection;
let models: Models;
let now = new Date("2026-11-27T08:00:00Z");
const clock: Clock = { now: () => now };

beforeAll(async () => {
  ({ database, connection, models } = await openTestModels());
});
afterAll(async () => {
  await connection?.close();
  await database?.drop();
});

describe("leases", () => {
  it("are held by one holder until they expire", async () => {
    const leases = createLeases(models, clock);
    const results = await Promise.all(["a", "b", "c", "d"].map((holder) => leases.acquire("job:x", holder, 60_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = ["a", "b", "c", "d"][results.indexOf(true)]!;
    expect(await leases.acquire("job:x", winner, 60_000)).toBe(true);
    expect(await leases.acquire("job:x", "someone-else", 60_000)).toBe(false);
    now = new Date(now.getTime() + 61_000);
    expect(await leases.acquire("job:x", "someone-else", 60_000)).toBe(true);
    await leases.release("job:x", "someone-else");
    expect(await leases.acquire("job:x", winner, 60_000)).toBe(true);
  });
});

describe("invites", () => {
  const cipher = createFieldCipher(parseEncryptionKey("ef".repeat(32)));
  const coordinator = buildActor({ userId: 10, grants: [{ role: "coordinator", provinces: [] }], isAdmin: false });
  const volunteer = buildActor({ userId: 20, grants: [{ role: "volunteer", provinces: ["fars"] }], isAdmin: false });
  const admin = buildActor({ userId: 21, grants: [], isAdmin: true });
  const teamService = () => createTeamService(models, clock, createAuditTrail(models, clock, cipher), storedActors(coordinator, volunteer, admin), cipher);

  it("grant a role once, even when accepted from two devices at the same moment", async () => {
    const team = teamService();
    const created = await team.createInvite(coordinator, "volunteer", ["ardabil"]);
    if (!created.ok) throw new Error(created.error);
    const results = await Promise.all([11, 12, 13, 14].map((userId) => team.acceptInvite(userId, created.value.code)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? "" : r.error))).toEqual(["invite_used", "invite_used", "invite_used"]);
  });

  it("are refused to a volunteer and need provinces for volunteers", async () => {
    const team = teamService();
    expect(await team.createInvite(volunteer, "volunteer", ["fars"])).toEqual({ ok: false, error: "forbidden" });
    expect(await team.createInvite(admin, "volunteer", [])).toEqual({ ok: false, error: "provinces_required" });
  });

  it("trust only the roles stored now, not the roles an Actor claims", async () => {
    const team = teamService();
    const forged = buildActor({ userId: 20, grants: [{ role: "coordinator", provinces: [] }], isAdmin: false });
    expect(await team.createInvite(forged, "coordinator", [])).toEqual({ ok: false, error: "forbidden" });
    expect(await team.listMembers(forged)).toEqual({ ok: false, error: "forbidden" });
  });
});
