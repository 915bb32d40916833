import { systemClock, type Clock } from "../../src/clock.js";
import { startTestBot, type TestBot } from "./botHarness.js";

/** A message through the scheduler and the outbox, on a machine shared with other test runs. */
export const ARRIVAL_MS = 15_000;
/** A story lets days pass with the jobs running once a simulated day. */
export const STORY_MS = 60_000;
export const DAY = 24 * 60 * 60 * 1000;

/** A running bot whose clock a story moves forward, days at a time, with its scheduled jobs. */
export interface StoryBot {
  bot: TestBot;
  /** The bot's clock: where the story is now. */
  clock: Clock;
  /** Moves the bot's clock forward; nothing runs. */
  advance(ms: number): void;
  /** The story's jobs, now, in order; each must run (no other process holds its lease). */
  runJobs(): Promise<void>;
  /** Time passes with the bot running: its jobs run once a simulated day (and at the end), then the bot goes quiet. */
  passTime(ms: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts a bot whose clock reads `startsAt` and moves only when the story says; `jobs` are the
 * scheduled jobs its days run (e.g. the daily check, then the reminders' minute tick). The outbox
 * sends on real time: its lease would lapse with every jump of the bot's clock.
 */
export async function startStoryBot(options: { adminIds: number[]; startsAt: string; jobs: string[] }): Promise<StoryBot> {
  let offsetMs = Date.parse(options.startsAt) - Date.now();
  const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
  const bot = await startTestBot({ adminIds: options.adminIds, overrides: { clock, delivery: { clock: systemClock } } });
  const advance = (ms: number) => void (offsetMs += ms);
  async function runJobs(): Promise<void> {
    for (const job of options.jobs) if (!(await bot.app.scheduler.runNow(job))) throw new Error(`The job ${job} did not run (its lease is held elsewhere)`);
  }
  return {
    bot,
    clock,
    advance,
    runJobs,
    async passTime(ms) {
      for (let left = ms; left > 0; left -= DAY) {
        advance(Math.min(left, DAY));
        await runJobs();
      }
      await bot.emulator.waitForQuiet();
    },
    stop: () => bot.stop(),
  };
}
