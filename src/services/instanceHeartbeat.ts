import type { Clock } from "../clock.js";
import type { Models } from "../db/models/index.js";
import type { Logger } from "../logger.js";
import { createLeases } from "../db/leases.js";
import { newInstanceId, provablyDead } from "../processIdentity.js";

/**
 * How long a process counts as alive after its last heartbeat, and how often it beats. An update
 * left half-handled by a killed process is taken over at most HEARTBEAT_TTL_MS after its last beat
 * (plus one poll retry, ~1 s) — at once when the process was on this machine and is provably gone
 * (processIdentity.ts); a process stalled longer than this may see its update handled twice.
 */
export const HEARTBEAT_TTL_MS = 10_000;
export const HEARTBEAT_INTERVAL_MS = 3_000;
/** A killed process's heartbeat row is removed by the next start after this long. */
const FORGET_DEAD_AFTER_MS = 24 * 60 * 60_000;

export interface InstanceHeartbeat {
  /** This process: host, pid, a random suffix and its pid space (processIdentity.ts; no personal data). */
  readonly instanceId: string;
  /** True while the instance's heartbeat lease is fresh, unless its process provably no longer exists (killed on this machine). */
  isAlive(instanceId: string): Promise<boolean>;
  /** Writes the first beat (awaited, so claims made right after see us alive), then beats on a timer. */
  start(): Promise<void>;
  /** Graceful shutdown: the lease is removed, so a restarted process takes over at once. */
  stop(): Promise<void>;
}

const leaseName = (instanceId: string): string => `instance:${instanceId}`;

/** Each bot process keeps a lease row `instance:<id>` in `leases`, renewed every few seconds. */
export function createInstanceHeartbeat(
  models: Models,
  clock: Clock,
  log: Logger,
  options: { instanceId?: string; ttlMs?: number; intervalMs?: number } = {},
): InstanceHeartbeat {
  const instanceId = options.instanceId ?? newInstanceId();
  const ttlMs = options.ttlMs ?? HEARTBEAT_TTL_MS;
  const intervalMs = options.intervalMs ?? HEARTBEAT_INTERVAL_MS;
  const leases = createLeases(models, clock);
  let timer: NodeJS.Timeout | undefined;
  let beating: Promise<unknown> = Promise.resolve();

  const beat = async (): Promise<void> => {
    // Our own name: nobody else holds it, so this only fails when the database is away.
    await leases.acquire(leaseName(instanceId), instanceId, ttlMs);
  };

  return {
    instanceId,
    async isAlive(other) {
      if (provablyDead(other)) return false;
      const lease = await models.leases.findById(leaseName(other)).lean().exec();
      return lease !== null && lease.until.getTime() >= clock.now().getTime();
    },
    async start() {
      await beat().catch((error: unknown) => log.warn({ err: (error as Error).message }, "heartbeat failed"));
      // Heartbeats of processes that were killed long ago are no use to anyone.
      const longDead = new Date(clock.now().getTime() - FORGET_DEAD_AFTER_MS);
      await models.leases.deleteMany({ _id: /^instance:/, until: { $lt: longDead } }).exec().catch(() => undefined);
      timer = setInterval(() => {
        beating = beat().catch((error: unknown) => log.warn({ err: (error as Error).message }, "heartbeat failed"));
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await beating;
      await leases.release(leaseName(instanceId), instanceId);
    },
  };
}
