// Reminder benchmark (issue #10): the real bot process (src/main.ts) and its own scheduler tick
// hand 10,000 reminders due in the same minute to the outbox, which delivers them through the
// Telegram emulator at the configured cap; we count lost and duplicated messages. Before that we
// time the scheduler's own work per tick (runDue with nothing due) with 1,000 and with 10,000
// reminders pending for later: it must stay flat, because a tick reads only the due buckets.
//
//   npm run bench:reminders                (--due N overrides the 10,000; BENCH_DEBUG=1 more detail)
//
// Ends with one line: reminders due=… sent=… lost=… duplicates=… ratio=… tick_ms_1k=… tick_ms_10k=…
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { Types } from "mongoose";
import { systemClock } from "../src/clock.js";
import { connectDatabase } from "../src/db/connection.js";
import { createModels, ensureIndexes, type Models } from "../src/db/models/index.js";
import { startDatabaseServer, withDatabaseName } from "../src/db/server/index.js";
import { createDeliveryService } from "../src/delivery/deliveryService.js";
import type { JobSubject } from "../src/delivery/types.js";
import { TelegramEmulator } from "../src/emulator/index.js";
import { silentLogger } from "../src/logger.js";
import { createFieldCipher } from "../src/security/fieldCipher.js";
import { createReminderService } from "../src/services/reminders/reminderService.js";
import type { ReminderRequest } from "../src/services/reminders/reminderTypes.js";
import { startBenchBot, stopBenchBot } from "./support/botProcess.js";
import { sendRate } from "./support/sendRate.js";

const args = process.argv.slice(2);
const dueArg = args.indexOf("--due");
const due = dueArg >= 0 ? Number(args[dueArg + 1]) : 10_000;
const cap = 300;
/** Pending reminders are scheduled the way RSVPs come in: a few at a time (one bucket per batch). */
const pendingBatch = 10;
/** A minute for the bot's tick, the sending three times over, and start-up. */
const deadlineMs = 90_000 + (due / cap) * 3_000 + 60_000;
const DAY_MS = 24 * 60 * 60_000;

const note = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Median of a few ticks with nothing due: the scheduler's own cost per minute. */
async function tickMs(runDue: (now: Date) => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 7; i++) {
    const started = performance.now();
    await runDue(new Date());
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** A subject the bot can render at send time: a petition stored directly (the reminder says "N signatures"). */
async function storedSubject(models: Models): Promise<JobSubject> {
  const petitionId = new Types.ObjectId();
  const at = new Date();
  await models.petitions.collection.insertOne({
    _id: petitionId,
    ref: "BENCH1",
    status: "open",
    texts: [
      { locale: "fa", title: "نامه به دفتر سازمان ملل", body: "متن نامه" },
      { locale: "en", title: "Letter to the UN office", body: "Text" },
    ],
    addressee: "UN office",
    goal: 10_000,
    deadline: null,
    milestones: [],
    textVersion: 1,
    frozenAt: null,
    createdBy: "bench",
    createdAt: at,
    updatedAt: at,
    openedAt: at,
    closedAt: null,
    deliveredAt: null,
  } as never);
  return { kind: "petition-milestone", petitionId: petitionId.toHexString(), milestone: 1 };
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const database = await startDatabaseServer({ uri: process.env.MONGODB_URI, log: (line) => note(`db: ${line}`) });
  const mongoUri = withDatabaseName(database.uri, `bench_${randomBytes(4).toString("hex")}`);
  const emulator = await TelegramEmulator.start({
    limits: { globalPerSecond: cap, paidPerSecond: 1000, perChatPerSecond: 1, perChatBurst: 3 },
    callLogLimit: 10_000,
  });
  const { firstId } = emulator.createUsers({ count: due, started: true, languageCodes: ["fa", "en"] });
  note(`${database.kind} database, emulator at ${emulator.apiRoot}, ${due} users, cap ${cap}/s`);

  const dataKey = randomBytes(32);
  const cipher = createFieldCipher(dataKey);
  let bot: ChildProcess | undefined;
  const connection = await connectDatabase(mongoUri, { log: silentLogger });
  let outcome: { line: string; ok: boolean };
  try {
    const models = createModels(connection);
    await ensureIndexes(connection, models);
    // The families, as the bot stores them: by pseudonym, with their language.
    for (let from = 0; from < due; from += 1000) {
      const at = new Date();
      await models.users.collection.insertMany(
        Array.from({ length: Math.min(1000, due - from) }, (_, i) => ({
          _id: cipher.userRef(firstId + from + i),
          locale: (from + i) % 2 === 0 ? "fa" : "en",
          roles: [],
          firstSeenAt: at,
          lastSeenAt: at,
          unreachableSince: null,
          reminderOptOuts: [],
        })) as never[],
      );
    }
    const reminders = createReminderService({
      models,
      clock: systemClock,
      delivery: createDeliveryService(models, systemClock, { contentCipher: cipher }),
      cipher,
      defaultLocale: "fa",
      defaultTimeZone: "Asia/Tehran",
    });
    const subject = await storedSubject(models);

    // 1. The scheduler's own work per tick, with 1k and then 10k reminders pending for later.
    const pending = (from: number, to: number): ReminderRequest[] =>
      Array.from({ length: to - from }, (_, i) => {
        const n = from + i;
        return {
          id: `bench-later:${n}`,
          kind: "event-24h",
          userRef: cipher.userRef(firstId + (n % due)),
          subject,
          // Spread over the coming days, minute by minute: many buckets, none due.
          dueAt: new Date(Date.now() + DAY_MS + (n % 2000) * 60_000),
          quietHours: "respect",
        };
      });
    const schedulePending = async (from: number, to: number) => {
      for (let at = from; at < to; at += pendingBatch) await reminders.schedule(pending(at, Math.min(to, at + pendingBatch)));
    };
    let scheduleStarted = Date.now();
    await schedulePending(0, 1000);
    const tick1k = await tickMs(reminders.runDue);
    note(`1,000 pending in ${await models.reminderBuckets.countDocuments()} buckets (scheduled in ${((Date.now() - scheduleStarted) / 1000).toFixed(1)} s): tick ${tick1k.toFixed(1)} ms`);
    scheduleStarted = Date.now();
    await schedulePending(1000, 10_000);
    const tick10k = await tickMs(reminders.runDue);
    note(`10,000 pending in ${await models.reminderBuckets.countDocuments()} buckets (scheduled in ${((Date.now() - scheduleStarted) / 1000).toFixed(1)} s): tick ${tick10k.toFixed(1)} ms`);

    // 2. The bot, and 10,000 reminders due in the same minute (an event's 1-hour reminder).
    bot = await startBenchBot({ emulator, mongoUri, dataKey, env: { LOG_LEVEL: "warn", DELIVERY_RATE_PER_SECOND: String(cap) } });
    note(`bot started (pid ${bot.pid}) in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);

    const dueAt = new Date();
    scheduleStarted = Date.now();
    await reminders.schedule(
      Array.from({ length: due }, (_, i) => ({
        id: `bench-due:${i}`,
        kind: "event-1h" as const,
        userRef: cipher.userRef(firstId + i),
        subject,
        dueAt,
        lateAfter: new Date(dueAt.getTime() + 60 * 60_000),
        // The event itself is in the night here (the 1-hour reminder goes regardless): the bench runs at any hour.
        quietHours: "ignore" as const,
      })),
    );
    note(`${due} due reminders scheduled in ${((Date.now() - scheduleStarted) / 1000).toFixed(1)} s; waiting for the bot's next tick`);

    const deadline = Date.now() + deadlineMs;
    let lastNote = Date.now();
    for (;;) {
      // Handed to the outbox = its due bucket is gone (the tick deletes it after the enqueue).
      const waiting = await models.reminderBuckets.countDocuments({ minute: { $lte: dueAt.toISOString().slice(0, 16) } });
      const handed = waiting === 0 ? due : 0;
      const open = await models.deliveryJobs.countDocuments({ kind: "reminder", finishedAt: null });
      const jobs = await models.deliveryJobs.countDocuments({ kind: "reminder" });
      if (handed === due && jobs > 0 && open === 0) break;
      if (Date.now() > deadline) throw new Error(`timed out with ${handed} handed to the outbox and ${emulator.state.log.summary().sent} sent`);
      if (bot.exitCode !== null) throw new Error(`the bot exited with code ${bot.exitCode}`);
      if (Date.now() - lastNote > 5_000) {
        lastNote = Date.now();
        note(`${handed} handed to the outbox, ${emulator.state.log.summary().sent} sent`);
      }
      await sleep(500);
    }

    const { stats, accepted, seconds, ratio } = sendRate(emulator, cap);
    let received = 0;
    let duplicates = 0;
    for (let i = 0; i < due; i++) {
      const count = emulator.state.store.visibleMessages(firstId + i).filter((m) => m.from === "bot").length;
      if (count > 0) received += 1;
      if (count > 1) duplicates += 1;
    }
    const lost = due - received;
    const jobs = await models.deliveryJobs.countDocuments({ kind: "reminder" });
    note(
      `${accepted} sends accepted in ${seconds.toFixed(1)} s = ${(accepted / seconds).toFixed(0)}/s of ${cap}/s; ${received}/${due} families reminded in ${jobs} outbox job(s); ` +
        `${stats.refused429} refused (429); buckets still pending for later: ${await models.reminderBuckets.countDocuments()}; total ${((Date.now() - startedAt) / 1000).toFixed(0)} s`,
    );
    outcome = {
      ok: lost === 0 && duplicates === 0,
      line: `reminders due=${due} sent=${received} lost=${lost} duplicates=${duplicates} ratio=${ratio.toFixed(2)} tick_ms_1k=${Math.round(tick1k)} tick_ms_10k=${Math.round(tick10k)}`,
    };
  } catch (error) {
    note(`failed: ${(error as Error).message}`);
    outcome = { ok: false, line: `reminders due=${due} sent=0 lost=${due} duplicates=0 ratio=0.00 tick_ms_1k=0 tick_ms_10k=0` };
  } finally {
    await stopBenchBot(bot, "SIGTERM");
    await connection.close().catch(() => undefined);
    await emulator.stop();
    await database.stop();
  }
  process.stdout.write(`${outcome.line}\n`);
  process.exitCode = outcome.ok ? 0 : 1;
}

await main();
