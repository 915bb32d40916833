import type { DeliveryProgress } from "./types.js";

/**
 * The in-process line from the outbox's front door (deliveryService.ts) to this process's worker.
 * The service exists before the bot and the worker after it, so neither is handed the other: both
 * get this line. The service rings it after an enqueue, pause, resume or cancel (the worker looks
 * for work at once instead of at its next tick) and asks it for a running job's counts from the
 * worker's memory; before a worker is connected, a ring is a no-op and there are no live counts.
 */
export interface WorkerLink {
  ring(): void;
  liveProgress(jobId: string): DeliveryProgress | undefined;
  /** Called once, by the app, when the worker has started. */
  connect(worker: { wake(): void; progressOf(jobId: string): DeliveryProgress | undefined }): void;
}

export function createWorkerLink(): WorkerLink {
  let worker: { wake(): void; progressOf(jobId: string): DeliveryProgress | undefined } | undefined;
  return {
    ring: () => worker?.wake(),
    liveProgress: (jobId) => worker?.progressOf(jobId),
    connect(started) {
      if (worker) throw new Error("a worker is connected to this outbox already");
      worker = started;
    },
  };
}
