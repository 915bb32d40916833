import { isDuplicateKeyError } from "../db/duplicateKeys.js";
import type { Models } from "../db/models/index.js";

/** A claimed tick is remembered this long: far longer than any process fires late, short enough to keep `leases` small. */
const REMEMBER_TICK_MS = 10 * 60_000;

export interface TickClaims {
  /** True for the one process that claims this job's tick first; false for every other. */
  claim(jobName: string, tick: Date): Promise<boolean>;
}

const tickPrefix = (jobName: string) => `tick:${jobName}:`;

/**
 * One row `tick:<job>:<minute>` in `leases` per job and tick. Claimed by inserting it: a unique
 * insert is the one write that holds across processes on FerretDB as on MongoDB (a conditional
 * update over two connections may let both win there). Rows of ticks long past are removed by the
 * process that claims a later tick. Ticks are node-cron's (wall) time, not the injected clock's.
 */
export function createTickClaims(models: Models, holder: string): TickClaims {
  return {
    async claim(jobName, tick) {
      // Cron's resolution is a minute: seconds and milliseconds are not part of the tick.
      const minute = new Date(Math.floor(tick.getTime() / 60_000) * 60_000);
      try {
        await models.leases.create({ _id: `${tickPrefix(jobName)}${minute.toISOString()}`, holder, until: new Date(minute.getTime() + REMEMBER_TICK_MS) });
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
      await models.leases
        .deleteMany({ _id: { $regex: `^${escapeRegex(tickPrefix(jobName))}` }, until: { $lt: minute } })
        .exec()
        .catch(() => undefined);
      return true;
    },
  };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
