import { randomUUID } from "node:crypto";
import cron, { type ScheduledTask } from "node-cron";
import type { Clock } from "../clock.js";
import type { Models } from "../db/models/index.js";
import type { Logger } from "../logger.js";
import { createLeases } from "../db/leases.js";

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
}

/**
 * node-cron ticks; each run takes a lease in the database first, so with several bot processes
 * a job runs once per tick, not once per process.
 */
export function startScheduler(input: { jobs: ScheduledJob[]; models: Models; clock: Clock; log: Logger; timezone: string }): Scheduler {
  const { jobs, models, clock, log, timezone } = input;
  const holder = randomUUID();
  const leases = createLeases(models, clock);
  const running = new Set<Promise<unknown>>();
  const tasks: ScheduledTask[] = [];

  async function runJob(job: ScheduledJob): Promise<boolean> {
    const leaseName = `job:${job.name}`;
    if (!(await leases.acquire(leaseName, holder, 10 * 60_000))) return false;
    try {
      await job.run(clock.now());
      return true;
    } catch (error) {
      log.error({ job: job.name, err: (error as Error).message }, "scheduled job failed");
      return false;
    } finally {
      await leases.release(leaseName, holder).catch(() => undefined);
    }
  }

  for (const job of jobs) {
    tasks.push(
      cron.schedule(
        job.cron,
        () => {
          const run = runJob(job).catch(() => false);
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
  };
}
