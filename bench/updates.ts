// Updates benchmark (issue #13): the real bot process (src/main.ts, polling) against the emulator
// and FerretDB (on PostgreSQL when a PostgreSQL server is installed, as bench:coordinators), with
// simulated people registering a missing relative in English (bench/support/registrationScript.ts,
// 18 actions from /register to the saved case).
//
// 1. Open loop at a person's pace: 100, 1,000 and 3,000 new users, each acting every 3–5 s
//    (uniform) from a random start in the first 4 s; an action waits only for the question it
//    answers to be on screen (a person cannot press a button before it is shown). For each level:
//    updates/s handled, p50/p95/p99 from the update being queued for the bot to the bot's answer
//    being on the user's screen, the bot's peak RSS, and the database commands per update — every
//    command the bot sends, counted by its MongoDB driver's command monitoring (DATABASE_COMMAND_COUNTS), less
//    the idle rate of its scheduled jobs measured first.
// 2. Closed loop (`--closed-users`, 100): each user goes through the steps without pausing (but
//    no faster than the bot's flood limit lets one person go: CLOSED_LOOP_GAP_MS) — the bot's throughput — and the same users writing to a bare grammY bot that only echoes
//    (bench/support/echoBot.ts, the same poller) as the ceiling: ours as a fraction of it.
// 3. The closed loop again against `--webhook-processes` (2) processes in webhook mode behind a
//    round-robin proxy (tests/support/roundRobinProxy.ts): the layout for more than one machine,
//    measured on this one (their commands and CPU added up).
//
//   npm run bench:updates
//   npm run bench:updates -- --users 100,1000 --closed-users 50
//
// The emulator's sending caps are lifted (Telegram's 30/s is for broadcasts; replies to people are
// what is measured here). Ends with one line:
//   updates users=1000 per_s=N p99_ms=N ceiling_ratio=R rss_mb=N roundtrips=N

import { randomBytes } from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { freePort, withDatabaseName } from "../src/db/server/index.js";
import { TelegramEmulator } from "../src/emulator/index.js";
import { mulberry32 } from "../src/emulator/random.js";
import { connectDatabase } from "../src/db/connection.js";
import { createModels } from "../src/db/models/index.js";
import { silentLogger } from "../src/logger.js";
import { createFieldCipher } from "../src/security/fieldCipher.js";
import { botDatabaseCommands, botDatabaseTimes, cpuMs, REPLY_LIMITS_LIFTED, rssMb, startBenchBot, stopBenchBot, totalOf } from "./support/botProcess.js";
import { nameOf, note, startDatabase } from "./support/caseSeed.js";
import { startRoundRobinProxy } from "../tests/support/roundRobinProxy.js";
import { sampleCpu } from "./support/cpuSampler.js";
import { addPostgresIndexes } from "./support/postgresIndexes.js";
import { actAsPerson, ANSWER_TIMEOUT_MS, MEAN_THINK_MS, registrationScript, THINK_MS } from "./support/registrationScript.js";
import { percentile } from "./support/timing.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? String(args[at + 1]) : fallback;
};
/** The open-loop levels; `--users 0` runs none (the closed loop only). */
const LEVELS = option("users", "100,1000,3000").split(",").map(Number).filter((users) => users > 0);
const CLOSED_USERS = Number(option("closed-users", "100"));
/** The closed loop again against this many processes in webhook mode behind a round-robin proxy (the scale layout); 0 skips it. */
const WEBHOOK_PROCESSES = Number(option("webhook-processes", "2"));
/** Then this many users in the database in all (rows as the bot stores them), and the 1,000-user level again: is an update's cost flat? 0 skips it. */
const KNOWN_USERS = Number(option("known-users", "50000"));
/**
 * The closed loop's shortest gap from one action of a person to the next: the bot's flood limit
 * (12 updates in 3 s a user, src/bot/middleware/floodLimit.ts) drops what comes faster, and a
 * person whose update was dropped waits for an answer that never comes. Binds only while the bot
 * answers in under ~300 ms.
 */
const CLOSED_LOOP_GAP_MS = 300;
/** A level ends after this long even if the bot is behind: the actions not yet answered count as dropped. */
const LEVEL_LIMIT_MS = 18 * 4_000 + 60_000;
const repoRoot = fileURLToPath(new URL("../", import.meta.url));

interface LevelResult {
  users: number;
  seconds: number;
  answered: number;
  /** People whose answer did not come (within a minute, or before the level ended). */
  dropped: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** The bot process's CPU time per answered update, ms (user + system, idle jobs included). */
  cpuMsPerUpdate: number;
  /** The bot's CPU time over the level's wall time (1 = one core busy all along). */
  cpuShare: number;
  /** The three steps of the script with the highest p95, and that p95. */
  slowestSteps: string;
  /** The commands per update by name ("find 1.08, insert 2.01 …"). */
  commandsByName: string;
  /** Each lane's busy share (the database's time for its commands over the level's wall time) and its slowest command by total time. */
  laneLoad: string;
  /** The machine's CPU over the level, and each process group's (bench/support/cpuSampler.ts). */
  cpu: string;
  /** The bot's largest resident memory sampled while the level ran (conversations open). */
  rssMb: number;
  commandsPerUpdate: number;
}

/** The commands (or their times) of several bot processes together, by name. */
async function summed<T>(bots: ChildProcess[], read: (bot: ChildProcess) => Promise<Record<string, T>>, add: (a: T, b: T) => T): Promise<Record<string, T>> {
  const all: Record<string, T> = {};
  for (const bot of bots) for (const [key, value] of Object.entries(await read(bot))) all[key] = key in all ? add(all[key]!, value) : value;
  return all;
}
const allCommands = (bots: ChildProcess[]) => summed(bots, botDatabaseCommands, (a, b) => a + b);
const allTimes = (bots: ChildProcess[]) => summed(bots, botDatabaseTimes, (a, b) => ({ count: a.count + b.count, ms: a.ms + b.ms }));
const allCpuMs = (bots: ChildProcess[]) => bots.reduce((sum, bot) => sum + cpuMs(bot.pid), 0);

/** One level, against one bot process or several (webhook mode: their commands and CPU added up, the largest RSS). */
async function runLevel(emulator: TelegramEmulator, users: number, firstId: number, botOrBots: ChildProcess | ChildProcess[], idleCommandsPerSecond: number, pace: boolean): Promise<LevelResult> {
  const bots = Array.isArray(botOrBots) ? botOrBots : [botOrBots];
  const draw = mulberry32(users * 7919);
  const think = () => THINK_MS[0] + draw() * (THINK_MS[1] - THINK_MS[0]);
  const people = Array.from({ length: users }, (_, i) => emulator.createUser({ id: firstId + i, firstName: `Sister ${i}`, languageCode: "en" }));
  const latencies: number[] = [];
  const countsBefore = await allCommands(bots);
  const timesBefore = await allTimes(bots);
  const cpuBefore = allCpuMs(bots);
  const largestRss = () => Math.max(...bots.map((bot) => rssMb(bot.pid)));
  let peakRss = largestRss();
  const sampling = setInterval(() => (peakRss = Math.max(peakRss, largestRss())), 500);
  const cpuSampling = sampleCpu(bots.map((bot) => bot.pid));
  const started = performance.now();
  // The script takes ~18 × 4 s at a person's pace; a bot that falls behind is cut off after that and a minute more.
  const deadline = started + LEVEL_LIMIT_MS;
  const byStep: number[][] = [];
  const onAnswer = (step: number, latency: number) => {
    latencies.push(latency);
    (byStep[step] ??= []).push(latency);
  };
  const drops = await Promise.all(
    people.map((user, i) =>
      actAsPerson(user, registrationScript(nameOf(firstId + i)), { pause: pace ? think : () => CLOSED_LOOP_GAP_MS, firstActionInMs: pace ? draw() * MEAN_THINK_MS : 0, deadline, onAnswer }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampling);
  const cpuReport = cpuSampling.stop();
  const cpu = cpuReport
    ? `machine ${Math.round(cpuReport.machineBusy * 100)}% busy (busiest 5 s ${Math.round(cpuReport.machinePeak5s * 100)}%), cores used: ${cpuReport.byGroup}`
    : "not measured (no /proc)";
  const dropped = drops.reduce((a, b) => a + b, 0);
  const countsAfter = await allCommands(bots);
  const timesAfter = await allTimes(bots);
  const botCpuMs = allCpuMs(bots) - cpuBefore;
  const commands = totalOf(countsAfter) - totalOf(countsBefore) - idleCommandsPerSecond * bots.length * seconds;
  const answered = Math.max(1, latencies.length);
  const commandsByName = Object.entries(countsAfter)
    .map(([name, n]) => [name, (n - (countsBefore[name] ?? 0)) / answered] as const)
    .filter(([, perUpdate]) => perUpdate >= 0.05)
    .map(([name, perUpdate]) => `${name} ${perUpdate.toFixed(2)}`)
    .join(", ");
  const script = registrationScript("x");
  const slowestSteps = byStep
    .map((values, index) => ({ index, p95: percentile(values, 95), answer: script[index]?.answer ?? "" }))
    .sort((a, b) => b.p95 - a.p95)
    .slice(0, 3)
    .map((s) => `step ${s.index + 1} ("${s.answer.slice(0, 24)}") p95 ${Math.round(s.p95)} ms`)
    .join(", ");
  const byLane = new Map<string, { ms: number; top: string; topMs: number; topCount: number }>();
  for (const [key, after] of Object.entries(timesAfter)) {
    const before = timesBefore[key] ?? { count: 0, ms: 0 };
    const spent = after.ms - before.ms;
    const [lane = "", name = ""] = key.split("/");
    const entry = byLane.get(lane) ?? { ms: 0, top: "", topMs: 0, topCount: 0 };
    entry.ms += spent;
    if (spent > entry.topMs) Object.assign(entry, { top: name, topMs: spent, topCount: after.count - before.count });
    byLane.set(lane, entry);
  }
  const laneLoad = [...byLane.entries()]
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(([lane, e]) => `${lane} ${Math.round((100 * e.ms) / (seconds * 1000))}% (most: ${e.top}, ${(e.topMs / Math.max(1, e.topCount)).toFixed(1)} ms each)`)
    .join(", ");
  return {
    laneLoad,
    cpu,
    slowestSteps,
    users,
    seconds,
    answered: latencies.length,
    dropped,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    rssMb: peakRss,
    commandsPerUpdate: commands / answered,
    commandsByName,
    cpuMsPerUpdate: botCpuMs / answered,
    cpuShare: botCpuMs / (seconds * 1000),
  };
}

/** The echo bot's throughput with `users` people each sending the 18 steps' worth of text back to back. */
async function echoCeiling(emulator: TelegramEmulator, users: number, firstId: number): Promise<{ perSecond: number; p99: number }> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/support/echoBot.ts"], {
    cwd: repoRoot,
    stdio: ["ignore", 2, 2],
    env: { ...process.env, BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot },
  });
  try {
    const probe = emulator.createUser({ id: firstId - 1, languageCode: "en" });
    for (let until = Date.now() + 60_000; ; ) {
      probe.sendText("ping");
      try {
        await probe.waitForText("ping", { timeoutMs: 2_000 });
        break;
      } catch {
        if (Date.now() > until) throw new Error("the echo bot did not start");
      }
    }
    const people = Array.from({ length: users }, (_, i) => emulator.createUser({ id: firstId + i, languageCode: "en" }));
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      people.map(async (user, i) => {
        for (let step = 0; step < 18; step++) {
          const text = `echo ${i} ${step}`;
          const sent = performance.now();
          user.sendText(text);
          await user.waitForText(text, { timeoutMs: ANSWER_TIMEOUT_MS });
          latencies.push(performance.now() - sent);
        }
      }),
    );
    return { perSecond: latencies.length / ((performance.now() - started) / 1000), p99: percentile(latencies, 99) };
  } finally {
    await stopBenchBot(child, "SIGTERM");
  }
}

/**
 * The registrations' duplicate searches run in the background after the family's answer
 * (services/cases/duplicateCheckQueue.ts): how many were still waiting when a level's last answer
 * came, and how long after it the bot had run them all (at most 2 minutes is waited for). Their
 * commands after the level's end are not in its commands an update.
 */
async function duplicateSearchBacklog(mongoUri: string) {
  const direct = await connectDatabase(mongoUri, { log: silentLogger });
  const unchecked = () => direct.db!.collection("cases").countDocuments({ duplicateReview: "unchecked" });
  return {
    async report(): Promise<string> {
      const waiting = await unchecked();
      const started = performance.now();
      let left = waiting;
      while (left > 0 && performance.now() - started < 120_000) {
        await sleep(250);
        left = await unchecked();
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      return left === 0
        ? `duplicate searches: ${waiting} still to run at the level's last answer, all run ${seconds} s later`
        : `duplicate searches: ${waiting} still to run at the level's last answer, ${left} still not run ${seconds} s later`;
    },
    close: () => direct.close(),
  };
}

async function main(): Promise<void> {
  const database = await startDatabase();
  const databaseName = `bench_${randomBytes(4).toString("hex")}`;
  const mongoUri = withDatabaseName(database.uri, databaseName);
  // Each new emulator numbers its updates after the last one's: the bot keeps the ids it handled
  // (processed_updates) and would skip a repeated one as a duplicate.
  let emulators = 0;
  const newEmulator = () =>
    TelegramEmulator.start({
      limits: REPLY_LIMITS_LIFTED,
      callLogLimit: 10_000,
      firstUpdateId: 100_000_001 + 10_000_000 * emulators++,
    });
  let emulator = await newEmulator();
  note(`database: ${database.name} (commands counted by the bot's driver); levels ${LEVELS.join(", ")} users; closed loop ${CLOSED_USERS} users`);
  let bot: ChildProcess | undefined;
  const rows: string[] = [];
  let line = "";
  try {
    // Start-up: from `node dist/main.js` to the first answered update.
    const dataKey = randomBytes(32);
    const first = emulator.createUser({ id: 999_000, languageCode: "en" });
    const botStarted = performance.now();
    first.sendCommand("start");
    bot = await startBenchBot({ emulator, mongoUri, dataKey, built: true, countCommands: true, env: { LOG_LEVEL: "warn", DEMO_DATA: "false" } });
    await first.waitForReply({ timeoutMs: 60_000 });
    const startupMs = performance.now() - botStarted;
    // The bot has created its collections and indexes: on FerretDB on PostgreSQL, add the GIN indexes PostgreSQL can use.
    const ginIndexes = addPostgresIndexes(database, databaseName);
    if (database.postgres) note(ginIndexes > 0 ? `PostgreSQL: ${ginIndexes} GIN indexes added beside FerretDB's (bench/support/postgresIndexes.ts)` : "PostgreSQL: FerretDB's own indexes only (BENCH_PG_INDEXES=0)");
    // The scheduled jobs' own commands while nobody writes, subtracted from each level's count.
    await sleep(2_000);
    const idleFrom = totalOf(await botDatabaseCommands(bot));
    await sleep(10_000);
    const idleCommandsPerSecond = (totalOf(await botDatabaseCommands(bot)) - idleFrom) / 10;
    const idleRss = rssMb(bot.pid);
    note(`start-up: first update answered ${Math.round(startupMs)} ms after \`node dist/main.js\`; idle: RSS ${idleRss.toFixed(0)} MB, ${idleCommandsPerSecond.toFixed(1)} database commands/s (scheduled jobs)`);
    rows.push(`| start-up: \`node dist/main.js\` to the first answer | | ${Math.round(startupMs)} | | | | ${idleRss.toFixed(0)} (idle) | | |`);

    /**
     * Before each level after the first: a new emulator (the updates a level left queued are
     * dropped with it) and the bot started again against it (same database), so that no level
     * inherits the backlog of an overloaded one.
     */
    const freshStart = async () => {
      await stopBenchBot(bot, "SIGTERM");
      await emulator.stop();
      emulator = await newEmulator();
      bot = await startBenchBot({ emulator, mongoUri, dataKey, built: true, countCommands: true, env: { LOG_LEVEL: "warn", DEMO_DATA: "false" } });
      await sleep(2_000);
      return bot;
    };
    let firstId = 1_000_000;
    const results: LevelResult[] = [];
    const searches = await duplicateSearchBacklog(mongoUri);
    for (const [index, users] of LEVELS.entries()) {
      if (index > 0) bot = await freshStart();
      const result = await runLevel(emulator, users, firstId, bot, idleCommandsPerSecond, true);
      firstId += users + 1_000;
      results.push(result);
      note(await searches.report());
      note(
        `open loop ${users} users: ${result.answered} answers in ${result.seconds.toFixed(0)} s (${result.perSecond.toFixed(1)}/s), dropped ${result.dropped}, ` +
          `p50 ${result.p50.toFixed(0)} / p95 ${result.p95.toFixed(0)} / p99 ${result.p99.toFixed(0)} ms, RSS ${result.rssMb.toFixed(0)} MB, bot CPU ${result.cpuMsPerUpdate.toFixed(1)} ms an update (${Math.round(result.cpuShare * 100)}% of a core), ` +
          `${result.commandsPerUpdate.toFixed(2)} database commands an update (${result.commandsByName}); slowest: ${result.slowestSteps}; database busy by lane: ${result.laneLoad}; CPU: ${result.cpu}`,
      );
      rows.push(
        `| ${users} at a person's pace | ${result.perSecond.toFixed(1)} | ${result.p50.toFixed(0)} | ${result.p95.toFixed(0)} | ${result.p99.toFixed(0)} | ${result.dropped} | ${result.rssMb.toFixed(0)} | ${result.commandsPerUpdate.toFixed(2)} | ${result.cpuMsPerUpdate.toFixed(1)} |`,
      );
    }
    if (KNOWN_USERS > 0) {
      // More known users, stored as the bot stores them (a pseudonym each), then 1,000 new ones at a person's pace again.
      const direct = await connectDatabase(withDatabaseName(database.uri, databaseName), { log: silentLogger });
      const models = createModels(direct);
      const cipher = createFieldCipher(dataKey);
      const known = await models.users.estimatedDocumentCount().exec();
      const now = new Date();
      for (let from = known; from < KNOWN_USERS; from += 2_000) {
        const rows = Array.from({ length: Math.min(2_000, KNOWN_USERS - from) }, (_, k) => ({ _id: cipher.userRef(5_000_000 + from + k), roles: [], firstSeenAt: now, lastSeenAt: now }));
        await models.users.insertMany(rows, { ordered: false });
      }
      await direct.close();
      bot = await freshStart();
      const result = await runLevel(emulator, 1000, firstId, bot, idleCommandsPerSecond, true);
      firstId += 2_000;
      note(
        `open loop 1000 users with ${KNOWN_USERS} known: ${result.perSecond.toFixed(1)}/s, dropped ${result.dropped}, p50 ${result.p50.toFixed(0)} / p95 ${result.p95.toFixed(0)} / p99 ${result.p99.toFixed(0)} ms, ${result.commandsPerUpdate.toFixed(2)} commands an update, bot CPU ${result.cpuMsPerUpdate.toFixed(1)} ms an update; slowest: ${result.slowestSteps}; database busy by lane: ${result.laneLoad}; CPU: ${result.cpu}`,
      );
      rows.push(
        `| 1000 at a person's pace, ${KNOWN_USERS} users known | ${result.perSecond.toFixed(1)} | ${result.p50.toFixed(0)} | ${result.p95.toFixed(0)} | ${result.p99.toFixed(0)} | ${result.dropped} | ${result.rssMb.toFixed(0)} | ${result.commandsPerUpdate.toFixed(2)} | ${result.cpuMsPerUpdate.toFixed(1)} |`,
      );
    }
    await searches.close();
    bot = await freshStart();
    const closed = await runLevel(emulator, CLOSED_USERS, firstId, bot, idleCommandsPerSecond, false);
    firstId += CLOSED_USERS + 1_000;
    note(`closed loop ${CLOSED_USERS} users: ${closed.perSecond.toFixed(1)} answers/s, p50 ${closed.p50.toFixed(0)} / p99 ${closed.p99.toFixed(0)} ms, ${closed.commandsPerUpdate.toFixed(2)} commands an update, bot CPU ${closed.cpuMsPerUpdate.toFixed(1)} ms an update (${Math.round(closed.cpuShare * 100)}% of a core); database busy by lane: ${closed.laneLoad}; CPU: ${closed.cpu}`);
    rows.push(
      `| ${CLOSED_USERS} closed loop (no pauses but the flood limit's) | ${closed.perSecond.toFixed(1)} | ${closed.p50.toFixed(0)} | ${closed.p95.toFixed(0)} | ${closed.p99.toFixed(0)} | ${closed.dropped} | ${closed.rssMb.toFixed(0)} | ${closed.commandsPerUpdate.toFixed(2)} | ${closed.cpuMsPerUpdate.toFixed(1)} |`,
    );
    await stopBenchBot(bot, "SIGTERM");
    bot = undefined;
    const echo = await echoCeiling(emulator, CLOSED_USERS, firstId + 1);
    note(`echo bot, closed loop ${CLOSED_USERS} users: ${echo.perSecond.toFixed(1)} answers/s, p99 ${echo.p99.toFixed(0)} ms`);
    rows.push(`| ${CLOSED_USERS} closed loop, bare echo bot (ceiling) | ${echo.perSecond.toFixed(1)} | | | ${echo.p99.toFixed(0)} | | | 0 | |`);

    if (WEBHOOK_PROCESSES > 0) {
      // The layout for more than one machine (README "Scaling"), here on this one: processes in
      // webhook mode behind a round-robin proxy, the emulator posting updates to the proxy.
      await emulator.stop();
      emulator = await newEmulator();
      const ports: number[] = [];
      for (let i = 0; i < WEBHOOK_PROCESSES; i++) ports.push(await freePort());
      const proxy = await startRoundRobinProxy(ports.map((port) => `http://127.0.0.1:${port}`));
      const secret = randomBytes(16).toString("hex");
      const hooked: ChildProcess[] = [];
      try {
        for (const port of ports) {
          hooked.push(await startBenchBot({ emulator, mongoUri, dataKey, built: true, countCommands: true, webhook: { url: `${proxy.url}/telegram/webhook`, port, secret }, env: { LOG_LEVEL: "warn", DEMO_DATA: "false" } }));
        }
        await sleep(2_000);
        const result = await runLevel(emulator, CLOSED_USERS, firstId, hooked, idleCommandsPerSecond, false);
        firstId += CLOSED_USERS + 1_000;
        note(
          `closed loop ${CLOSED_USERS} users, ${WEBHOOK_PROCESSES} webhook processes: ${result.perSecond.toFixed(1)} answers/s, p50 ${result.p50.toFixed(0)} / p99 ${result.p99.toFixed(0)} ms, ` +
            `${result.commandsPerUpdate.toFixed(2)} commands an update, the bots' CPU ${result.cpuMsPerUpdate.toFixed(1)} ms an update (${result.cpuShare.toFixed(2)} cores in all); database busy by lane: ${result.laneLoad}; CPU: ${result.cpu}`,
        );
        rows.push(
          `| ${CLOSED_USERS} closed loop, ${WEBHOOK_PROCESSES} webhook processes behind a proxy | ${result.perSecond.toFixed(1)} | ${result.p50.toFixed(0)} | ${result.p95.toFixed(0)} | ${result.p99.toFixed(0)} | ${result.dropped} | ${result.rssMb.toFixed(0)} | ${result.commandsPerUpdate.toFixed(2)} | ${result.cpuMsPerUpdate.toFixed(1)} |`,
        );
      } finally {
        for (const child of hooked) await stopBenchBot(child, "SIGTERM");
        await proxy.close();
      }
    }

    process.stdout.write(`\n| users | updates/s | p50 ms | p95 ms | p99 ms | dropped | bot RSS MB | db commands/update | bot CPU ms/update |\n|---|---|---|---|---|---|---|---|---|\n${rows.join("\n")}\n\n`);
    const reference = results.find((r) => r.users === 1000) ?? results.at(-1) ?? closed;
    line =
      `updates users=${reference.users} per_s=${reference.perSecond.toFixed(1)} p99_ms=${Math.round(reference.p99)} ` +
      `ceiling_ratio=${(closed.perSecond / echo.perSecond).toFixed(2)} rss_mb=${Math.round(Math.max(closed.rssMb, ...results.map((r) => r.rssMb)))} roundtrips=${reference.commandsPerUpdate.toFixed(1)} db=${database.name}${ginIndexes > 0 ? "+gin" : ""}`;
  } finally {
    await stopBenchBot(bot, "SIGTERM");
    await emulator.stop();
    await database.stop();
  }
  process.stdout.write(`${line}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
