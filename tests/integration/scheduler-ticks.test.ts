// Several bot processes share one database, and every process's cron fires every tick: each job
// must still run once per tick (issue #13, two webhook processes).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../src/clock.js";
import type { Models } from "../../src/db/models/index.js";
import { silentLogger } from "../../src/logger.js";
import { startScheduler, type Scheduler } from "../../src/scheduler/index.js";
import { openTestModels, type TestModels } from "../support/database.js";

let world: TestModels;
let models: Models;
beforeAll(async () => {
  world = await openTestModels();
  models = world.models;
});
afterAll(async () => {
  await world.connection.close();
  await world.database.drop();
});

/** Two "processes": each with its own scheduler over the same database, counting the runs of one job. */
function twoProcesses(job: string, runs: Date[]): [Scheduler, Scheduler] {
  // A cron expression that does not fire by itself during the test (1 January): ticks are given by hand.
  const instance = () => startScheduler({ jobs: [{ name: job, cron: "0 0 1 1 *", run: async (now) => void runs.push(now) }], models, clock: systemClock, log: silentLogger, timezone: "UTC" });
  return [instance(), instance()];
}

describe("a scheduled job with two bot processes", () => {
  it("runs once per tick when the second process's tick fires after the first run has already finished", async () => {
    const runs: Date[] = [];
    const [a, b] = twoProcesses("quick-job", runs);
    try {
      const tick = new Date("2026-11-28T05:40:00.000Z");
      expect(await a.runTick("quick-job", tick)).toBe(true);
      // The lease of the first run is already given back: only the tick's claim stops the second.
      expect(await models.leases.countDocuments({ _id: "job:quick-job" })).toBe(0);
      expect(await b.runTick("quick-job", new Date(tick.getTime() + 1_500))).toBe(false);
      expect(runs).toHaveLength(1);

      // The next minute is a new tick: whichever process fires first runs it.
      expect(await b.runTick("quick-job", new Date(tick.getTime() + 60_000))).toBe(true);
      expect(await a.runTick("quick-job", new Date(tick.getTime() + 60_000))).toBe(false);
      expect(runs).toHaveLength(2);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it("runs once when both processes fire the same tick at the same moment", async () => {
    const runs: Date[] = [];
    const [a, b] = twoProcesses("raced-job", runs);
    try {
      const tick = new Date("2026-11-28T06:00:00.000Z");
      const ran = await Promise.all([a.runTick("raced-job", tick), b.runTick("raced-job", tick)]);
      expect(ran.filter(Boolean)).toHaveLength(1);
      expect(runs).toHaveLength(1);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it("forgets ticks long past, so the leases collection does not grow with every minute", async () => {
    const runs: Date[] = [];
    const [a, b] = twoProcesses("hourly-job", runs);
    try {
      const first = new Date("2026-11-28T07:00:00.000Z");
      for (let hour = 0; hour < 5; hour++) expect(await (hour % 2 === 0 ? a : b).runTick("hourly-job", new Date(first.getTime() + hour * 3_600_000))).toBe(true);
      expect(runs).toHaveLength(5);
      const rows = await models.leases.find({ _id: /^tick:hourly-job:/ }).lean();
      expect(rows.map((row) => row._id)).toEqual(["tick:hourly-job:2026-11-28T11:00:00.000Z"]);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
