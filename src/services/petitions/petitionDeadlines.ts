// A petition's deadline (issue #10): one last call to families who have not signed, N days before
// it, and at the deadline the petition closes by itself and its signers who asked for news are told.

import type { Types } from "mongoose";
import type { Clock } from "../../clock.js";
import type { PetitionRecord } from "../../db/models/petition.js";
import type { Models } from "../../db/models/index.js";
import type { DeliveryService } from "../../delivery/types.js";
import { can, type ActingUser, type ActorLookup } from "../../domain/roles.js";
import type { AuditTrail } from "../audit.js";
import type { ReminderRequest, ReminderService } from "../reminders/reminderTypes.js";
import { petitionNewsRecipients } from "./petitionRecords.js";

const DAY_MS = 24 * 60 * 60 * 1000;
/** How many days before its deadline a last call may be set. */
export const LAST_CALL_DAYS = { min: 1, max: 30 } as const;

export type LastCallError = "forbidden" | "not_found" | "not_open" | "no_deadline" | "days_out_of_range" | "too_late";
export type LastCallResult = { ok: true; at: Date } | { ok: false; error: LastCallError };

export interface PetitionDeadlines {
  /** A coordinator switches the last call on (days) or off (null). Roles re-read now. */
  setLastCall(acting: ActingUser, ref: string, days: number | null): Promise<LastCallResult>;
  /** The job: last calls that fell due get their reminders; open petitions past their deadline close. */
  run(now: Date): Promise<{ lastCalls: number; closed: number }>;
}

export const petitionClosedJobId = (petitionId: string) => `petition-closed:${petitionId}`;
/** One family's last call for one petition. */
export const lastCallReminderId = (petitionId: string, userRef: string) => `petition-last-call:${petitionId}:${userRef}`;

export function createPetitionDeadlines(deps: {
  models: Models;
  clock: Clock;
  delivery: Pick<DeliveryService, "enqueue">;
  reminders: Pick<ReminderService, "schedule">;
  audit: AuditTrail;
  actorNow: ActorLookup;
  defaultLocale: string;
}): PetitionDeadlines {
  const { models, clock, delivery, reminders, audit, actorNow } = deps;

  /** Families (whoever follows a case) who have not signed: one pass over case_links, one over the petition's signatures. */
  async function nonSigners(petitionId: Types.ObjectId): Promise<string[]> {
    const families = new Set((await models.caseLinks.distinct("userId", { withdrawnAt: null }).exec()) as string[]);
    const signers = (await models.petitionSignatures.distinct("userId", { petitionId, state: "active" }).exec()) as string[];
    for (const signer of signers) families.delete(signer);
    return [...families];
  }

  async function scheduleLastCall(petition: PetitionRecord, now: Date): Promise<number> {
    const petitionId = petition._id.toHexString();
    const requests: ReminderRequest[] = [];
    for (const userRef of await nonSigners(petition._id)) {
      requests.push({
        id: lastCallReminderId(petitionId, userRef),
        kind: "petition-last-call",
        userRef,
        subject: { kind: "petition-last-call", petitionId },
        dueAt: now,
        // Pointless once the petition cannot be signed.
        lateAfter: petition.deadline,
        quietHours: "respect",
      });
    }
    const stored = requests.length === 0 ? 0 : (await reminders.schedule(requests)).stored;
    // Marked after scheduling: a crash in between schedules again, and the ids store each once.
    await models.petitions.updateOne({ _id: petition._id, lastCallScheduledAt: null }, { $set: { lastCallScheduledAt: now } }).exec();
    return stored;
  }

  async function closeAtDeadline(petition: PetitionRecord, now: Date): Promise<boolean> {
    const petitionId = petition._id.toHexString();
    // The news first, then the close: a crash in between closes it on the next run, and the job id
    // is idempotent, so signers are told exactly once. Rendered at send time in each signer's language.
    await delivery.enqueue({ jobId: petitionClosedJobId(petitionId), kind: "petition-milestone", subject: { kind: "petition-closed", petitionId }, defaultLocale: deps.defaultLocale }, petitionNewsRecipients(models, petition._id));
    const closed = await models.petitions.updateOne({ _id: petition._id, status: "open" }, { $set: { status: "closed", closedAt: now, updatedAt: now } }).exec();
    return closed.modifiedCount === 1;
  }

  return {
    async setLastCall(acting, ref, days) {
      const actor = await actorNow(acting.userId);
      if (!can(actor, "petition.manage")) return { ok: false, error: "forbidden" };
      const petition = await models.petitions.findOne({ ref }).lean<PetitionRecord>().exec();
      if (!petition) return { ok: false, error: "not_found" };
      if (petition.status !== "open" && petition.status !== "draft") return { ok: false, error: "not_open" };
      if (!petition.deadline) return { ok: false, error: "no_deadline" };
      if (days !== null) {
        if (!Number.isInteger(days) || days < LAST_CALL_DAYS.min || days > LAST_CALL_DAYS.max) return { ok: false, error: "days_out_of_range" };
        if (petition.deadline.getTime() - days * DAY_MS <= clock.now().getTime()) return { ok: false, error: "too_late" };
      }
      await models.petitions.updateOne({ _id: petition._id }, { $set: { lastCallDays: days, lastCallScheduledAt: null, updatedAt: clock.now() } }).exec();
      await audit.record(acting.userId, "petition.last-call", ref, { days });
      return { ok: true, at: new Date(petition.deadline.getTime() - (days ?? 0) * DAY_MS) };
    },

    async run(now) {
      let lastCalls = 0;
      let closed = 0;
      // Open petitions are few (the {status, createdAt} index finds them); the rest is decided here.
      const open = await models.petitions.find({ status: "open", deadline: { $ne: null } }).lean<PetitionRecord[]>().exec();
      for (const petition of open) {
        const deadline = petition.deadline!.getTime();
        if (deadline <= now.getTime()) {
          if (await closeAtDeadline(petition, now)) closed += 1;
          continue;
        }
        if (petition.lastCallDays && !petition.lastCallScheduledAt && deadline - petition.lastCallDays * DAY_MS <= now.getTime()) {
          lastCalls += await scheduleLastCall(petition, now);
        }
      }
      return { lastCalls, closed };
    },
  };
}
