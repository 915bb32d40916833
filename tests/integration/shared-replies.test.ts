// Telegram's sending cap is per bot, not per process: with several bot processes, the one that sends
// the outbox must leave room for the replies the others send (README "Scaling").
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../src/clock.js";
import type { Models } from "../../src/db/models/index.js";
import { createSendBudget, type SendBudget } from "../../src/delivery/sendBudget.js";
import { startSharedReplies, type SharedReplies } from "../../src/delivery/sharedReplies.js";
import { silentLogger } from "../../src/logger.js";
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

/** A process: its budget (time stands still, so nothing refills) and its sharing, ticked by hand. */
function botProcess(instanceId: string, dispatcher: () => boolean): { budget: SendBudget; sharing: SharedReplies; reply(times: number): void } {
  const budget = createSendBudget({ perSecond: 30, burst: 6, now: () => 0 });
  const sharing = startSharedReplies({ models, clock: systemClock, log: silentLogger, budget, instanceId, isDispatcher: dispatcher, intervalMs: 0 });
  return {
    budget,
    sharing,
    reply(times) {
      for (let i = 0; i < times; i++) budget.spend();
    },
  };
}

describe("the outbox's dispatcher and the replies of the other processes", () => {
  it("charges the dispatcher's budget with what the others replied since it last looked, not with its own replies twice", async () => {
    let aLeads = true;
    const a = botProcess("host-a:11:aaaa", () => aLeads);
    const b = botProcess("host-b:12:bbbb", () => !aLeads);
    const c = botProcess("host-c:13:cccc", () => false);
    try {
      // Every process says it is there when it starts; the dispatcher's first look is its starting point.
      await Promise.all([b.sharing.tick(), c.sharing.tick()]);
      await a.sharing.tick();
      expect(a.budget.available()).toBe(6);

      // Two other processes reply while the outbox is being sent; the dispatcher replies too.
      b.reply(5);
      c.reply(3);
      a.reply(2);
      await Promise.all([b.sharing.tick(), c.sharing.tick()]);
      await a.sharing.tick();
      expect(a.budget.available()).toBe(6 - 2 - 5 - 3);
      // Nothing new: nothing more charged (the counts are totals, read again).
      await a.sharing.tick();
      expect(a.budget.available()).toBe(-4);
      // A process that is not the dispatcher charges nothing.
      await c.sharing.tick();
      expect(c.budget.available()).toBe(6 - 3);

      // The lease passes to b: it starts from what the others had sent, and never charges its own replies.
      aLeads = false;
      await a.sharing.tick();
      await b.sharing.tick();
      const before = b.budget.available();
      a.reply(7);
      b.reply(1);
      await a.sharing.tick();
      await b.sharing.tick();
      expect(b.budget.available()).toBe(before - 1 - 7);
    } finally {
      await Promise.all([a.sharing.stop(), b.sharing.stop(), c.sharing.stop()]);
    }
    // A graceful stop takes the process's row away.
    expect(await models.replyCounts.countDocuments({})).toBe(0);
  });

  it("does not charge more than a second's worth of debt, however many replies arrive at once", async () => {
    const a = botProcess("host-a:21:aaaa", () => true);
    const b = botProcess("host-b:22:bbbb", () => false);
    try {
      await b.sharing.tick();
      await a.sharing.tick();
      b.reply(500);
      await b.sharing.tick();
      await a.sharing.tick();
      expect(a.budget.available()).toBe(-30);
    } finally {
      await Promise.all([a.sharing.stop(), b.sharing.stop()]);
    }
  });
});
