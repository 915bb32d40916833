// Soak (issue #13): the real bot (`node dist/main.js`, polling, with the Docker image's node flags
// and so its heap cap) under a steady load for a long time, against the emulator and FerretDB (on
// PostgreSQL when installed). `--users` people at a person's pace (bench/support/registrationScript.ts)
// each register a relative; whoever is done makes room for a new person, so the known users, the
// cases and the remembered conversations keep growing. Every minute it prints the answers, their
// p50/p99, the dropped ones and the bot's largest RSS in that minute; a bot process that ends
// (a heap over the cap ends it) fails the run.
//
//   npm run bench:soak
//   npm run bench:soak -- --minutes 30 --users 300   (default: 20 minutes, 600 people, ~150 updates/s)
//
// Ends with one line:
//   soak minutes=N users=N answers=N dropped=N p99_ms=N rss_first_mb=N rss_last_mb=N rss_max_mb=N exits=N

import { randomBytes } from "node:crypto";
import type { ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { withDatabaseName } from "../src/db/server/index.js";
import { TelegramEmulator } from "../src/emulator/index.js";
import { mulberry32 } from "../src/emulator/random.js";
import { REPLY_LIMITS_LIFTED, rssMb, startBenchBot, stopBenchBot } from "./support/botProcess.js";
import { nameOf, note, startDatabase } from "./support/caseSeed.js";
import { addPostgresIndexes } from "./support/postgresIndexes.js";
import { actAsPerson, ANSWER_TIMEOUT_MS, MEAN_THINK_MS, registrationScript, THINK_MS } from "./support/registrationScript.js";
import { percentile } from "./support/timing.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? String(args[at + 1]) : fallback;
};
const MINUTES = Number(option("minutes", "20"));
const USERS = Number(option("users", "600"));

interface Minute {
  latencies: number[];
  dropped: number;
  rssMaxMb: number;
}

async function main(): Promise<void> {
  const database = await startDatabase();
  const databaseName = `soak_${randomBytes(4).toString("hex")}`;
  const mongoUri = withDatabaseName(database.uri, databaseName);
  const emulator = await TelegramEmulator.start({
    limits: REPLY_LIMITS_LIFTED,
    callLogLimit: 10_000,
  });
  note(`database: ${database.name}; ${USERS} people at a person's pace for ${MINUTES} minutes`);
  let bot: ChildProcess | undefined;
  let line = "";
  let exits = 0;
  let stopping = false;
  try {
    const dataKey = randomBytes(32);
    const first = emulator.createUser({ id: 999_000, languageCode: "en" });
    first.sendCommand("start");
    bot = await startBenchBot({ emulator, mongoUri, dataKey, built: true, env: { LOG_LEVEL: "warn", DEMO_DATA: "false" } });
    bot.once("exit", (code, signal) => {
      if (stopping) return;
      exits++;
      note(`the bot process ended (code ${code}, signal ${signal})`);
    });
    await first.waitForReply({ timeoutMs: 60_000 });
    addPostgresIndexes(database, databaseName);
    const botPid = bot.pid;
    const started = performance.now();
    const deadline = started + MINUTES * 60_000;
    const minutes: Minute[] = [];
    const minuteNow = (): Minute => (minutes[Math.min(MINUTES - 1, Math.floor((performance.now() - started) / 60_000))] ??= { latencies: [], dropped: 0, rssMaxMb: 0 });
    const sampling = setInterval(() => {
      const minute = minuteNow();
      minute.rssMaxMb = Math.max(minute.rssMaxMb, rssMb(botPid));
    }, 1_000);
    let printed = 0;
    const printing = setInterval(() => {
      const done = Math.floor((performance.now() - started) / 60_000);
      for (; printed < Math.min(done, MINUTES); printed++) {
        const m = minutes[printed];
        if (m) note(`minute ${printed + 1}: ${m.latencies.length} answers, p50 ${Math.round(percentile(m.latencies, 50))} / p99 ${Math.round(percentile(m.latencies, 99))} ms, dropped ${m.dropped}, RSS max ${m.rssMaxMb.toFixed(0)} MB`);
      }
    }, 5_000);
    const draw = mulberry32(USERS * 104_729);
    const pause = () => THINK_MS[0] + draw() * (THINK_MS[1] - THINK_MS[0]);
    let nextId = 2_000_000;
    let registrations = 0;
    /** One place in the load: people one after the other, each registering once. */
    const seat = async (firstActionInMs: number) => {
      while (performance.now() < deadline && exits === 0) {
        const id = nextId++;
        const user = emulator.createUser({ id, firstName: `Sister ${id}`, languageCode: "en" });
        const onAnswer = (_step: number, latency: number) => minuteNow().latencies.push(latency);
        const dropped = await actAsPerson(user, registrationScript(nameOf(id)), { pause, firstActionInMs, deadline, answersBy: deadline + ANSWER_TIMEOUT_MS, onAnswer });
        minuteNow().dropped += dropped;
        if (dropped === 0 && performance.now() < deadline) registrations++;
        firstActionInMs = pause();
      }
    };
    await Promise.all(Array.from({ length: USERS }, () => seat(draw() * MEAN_THINK_MS)));
    clearInterval(sampling);
    await sleep(5_500);
    clearInterval(printing);
    const all = minutes.flatMap((m) => m?.latencies ?? []);
    const rss = minutes.map((m) => m?.rssMaxMb ?? 0);
    const dropped = minutes.reduce((sum, m) => sum + (m?.dropped ?? 0), 0);
    note(`${registrations} registrations saved by ${nextId - 2_000_000} people; the bot process ended ${exits} times`);
    line =
      `soak minutes=${MINUTES} users=${USERS} answers=${all.length} dropped=${dropped} p99_ms=${Math.round(percentile(all, 99))} ` +
      `rss_first_mb=${Math.round(rss[0] ?? 0)} rss_last_mb=${Math.round(rss.at(-1) ?? 0)} rss_max_mb=${Math.round(Math.max(...rss))} exits=${exits} db=${database.name}`;
  } finally {
    stopping = true;
    await stopBenchBot(bot, "SIGTERM");
    await emulator.stop();
    await database.stop();
  }
  process.stdout.write(`${line}\n`);
  if (exits > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
