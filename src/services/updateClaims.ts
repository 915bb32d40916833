import type { Clock } from "../clock.js";
import { createGroupInsert } from "../db/groupInsert.js";
import type { Models } from "../db/models/index.js";
import type { InstanceHeartbeat } from "./instanceHeartbeat.js";

/**
 * What to do with an incoming update:
 * - `handle`: this process owns it now (new, or taken over from a dead process);
 * - `duplicate`: it was handled already — skip it, and let Telegram forget it;
 * - `busy`: a live process is handling it right now — do not confirm it to Telegram, ask again later.
 */
export type ClaimOutcome = "handle" | "duplicate" | "busy";

export interface UpdateClaims {
  claim(updateId: number): Promise<ClaimOutcome>;
  /** The handler finished (successfully or with an error the user was told about). */
  complete(updateId: number): Promise<void>;
  /** Gives the claim back so a retried delivery is handled again (the database went away mid-update). */
  release(updateId: number): Promise<void>;
  purgeOlderThan(cutoff: Date): Promise<number>;
  /** Whether the update was handled to the end (by any process). */
  isDone(updateId: number): Promise<boolean>;
}

/** Thrown for an update another live process is handling: the poller fetches it again later, a webhook answers 503. */
export class UpdateInFlightElsewhereError extends Error {
  constructor(readonly updateId: number) {
    super(`update ${updateId} is being handled by another live process`);
    this.name = "UpdateInFlightElsewhereError";
  }
}

export function isUpdateInFlightElsewhere(error: unknown): boolean {
  let current: unknown = error;
  // grammY wraps handler errors in BotError { error }.
  for (let depth = 0; depth < 3 && current instanceof Error; depth++) {
    if (current instanceof UpdateInFlightElsewhereError) return true;
    current = (current as { error?: unknown }).error ?? current.cause;
  }
  return false;
}

/**
 * Every update_id is claimed in `processed_updates` before it is handled: state `processing` with the
 * claiming process as owner; once handled, a row in `update_completions` says it is done. Both are
 * inserts on a unique `_id`, so the two writes of every update read nothing (on FerretDB v1 an
 * update or a find by `_id` scans the whole collection); only a repeated delivery looks rows up.
 * The inserts of concurrent updates go together (db/groupInsert.ts): under load, a claim or a
 * completion costs a fraction of a round trip.
 * A claim left `processing` without a completion by a process whose heartbeat has stopped (killed,
 * crashed) is taken over; one whose owner is alive is left alone. Only single-document
 * atomic writes on a unique _id, so it holds on FerretDB as on MongoDB.
 */
export function createUpdateClaims(models: Models, clock: Clock, heartbeat: Pick<InstanceHeartbeat, "instanceId" | "isAlive">): UpdateClaims {
  const me = heartbeat.instanceId;
  // Updates this process is handling right now: a claim of ours not in here was left by an earlier failure.
  const inFlight = new Set<number>();
  const claimRows = createGroupInsert(models.processedUpdates);
  const completionRows = createGroupInsert(models.updateCompletions);

  async function takeOver(updateId: number): Promise<ClaimOutcome> {
    if (await models.updateCompletions.exists({ _id: updateId }).exec()) return "duplicate";
    const existing = await models.processedUpdates.findById(updateId).lean().exec();
    if (!existing) return "busy"; // released meanwhile; the next delivery claims it afresh
    // Claims marked done in place, before completions had their own rows.
    if (existing.state === "done") return "duplicate";
    const owner = existing.owner ?? null;
    // Our own claim that is not in flight here (see claim) was left behind by an earlier failure.
    if (owner !== me && owner !== null && (await heartbeat.isAlive(owner))) return "busy";
    // The owner is gone: take the claim, conditioned on the owner we saw, so only one process wins.
    const taken = await models.processedUpdates
      .findOneAndUpdate({ _id: updateId, state: "processing", owner }, { $set: { owner: me, claimedAt: clock.now() } }, { returnDocument: "after" })
      .exec();
    return taken?.owner === me ? "handle" : "busy";
  }

  return {
    async claim(updateId) {
      // Marked before the database is asked, so a second delivery arriving meanwhile is "busy" here.
      if (inFlight.has(updateId)) return "busy";
      inFlight.add(updateId);
      let outcome: ClaimOutcome = "busy";
      try {
        const inserted = await claimRows.insert({ _id: updateId, state: "processing", owner: me, claimedAt: clock.now(), doneAt: null });
        outcome = inserted === "inserted" ? "handle" : await takeOver(updateId);
      } finally {
        if (outcome !== "handle") inFlight.delete(updateId);
      }
      return outcome;
    },
    async complete(updateId) {
      inFlight.delete(updateId);
      // An insert: no lookup (services above; bench:updates). Done twice (a takeover that raced) is still done.
      await completionRows.insert({ _id: updateId, doneAt: clock.now() });
    },
    async release(updateId) {
      inFlight.delete(updateId);
      await models.processedUpdates.deleteOne({ _id: updateId, state: "processing", owner: me }).exec();
    },
    async purgeOlderThan(cutoff) {
      const result = await models.processedUpdates.deleteMany({ claimedAt: { $lt: cutoff } }).exec();
      await models.updateCompletions.deleteMany({ doneAt: { $lt: cutoff } }).exec();
      return result.deletedCount ?? 0;
    },
    async isDone(updateId) {
      if (await models.updateCompletions.exists({ _id: updateId }).exec()) return true;
      return (await models.processedUpdates.findById(updateId).lean().exec())?.state === "done";
    },
  };
}
