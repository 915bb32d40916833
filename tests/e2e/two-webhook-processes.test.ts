// Two real bot processes (src/main.ts) in webhook mode behind a round-robin proxy, one database, as
// in the production layout for more than one machine (docker-compose.scale.yml, README "Scaling"):
// every update is answered once, each cron job runs once per tick, a broadcast is sent once; then the
// process that sends the broadcast is killed (kill -9) while families are in the middle of a
// conversation, and the other one carries on (issue #13).
import type { ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../src/clock.js";
import { freePort } from "../../src/db/server/index.js";
import { createDeliveryService } from "../../src/delivery/deliveryService.js";
import { DISPATCHER_LEASE } from "../../src/delivery/dispatcherLease.js";
import type { EmulatedUser, TelegramEmulator } from "../../src/emulator/index.js";
import type { Models } from "../../src/db/models/index.js";
import { plain } from "../support/botHarness.js";
import { answer, press } from "../support/chatSteps.js";
import { exited, openBotProcessWorld, type BotProcessWorld } from "../support/botProcess.js";
import { startRegistration } from "../support/registrationSteps.js";
import { startRoundRobinProxy, type RoundRobinProxy } from "../support/roundRobinProxy.js";
import { waitFor, waitUntil } from "../support/waitUntil.js";
import { testCipher } from "../support/userRefs.js";
import { WEBHOOK_SECRET } from "../support/webhookUpdates.js";
import { unfinishedUpdates } from "../support/updateClaims.js";

const FAMILIES = 36;
const IN_REGISTRATION = 8;
const RECIPIENTS = 240;
const SEND_RATE = 30;
const CONCURRENCY = 4;
const HELP = "/register – register a missing relative";

let world: BotProcessWorld;
let emulator: TelegramEmulator;
let models: Models;
let proxy: RoundRobinProxy;
const bots: { port: number; child: ChildProcess }[] = [];
/** "scheduled job ran" lines of both processes: which job, which tick, which process. */
const jobRuns: { job: string; tick: string; pid: number }[] = [];

/** A person's pace: the real process keeps its flood limit of 12 updates in 3 s per user. */
const pause = () => new Promise((resolve) => setTimeout(resolve, 300));

function startWebhookBot(port: number): ChildProcess {
  const child = world.startBot({
    env: {
      BOT_MODE: "webhook",
      WEBHOOK_URL: `${proxy.url}/telegram/webhook`,
      WEBHOOK_SECRET,
      PORT: String(port),
      STATS_REFRESH_MINUTES: "1",
      DELIVERY_RATE_PER_SECOND: String(SEND_RATE),
      DELIVERY_CONCURRENCY: String(CONCURRENCY),
      // The scheduler says at debug level which job ran for which tick; nothing personal is logged.
      LOG_LEVEL: "debug",
    },
    stdout: "pipe",
  });
  createInterface({ input: child.stdout! }).on("line", (line) => {
    if (!line.includes("scheduled job ran")) return;
    const entry = JSON.parse(line) as { job: string; tick?: string };
    if (entry.tick) jobRuns.push({ job: entry.job, tick: entry.tick, pid: child.pid! });
  });
  return child;
}

beforeAll(async () => {
  world = await openBotProcessWorld();
  ({ emulator, models } = world);
  const ports = [await freePort(), await freePort()];
  proxy = await startRoundRobinProxy(ports.map((port) => `http://127.0.0.1:${port}`));
  for (const port of ports) bots.push({ port, child: startWebhookBot(port) });
  // Each process points Telegram's webhook at the proxy as its last step before it takes updates.
  await waitUntil(() => emulator.callsOf("setWebhook").length >= 2, 45_000, "both processes set the webhook");
  for (const { port } of bots) await waitUntil(async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.ok === true, 10_000, "healthz");
}, 60_000);
afterAll(async () => {
  await proxy?.close();
  await world?.close();
});

/** The bot's messages to a user that contain `text`. */
const repliesWith = (user: EmulatedUser, text: string) => user.botMessages().filter((m) => plain(m.text).includes(text)).length;

describe("two bot processes in webhook mode behind a round-robin proxy, one database", () => {
  it("answer every update once, run each cron job once per tick, send a broadcast once, and carry on when one is killed mid-broadcast and mid-conversation", async () => {
    const startedAt = Date.now();
    const laps: [string, number][] = [];
    // Both processes are up from here: a tick from now on is one they both live through.
    const bothUp = Date.now();

    // 1. Families start the bot and ask for help, through both processes.
    const families = Array.from({ length: FAMILIES }, (_, i) => emulator.createUser({ firstName: `Family${i}`, languageCode: "en" }));
    await Promise.all(
      families.map(async (family, i) => {
        await new Promise((resolve) => setTimeout(resolve, i * 40)); // not all in the same millisecond
        family.sendCommand("start");
        await family.waitForText("Hello.", { timeoutMs: 30_000 });
        await pause();
        family.sendCommand("help");
        await family.waitForText(HELP, { timeoutMs: 30_000 });
      }),
    );
    expect(proxy.answered.every((count) => count > 0)).toBe(true);
    for (const family of families) {
      expect(repliesWith(family, "Hello.")).toBe(1);
      expect(repliesWith(family, HELP)).toBe(1);
    }
    laps.push(["start and help", Date.now()]);

    // 2. Some families start registering: they stay in the middle of the conversation.
    const registering = families.slice(0, IN_REGISTRATION);
    await Promise.all(
      registering.map(async (family) => {
        await startRegistration(family);
        await pause();
        await press(family, "I am the sister", "What is their full name?", { timeoutMs: 30_000 });
      }),
    );
    laps.push(["in registration", Date.now()]);

    // 3. A minute tick passes with both processes up: every job of that tick runs in one of them only.
    const tickRun = await waitFor(
      () => jobRuns.find((run) => run.job === "refresh-statistics" && Date.parse(run.tick) >= bothUp - 1_000),
      (run) => run !== undefined,
      75_000,
      "a refresh-statistics tick",
    );
    // The other process's cron fired at the same moment: that it did not run the job too is checked at
    // the end, with every tick of the run, when a second run would long have been logged.
    laps.push(["tick", Date.now()]);

    // 4. The other families ask for help; Telegram holds the bot's replies to them, so each process is
    // in the middle of some of these updates: taken, not yet answered.
    const atTheKill = families.slice(IN_REGISTRATION);
    emulator.setFaults({ heldChatIds: atTheKill.map((family) => family.id) });
    const helpsAtKill = atTheKill.map((family) => family.sendCommand("help"));
    // And a broadcast to a few hundred families.
    const { firstId } = emulator.createUsers({ count: RECIPIENTS, started: true, languageCodes: ["en"] });
    const recipientIds = Array.from({ length: RECIPIENTS }, (_, i) => firstId + i);
    const broadcastCount = (id: number) => emulator.state.store.visibleMessages(id).filter((m) => m.from === "bot").length;
    await createDeliveryService(models, systemClock, { contentCipher: testCipher }).enqueue(
      { jobId: "two-process-news", kind: "broadcast", defaultLocale: "en", contentByLocale: { en: { text: "News for every family: the letters were delivered." } } },
      recipientIds.map((id) => ({ userId: testCipher.userRef(id), locale: "en" })),
    );
    await waitUntil(() => emulator.state.faults.heldCalls === helpsAtKill.length, 30_000, "every reply to them held");

    // kill -9 the process that is sending the broadcast, a third of the way through.
    await waitUntil(() => recipientIds.filter((id) => broadcastCount(id) > 0).length >= RECIPIENTS / 3, 30_000, "a third of the broadcast sent");
    const dispatcher = await models.leases.findById(DISPATCHER_LEASE).lean();
    const victimPid = Number(/:(\d+):/.exec(dispatcher!.holder)?.[1]);
    const victim = bots.find((bot) => bot.child.pid === victimPid)!;
    expect(victim).toBeDefined();
    const survivor = bots.find((bot) => bot !== victim)!;
    const takenByVictim = await models.processedUpdates.countDocuments({ _id: { $in: helpsAtKill }, owner: new RegExp(`:${victimPid}:`) });
    victim.child.kill("SIGKILL");
    await exited(victim.child);
    // Released only once Telegram has seen the killed process's connections close: its replies were never sent.
    await waitUntil(() => emulator.state.faults.heldCalls === helpsAtKill.length - takenByVictim, 10_000, "the killed process's replies dropped");
    emulator.setFaults({ heldChatIds: [] });
    laps.push(["kill", Date.now()]);
    const sentBeforeKill = recipientIds.filter((id) => broadcastCount(id) > 0).length;
    // Sent once each while both processes were up.
    expect(recipientIds.some((id) => broadcastCount(id) > 1)).toBe(false);
    // Round robin: the killed process had taken some of the held updates; Telegram delivers them again
    // and the survivor takes them over once the dead process's heartbeat is stale.
    expect(takenByVictim).toBeGreaterThan(0);
    console.info(`two webhook processes: killed pid ${victimPid} with ${sentBeforeKill}/${RECIPIENTS} sent and ${takenByVictim} update(s) taken, not answered`);

    // 5. The survivor carries on: the families in the middle of registering go on where they were…
    await Promise.all(
      registering.map(async (family, i) => {
        await answer(family, `Reza Karimi ${String.fromCharCode(65 + i)}`, "Other spellings", { timeoutMs: 40_000 });
        await pause();
        await press(family, "⏭ Skip", "a man or a woman", { timeoutMs: 30_000 });
        await pause();
        await press(family, "Man", "In which year were they born?", { timeoutMs: 30_000 });
      }),
    );
    // …those who wrote at the kill are answered…
    await Promise.all(atTheKill.map((family) => waitUntil(() => repliesWith(family, HELP) >= 2, 40_000, "the help asked at the kill answered")));
    laps.push(["survivor answered", Date.now()]);
    // …and the broadcast completes.
    await waitUntil(async () => (await models.deliveryJobs.findById("two-process-news", { state: 1 }).lean())?.state === "done", 40_000, "broadcast done");
    await emulator.waitForQuiet();
    laps.push(["broadcast done", Date.now()]);

    // Nothing lost, nothing twice: every update the families sent is answered once, those the killed
    // process had taken by the survivor.
    for (const family of families) {
      expect(repliesWith(family, "Hello.")).toBe(1);
      expect(repliesWith(family, HELP)).toBe(atTheKill.includes(family) ? 2 : 1);
    }
    for (const family of registering) {
      for (const question of ["What is their full name?", "Other spellings", "a man or a woman", "In which year were they born?"]) expect(repliesWith(family, question)).toBe(1);
    }
    expect(await unfinishedUpdates(models)).toBe(0);
    expect(survivor.child.exitCode).toBeNull();

    // The broadcast: every family got it; twice only for sends in flight at the kill.
    expect(recipientIds.filter((id) => broadcastCount(id) === 0)).toEqual([]);
    const twice = recipientIds.filter((id) => broadcastCount(id) > 1).length;
    expect(twice).toBeLessThanOrEqual(CONCURRENCY);

    // Both processes published how many replies they sent (reply_counts): what the dispatcher's
    // broadcasts leave room for, whichever process holds the lease.
    const replyCounts = await models.replyCounts.find({}).lean();
    expect(replyCounts.find((row) => row._id.includes(`:${survivor.child.pid}:`))?.count).toBeGreaterThan(0);
    expect(replyCounts.find((row) => row._id.includes(`:${victimPid}:`))?.count).toBeGreaterThan(0);

    // Cron: no job ran twice for one tick, in all the run.
    const perTick = new Map<string, number>();
    for (const run of jobRuns) perTick.set(`${run.job} ${run.tick}`, (perTick.get(`${run.job} ${run.tick}`) ?? 0) + 1);
    expect([...perTick].filter(([, count]) => count > 1)).toEqual([]);
    expect(perTick.get(`refresh-statistics ${tickRun!.tick}`)).toBe(1);
    console.info(`two webhook processes: ${jobRuns.length} job runs over ${new Set(jobRuns.map((r) => r.tick)).size} tick(s), ${twice} broadcast duplicate(s), proxy answered ${proxy.answered.join("/")}; ${laps.map(([what, at]) => `${what} +${((at - startedAt) / 1000).toFixed(1)} s`).join(", ")}`);
  }, 180_000);
});
