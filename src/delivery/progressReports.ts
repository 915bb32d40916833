import type { Logger } from "../logger.js";
import type { ActiveJob } from "./activeJob.js";
import type { DeliveryProgressListener } from "./types.js";

/**
 * Tells the progress listener (the sender's live progress message) how a job stands: at most every
 * `intervalMs` while it runs or is paused and its counts moved, and once more when it is finished.
 */
export class ProgressReports {
  constructor(
    private readonly deps: {
      listener?: DeliveryProgressListener;
      log: Logger;
      intervalMs: number;
      /** Monotonic milliseconds. */
      mono: () => number;
    },
  ) {}

  /** Called every tick: samples each job's rate (for the ETA) and reports those that are due. */
  tick(jobs: Iterable<ActiveJob>): void {
    const now = this.deps.mono();
    for (const job of jobs) {
      job.sample(now);
      if ((job.state !== "running" && job.state !== "paused") || !job.changed || now - job.lastReportAt < this.deps.intervalMs) continue;
      void this.report(job, job.state, false);
    }
  }

  /** A report now; `final` once the job is done or cancelled. A failing listener is logged, never thrown. */
  async report(job: ActiveJob, state: ActiveJob["state"], final: boolean): Promise<void> {
    job.changed = false;
    job.lastReportAt = this.deps.mono();
    if (!this.deps.listener) return;
    try {
      await this.deps.listener(job.summary, job.progress(state), final);
    } catch (error) {
      this.deps.log.warn({ job: job.jobId, err: (error as Error).message }, "progress listener failed");
    }
  }
}
