// The duplicate searches of new registrations, run in the background after the family's answer.
//
// Run inside the update, a search kept the update unfinished: the poller cannot confirm past an
// unfinished update, and at most 100 updates fit between the confirmed offset and the newest one,
// so a burst of saves whose searches queued on the database held every other chat's updates too
// (bench:updates, 1,000 people: p95 4.9 s, p99 14.9 s, with the search after the reply but inside
// the update). Here the update ends with the reply, and the searches run a few at a time.
//
// Only case ids wait here, nothing personal. What is not run (the queue full, the process stopped
// or killed) stays "unchecked" in the database and the check-unchecked-duplicates job runs it.
// Hand-written rather than p-limit: the bound on what waits, and what happens over it, is the point.

import type { Logger } from "../../logger.js";

export interface DuplicateCheckQueue {
  /** Runs the case's search soon; false if the queue is full (the sweep will run it). */
  add(caseId: string): boolean;
  /** Searches waiting or running. */
  size(): number;
  /** Starts nothing more; waits for the searches running. What waits is left to the sweep. */
  stop(): Promise<void>;
}

export interface DuplicateCheckQueueOptions {
  check: (caseId: string) => Promise<unknown>;
  log: Logger;
  /** Searches at once (each asks its name keys side by side over the reads' lane). */
  concurrency?: number;
  /** Case ids waiting at most; more are left to the sweep. */
  maxWaiting?: number;
}

export function createDuplicateCheckQueue({ check, log, concurrency = 2, maxWaiting = 2_000 }: DuplicateCheckQueueOptions): DuplicateCheckQueue {
  const waiting: string[] = [];
  const running = new Set<Promise<void>>();
  let stopped = false;

  function startNext(): void {
    while (!stopped && running.size < concurrency && waiting.length > 0) {
      const caseId = waiting.shift()!;
      const run = check(caseId)
        .then(
          () => undefined,
          (error: unknown) => log.warn({ err: (error as Error).message }, "duplicate search failed; the sweep will run it again"),
        )
        .finally(() => {
          running.delete(run);
          startNext();
        });
      running.add(run);
    }
  }

  return {
    add(caseId) {
      if (stopped || waiting.length >= maxWaiting) return false;
      waiting.push(caseId);
      startNext();
      return true;
    },
    size: () => waiting.length + running.size,
    async stop() {
      stopped = true;
      waiting.length = 0;
      await Promise.all([...running]);
    },
  };
}
