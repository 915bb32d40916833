import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "mongoose";
import type { Clock } from "../../src/clock.js";
import type { Models } from "../../src/db/models/index.js";
import { silentLogger } from "../../src/logger.js";
import { createInstanceHeartbeat, HEARTBEAT_TTL_MS, type InstanceHeartbeat } from "../../src/services/instanceHeartbeat.js";
import { createUpdateClaims } from "../../src/services/updateClaims.js";
import { openTestModels, type TestDatabase } from "../support/database.js";

let database: TestDatabase;
let connection: Connection;
let models: Models;
let now = new Date("2026-11-27T08:00:00Z");
const clock: Clock = { now: () => now };
const heartbeats: InstanceHeartbeat[] = [];

/** A bot process as the claims see it: its heartbeat, beating (no timer: the test moves the clock). */
async function process_(name: string): Promise<{ heartbeat: InstanceHeartbeat; claims: ReturnType<typeof createUpdateClaims> }> {
  const heartbeat = createInstanceHeartbeat(models, clock, silentLogger, { instanceId: name, intervalMs: 3_600_000 });
  await heartbeat.start();
  heartbeats.push(heartbeat);
  return { heartbeat, claims: createUpdateClaims(models, clock, heartbeat) };
}

beforeAll(async () => {
  ({ database, connection, models } = await openTestModels());
});
afterAll(async () => {
  for (const heartbeat of heartbeats) await heartbeat.stop().catch(() => undefined);
  await connection?.close();
  await database?.drop();
});

describe("update claims", () => {
  it("give an update to exactly one of many concurrent processes; once done it is a duplicate for all", async () => {
    const processes = await Promise.all(["p1", "p2", "p3", "p4"].map((name) => process_(name)));
    const outcomes = await Promise.all(processes.flatMap(({ claims }) => Array.from({ length: 10 }, () => claims.claim(123))));
    expect(outcomes.filter((o) => o === "handle")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "busy")).toHaveLength(39);
    const winner = processes[Math.floor(outcomes.indexOf("handle") / 10)]!;
    await winner.claims.complete(123);
    for (const { claims } of processes) expect(await claims.claim(123)).toBe("duplicate");
    expect(await models.processedUpdates.findById(123).lean()).toMatchObject({ owner: winner.heartbeat.instanceId });
    // Done is a row of its own, written by an insert (no lookup on the hot path).
    expect(await models.updateCompletions.exists({ _id: 123 })).toBeTruthy();
    expect(await winner.claims.isDone(123)).toBe(true);
  });

  it("leave an update alone while its live owner handles it, and take it over once that owner's heartbeat is stale", async () => {
    const killed = await process_("killed");
    const restarted = await process_("restarted");
    expect(await killed.claims.claim(200)).toBe("handle");
    // The restarted process sees it while the killed one still counts as alive: not handled, not confirmed.
    expect(await restarted.claims.claim(200)).toBe("busy");
    now = new Date(now.getTime() + HEARTBEAT_TTL_MS - 1);
    await restarted.heartbeat.start(); // the restarted process keeps beating; the killed one does not
    expect(await restarted.claims.claim(200)).toBe("busy");
    now = new Date(now.getTime() + 2);
    const third = await process_("third");
    const outcomes = await Promise.all([restarted.claims.claim(200), third.claims.claim(200)]);
    const owner = outcomes[0] === "handle" ? restarted : third;
    expect([...outcomes].sort()).toEqual(["busy", "handle"]);
    expect(await models.processedUpdates.findById(200).lean()).toMatchObject({ state: "processing", owner: owner.heartbeat.instanceId });
  });

  it("are taken over at once from a process that stopped gracefully, or from no known process", async () => {
    const stopping = await process_("stopping");
    const next = await process_("next");
    expect(await stopping.claims.claim(300)).toBe("handle");
    await stopping.heartbeat.stop();
    expect(await next.claims.claim(300)).toBe("handle");
    await models.processedUpdates.create({ _id: 301, state: "processing", claimedAt: now }); // a row from before owners
    expect(await next.claims.claim(301)).toBe("handle");
  });

  it("give back a claim released after a database failure, and let the same process take over its own leftover", async () => {
    const { claims } = await process_("self");
    expect(await claims.claim(400)).toBe("handle");
    expect(await claims.claim(400)).toBe("busy"); // still in flight here (a webhook retry arriving meanwhile)
    await claims.release(400);
    expect(await claims.claim(400)).toBe("handle");
    // A release that never reached the database leaves our own claim behind, no longer in flight.
    await models.processedUpdates.updateOne({ _id: 401 }, { $set: { state: "processing", owner: "self", claimedAt: now } }, { upsert: true });
    expect(await claims.claim(401)).toBe("handle");
  });

  it("are purged by age", async () => {
    const { claims } = await process_("purger");
    await claims.claim(500);
    await claims.complete(500);
    await claims.claim(501);
    expect(await claims.purgeOlderThan(new Date(now.getTime() + 1))).toBeGreaterThanOrEqual(2);
    // Claims and completions alike.
    expect(await models.processedUpdates.countDocuments({ _id: { $in: [500, 501] } })).toBe(0);
    expect(await models.updateCompletions.countDocuments({ _id: 500 })).toBe(0);
  });
});
