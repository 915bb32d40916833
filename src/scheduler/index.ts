import { randomUUID } from "node:crypto";
import cron, { type ScheduledTask } from "node-cron";
import type { Clock } from "../clock.js";
import type { Models } from "../db/models/index.js";
import type { Logger } from "../logger.js";
import { createLeases } from "../db/leases.js";
import { createTickClaims } from "./tickClaims.js";

export interface ScheduledJob {
  name: string;
  /** node-cron expression, evaluated in the scheduler's time zone. */
  cron: string;
  run(now: Date): Promise<void>;
}

export interface Scheduler {
  stop(): Promise<void>;
  /** Runs one job now under its lease (tests and manual runs). */
  runNow(name: string): Promise<boolean>;
  /** What a cron tick does: runs the job unless another process already ran this tick (tests call it with a chosen tick). */
  runTick(name: string, tick: Date): Promise<boolean>;
}

/**
 * node-cron ticks; with several bot processes every process's cron fires, and a job runs once per
 * tick, not once per process: the first process to claim the tick (a unique insert) runs it, and a
 * lease keeps a slow run from overlapping the next tick's. The lease alone would not do: it is given
 * back when the run ends, so a process whose tick fires a moment after a quick run would run it again.
 */
export function startScheduler(input: { jobs: ScheduledJob[]; models: Models; clock: Clock; log: Logger; timezone: string }): Scheduler {
  const { jobs, models, clock, log, timezone } = input;
  const holder = randomUUID();
  const leases = createLeases(models, clock);
  const tickClaims = createTickClaims(models, holder);
  const running = new Set<Promise<unknown>>();
  const tasks: ScheduledTask[] = [];

  async function runJob(job: ScheduledJob, tick?: Date): Promise<boolean> {
    const leaseName = `job:${job.name}`;
    if (!(await leases.acquire(leaseName, holder, 10 * 60_000))) return false;
    try {
      await job.run(clock.now());
      log.debug({ job: job.name, ...(tick ? { tick: tick.toISOString() } : {}) }, "scheduled job ran");
      return true;
    } catch (error) {
      log.error({ job: job.name, err: (error as Error).message }, "scheduled job failed");
      return false;
    } finally {
      await leases.release(leaseName, holder).catch(() => undefined);
    }
  }

  async function runTick(job: ScheduledJob, tick: Date): Promise<boolean> {
    if (!(await tickClaims.claim(job.name, tick))) return false;
    return runJob(job, tick);
  }

  for (const job of jobs) {
    tasks.push(
      cron.schedule(
        job.cron,
        // context.date is the tick's scheduled time: the same in every process, however late each fires.
        (context) => {
          const run = runTick(job, context.date).catch((error: unknown) => {
            log.error({ job: job.name, err: (error as Error).message }, "scheduled job could not claim its tick");
            return false;
          });
          running.add(run);
          void run.finally(() => running.delete(run));
        },
        { timezone, name: job.name },
      ),
    );
  }

  return {
    async stop() {
      for (const task of tasks) await task.stop();
      await Promise.allSettled([...running]);
    },
    async runNow(name) {
      const job = jobs.find((j) => j.name === name);
      if (!job) throw new Error(`no job ${name}`);
      return runJob(job);
    },
    async runTick(name, tick) {
      const job = jobs.find((j) => j.name === name);
      if (!job) throw new Error(`no job ${name}`);
      return runTick(job, tick);
    },
  };
}
