// DATABASE_COMMAND_COUNTS: the database commands the bot sends, counted by the MongoDB driver's
// command monitoring over every connection of the process, and the server's time for them by lane
// (bench:updates reads both).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../support/botHarness.js";
import { awayFromMinuteTicks } from "../support/waitUntil.js";

let counting: TestBot;
let plain: TestBot;
beforeAll(async () => {
  [counting, plain] = await Promise.all([startTestBot({ config: { DATABASE_COMMAND_COUNTS: true } }), startTestBot()]);
});
afterAll(async () => {
  await Promise.all([counting?.stop(), plain?.stop()]);
});

const countsOf = async (bot: TestBot): Promise<Record<string, number>> => {
  const response = await fetch(`${bot.app.httpUrl}/metrics/database-commands`);
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, number>;
};

const timesOf = async (): Promise<Record<string, { count: number; ms: number }>> => {
  const response = await fetch(`${counting.app.httpUrl}/metrics/database-time`);
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, { count: number; ms: number }>;
};

describe("database command counts", () => {
  it("count what an update costs, on every connection: the claim and completion inserts, the reads", async () => {
    const before = await countsOf(counting);
    const user = counting.emulator.createUser({ languageCode: "en" });
    user.sendCommand("start");
    await user.waitForReply();
    // The completion is written after the reply is sent.
    let after = await countsOf(counting);
    for (let i = 0; i < 50 && (after.insert ?? 0) - (before.insert ?? 0) < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      after = await countsOf(counting);
    }
    expect((after.insert ?? 0) - (before.insert ?? 0)).toBeGreaterThanOrEqual(2);
    expect((after.find ?? 0) - (before.find ?? 0)).toBeGreaterThanOrEqual(1);
  });

  it("time the commands by lane: the claims and a newcomer's profile each go over their own connections", async () => {
    const before = await timesOf();
    const user = counting.emulator.createUser({ languageCode: "en" });
    user.sendCommand("help");
    await user.waitForReply();
    const times = await timesOf();
    expect(times["update claims/insert"]!.count).toBeGreaterThan(before["update claims/insert"]?.count ?? 0);
    // The newcomer's profile is created on the users' lane.
    expect(times["users/findAndModify"]!.count).toBeGreaterThan(before["users/findAndModify"]?.count ?? 0);
    for (const { count, ms } of Object.values(times)) {
      expect(count).toBeGreaterThan(0);
      expect(ms).toBeGreaterThanOrEqual(0);
    }
  });

  it("time the statistics' scan of every case and case event on the reads' lane, not the cases' one a save needs", async () => {
    // The scheduler's every-minute jobs read case events over the cases' lane: measure between ticks.
    await awayFromMinuteTicks();
    const before = await timesOf();
    await counting.app.services.statistics.refresh();
    const after = await timesOf();
    const finds = (times: Record<string, { count: number }>, lane: string) => times[`${lane}/find`]?.count ?? 0;
    expect(finds(after, "reads") - finds(before, "reads")).toBeGreaterThanOrEqual(2);
    expect(finds(after, "cases")).toBe(finds(before, "cases"));
  }, 30_000);

  it("are not served unless asked for", async () => {
    expect((await fetch(`${plain.app.httpUrl}/metrics/database-commands`)).status).toBe(404);
    expect((await fetch(`${plain.app.httpUrl}/metrics/database-time`)).status).toBe(404);
  });
});
