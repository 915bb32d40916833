// Broadcast benchmark: the real bot process (src/main.ts) delivers one job to many pre-started
// users through the Telegram emulator, with injected 5xx and blocked users, and we measure the
// rate against the cap, lost and duplicated messages, 429s and the bot's peak memory.
//
//   npm run bench:broadcast              10,000 recipients, cap 300/s
//   npm run bench:broadcast -- --kill    kill -9 the bot half way and start it again
//   npm run bench:broadcast -- --paid    100,000 recipients, paid mode at 1000/s
//   npm run bench:broadcast -- --built   the built dist/main.js (after `npm run build`), as the Docker
//                                        image runs it: a restart without tsx compiling src/ first
//   (--recipients N overrides the count; BENCH_CONCURRENCY=N the bot's DELIVERY_CONCURRENCY;
//    BENCH_DEBUG=1 prints sends per second from the emulator's call log)
//
// Ends with one line: broadcast ratio=… lost=… duplicates=… refused429=… rss_mb=…
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { systemClock } from "../src/clock.js";
import { connectDatabase } from "../src/db/connection.js";
import { createModels, ensureIndexes } from "../src/db/models/index.js";
import { startDatabaseServer, withDatabaseName } from "../src/db/server/index.js";
import { createDeliveryService } from "../src/delivery/deliveryService.js";
import type { Recipient } from "../src/delivery/types.js";
import { TelegramEmulator } from "../src/emulator/index.js";
import { sendingMethods } from "../src/emulator/callLog.js";
import { silentLogger } from "../src/logger.js";
import { createFieldCipher } from "../src/security/fieldCipher.js";
import { peakRssMb, startBenchBot, stopBenchBot } from "./support/botProcess.js";
import { sendRate } from "./support/sendRate.js";

const args = process.argv.slice(2);
const kill = args.includes("--kill");
const paid = args.includes("--paid");
const built = args.includes("--built");
const countArg = args.indexOf("--recipients");
const recipients = countArg >= 0 ? Number(args[countArg + 1]) : paid ? 100_000 : 10_000;
const cap = paid ? 1000 : 300;
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? (paid ? 32 : 16));
const serverErrorRate = 0.02;
const blockedRate = 0.01;
/** Generous: the expected duration three times over, plus start-up, recovery and the restart. */
const deadlineMs = (recipients / cap) * 3_000 + 180_000;

const note = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function main(): Promise<void> {
  const startedAt = Date.now();
  const database = await startDatabaseServer({ uri: process.env.MONGODB_URI, log: (line) => note(`db: ${line}`) });
  const mongoUri = withDatabaseName(database.uri, `bench_${randomBytes(4).toString("hex")}`);
  const emulator = await TelegramEmulator.start({
    limits: { globalPerSecond: 300, paidPerSecond: 1000, perChatPerSecond: 1, perChatBurst: 3 },
    faults: { serverErrorRate, blockedRate, seed: 20_260_101 },
    callLogLimit: 10_000,
  });
  const { firstId } = emulator.createUsers({ count: recipients, started: true, languageCodes: ["fa", "en"] });
  note(`${database.kind} database, emulator at ${emulator.apiRoot}, ${recipients} users, cap ${cap}/s${paid ? " (paid)" : ""}${kill ? ", kill -9 half way" : ""}${built ? ", dist/main.js" : ", src/main.ts through tsx"}`);

  // One key for the run: the bot stores and resolves recipients by pseudonyms under it, and so do we.
  const dataKey = randomBytes(32);
  const cipher = createFieldCipher(dataKey);
  let bot: ChildProcess | undefined;
  let peakMb = 0;
  const startBot = () =>
    startBenchBot({
      emulator,
      mongoUri,
      dataKey,
      built,
      env: {
        LOG_LEVEL: "info",
        DELIVERY_RATE_PER_SECOND: "300",
        DELIVERY_PAID_ENABLED: paid ? "true" : "false",
        DELIVERY_PAID_RATE_PER_SECOND: "1000",
        DELIVERY_CONCURRENCY: String(concurrency),
      },
    });
  const stopBot = async (child: ChildProcess | undefined, signal: NodeJS.Signals) => {
    if (child?.exitCode === null) peakMb = Math.max(peakMb, peakRssMb(child.pid));
    await stopBenchBot(child, signal);
  };

  const connection = await connectDatabase(mongoUri, { log: silentLogger });
  let outcome: { line: string; ok: boolean };
  try {
    bot = await startBot();
    note(`bot started (pid ${bot.pid}) in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);

    const models = createModels(connection);
    await ensureIndexes(connection, models);
    const service = createDeliveryService(models, systemClock, { contentCipher: cipher });
    function* everyone(): Generator<Recipient> {
      for (let i = 0; i < recipients; i++) yield { userId: cipher.userRef(firstId + i), locale: i % 2 === 0 ? "fa" : "en" };
    }
    const enqueueStarted = Date.now();
    await service.enqueue(
      {
        jobId: "bench-broadcast",
        kind: "broadcast",
        defaultLocale: "fa",
        paid,
        contentByLocale: {
          fa: { text: "خبر تازه: نامه‌ها به دفتر سازمان ملل رسید. سپاس از همه خانواده‌ها." },
          en: { text: "News: the letters reached the UN office. Thank you, every family.", inlineKeyboard: [[{ text: "Read more", url: "https://example.org/news" }]] },
        },
      },
      everyone(),
    );
    note(`enqueued in ${((Date.now() - enqueueStarted) / 1000).toFixed(1)} s`);

    const deadline = Date.now() + deadlineMs;
    let killed = false;
    let lastNote = Date.now();
    for (;;) {
      const stats = emulator.state.log.summary();
      peakMb = Math.max(peakMb, peakRssMb(bot?.pid));
      if (kill && !killed && stats.sent >= recipients / 2) {
        killed = true;
        note(`kill -9 at ${stats.sent} sent`);
        await stopBot(bot, "SIGKILL");
        bot = await startBot();
        note(`bot restarted (pid ${bot.pid})`);
      }
      const job = await models.deliveryJobs.findById("bench-broadcast", { state: 1 }).lean().exec();
      if (job?.state === "done") break;
      if (Date.now() > deadline) throw new Error(`timed out after ${deadlineMs / 1000} s with ${stats.sent} sent`);
      if (bot && bot.exitCode !== null && !(kill && !killed)) throw new Error(`the bot exited with code ${bot.exitCode}`);
      if (Date.now() - lastNote > 5_000) {
        lastNote = Date.now();
        note(`${stats.sent} sent, ${stats.refused429} refused (429), ${stats.serverErrors} server errors, rss ${peakRssMb(bot?.pid).toFixed(0)} MB`);
      }
      await sleep(250);
    }
    await stopBot(bot, "SIGTERM");

    const { stats, accepted, seconds, ratio } = sendRate(emulator, cap);

    let expected = 0;
    let received = 0;
    let duplicates = 0;
    let extraMessages = 0;
    for (let i = 0; i < recipients; i++) {
      const id = firstId + i;
      const count = emulator.state.store.visibleMessages(id).filter((m) => m.from === "bot").length;
      if (emulator.state.faults.isBlocked(id)) continue;
      expected += 1;
      if (count > 0) received += 1;
      if (count > 1) {
        duplicates += 1;
        extraMessages += count - 1;
      }
    }
    const lost = expected - received;
    if (kill) {
      // The restart's cost: the longest time without an accepted send (the kill, start-up, taking the lease, reopening the job).
      const sendTimes = emulator.state.log.calls.filter((c) => sendingMethods.has(c.method)).map((c) => c.at);
      let longestGapMs = 0;
      for (let i = 1; i < sendTimes.length; i++) longestGapMs = Math.max(longestGapMs, sendTimes[i]! - sendTimes[i - 1]!);
      note(`longest pause in sending (around the restart): ${(longestGapMs / 1000).toFixed(1)} s`);
    }
    if (process.env.BENCH_DEBUG) {
      const perSecond = new Map<number, number>();
      const sends = emulator.state.log.calls.filter((c) => sendingMethods.has(c.method));
      const t0 = sends[0]?.at ?? 0;
      for (const c of sends) perSecond.set(Math.floor((c.at - t0) / 1000), (perSecond.get(Math.floor((c.at - t0) / 1000)) ?? 0) + 1);
      note(`sends per second (${sends.length} logged): ${[...perSecond.values()].join(" ")}`);
    }
    note(
      `${accepted} sending calls accepted in ${seconds.toFixed(1)} s = ${(accepted / seconds).toFixed(0)}/s of ${cap}/s; ` +
        `${received}/${expected} reachable recipients got it (${stats.blocked403} blocked, ${stats.serverErrors} server errors retried); ` +
        `${duplicates} recipients got it more than once (${extraMessages} extra); concurrency ${concurrency}; total ${((Date.now() - startedAt) / 1000).toFixed(0)} s`,
    );
    const ok = lost === 0 && (kill ? duplicates <= concurrency : duplicates === 0);
    outcome = {
      ok,
      line: `broadcast ratio=${ratio.toFixed(2)} lost=${lost} duplicates=${duplicates} refused429=${stats.refused429} rss_mb=${Math.round(peakMb)}`,
    };
  } catch (error) {
    note(`failed: ${(error as Error).message}`);
    const stats = emulator.state.log.summary();
    outcome = { ok: false, line: `broadcast ratio=0.00 lost=${recipients} duplicates=0 refused429=${stats.refused429} rss_mb=${Math.round(peakMb)}` };
  } finally {
    await stopBot(bot, "SIGTERM").catch(() => undefined);
    await connection.close().catch(() => undefined);
    await emulator.stop();
    await database.stop();
  }
  process.stdout.write(`${outcome.line}\n`);
  process.exitCode = outcome.ok ? 0 : 1;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

await main();
