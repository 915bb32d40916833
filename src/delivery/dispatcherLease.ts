import type { Clock } from "../clock.js";
import type { Leases } from "../db/leases.js";
import type { Logger } from "../logger.js";
import { sleep } from "../sleep.js";

export const DISPATCHER_LEASE = "delivery:dispatcher";

/**
 * Leadership: only the process holding the dispatcher lease sends. It is renewed every third of
 * its time to live, and sending stops a fifth of it before it could pass to another process.
 * A lease whose holder is provably dead (killed on this machine: its pid is gone) is taken at once
 * instead of when it runs out, by a conditional update naming that holder; a live holder's never is.
 */
export class DispatcherLease {
  private held = false;
  /** Clock milliseconds until which the lease is ours. */
  private until = 0;
  private lastRenewAt = 0;

  constructor(
    private readonly deps: {
      leases: Leases;
      clock: Clock;
      log: Logger;
      holder: string;
      ttlMs: number;
      /** Monotonic milliseconds. */
      mono: () => number;
      stopping: () => boolean;
      /** True when a holder cannot be running any more (processIdentity.ts provablyDead): its lease is taken at once. */
      holderGone: (holder: string) => boolean;
    },
  ) {}

  get leader(): boolean {
    return this.held;
  }

  /** Clock time the lease runs out (written on a retry's `sending` row). */
  get leaseUntil(): number {
    return this.until;
  }

  /** Held, and far enough from its end that a send started now cannot overlap another dispatcher's. */
  fresh(): boolean {
    return this.held && this.deps.clock.now().getTime() < this.until - this.deps.ttlMs / 5;
  }

  async take(): Promise<boolean> {
    const { leases, holder, ttlMs } = this.deps;
    if (!(await leases.acquire(DISPATCHER_LEASE, holder, ttlMs)) && !(await this.takeFromTheDead())) return false;
    // FerretDB may lose one of two racing updates from different processes: confirm after a moment.
    await sleep(250);
    if (this.deps.stopping() || !(await leases.acquire(DISPATCHER_LEASE, holder, ttlMs))) return false;
    this.held = true;
    this.until = this.deps.clock.now().getTime() + ttlMs;
    this.lastRenewAt = this.deps.mono();
    this.deps.log.info({ holder }, "delivery dispatcher lease taken");
    return true;
  }

  /** The lease is held by someone else: take it now if that someone is a process that no longer exists. */
  private async takeFromTheDead(): Promise<boolean> {
    const { leases, holder, ttlMs, log } = this.deps;
    const previous = await leases.holderOf(DISPATCHER_LEASE);
    if (previous === null || previous === holder || !this.deps.holderGone(previous)) return false;
    if (!(await leases.takeOver(DISPATCHER_LEASE, previous, holder, ttlMs))) return false;
    log.info({ holder, previous }, "the dispatcher lease's holder is gone (its process no longer exists): taken over without waiting");
    return true;
  }

  /** Renews when due. Returns false when leadership was lost (the caller forgets its jobs). */
  async renew(): Promise<boolean> {
    const { leases, holder, ttlMs, clock, log } = this.deps;
    if (this.deps.mono() - this.lastRenewAt < ttlMs / 3 && this.fresh()) return true;
    try {
      if (await leases.acquire(DISPATCHER_LEASE, holder, ttlMs)) {
        this.until = clock.now().getTime() + ttlMs;
        this.lastRenewAt = this.deps.mono();
        return true;
      }
      await this.resign("lease lost", false);
      return false;
    } catch (error) {
      log.warn({ err: (error as Error).message }, "could not renew the dispatcher lease");
      if (clock.now().getTime() < this.until) return true;
      await this.resign("lease expired", false);
      return false;
    }
  }

  /** Stops leading; `release` also gives the lease back so another process need not wait for it to expire. */
  async resign(reason: string, release: boolean): Promise<void> {
    const wasLeader = this.held;
    this.held = false;
    if (wasLeader) this.deps.log.info({ holder: this.deps.holder, reason }, "delivery dispatcher lease given up");
    if (!release) return;
    try {
      await this.deps.leases.release(DISPATCHER_LEASE, this.deps.holder);
    } catch (error) {
      // Harmless (it expires by itself), but worth knowing: a standby waits out its time to live.
      this.deps.log.warn({ err: (error as Error).message }, "could not give the dispatcher lease back; it expires by itself");
    }
  }
}
