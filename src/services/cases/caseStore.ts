// Reading and deleting case records: the helpers every part of the case service shares.

import { Types } from "mongoose";
import type { CaseRecord } from "../../db/models/case.js";
import type { CaseStatus, CloseReason } from "../../domain/caseStatus.js";
import type { UserRef } from "../../security/fieldCipher.js";
import { deleteOutboxJobs } from "../outboxErasure.js";
import type { CaseServiceDeps, TimelineEntry } from "./caseTypes.js";

export type CaseStore = ReturnType<typeof createCaseStore>;

/** One outbox job per status event (its idempotency key); a withdrawal finds the case's jobs by it. */
export const caseStatusJobId = (eventId: Types.ObjectId): string => `case-status:${eventId.toHexString()}`;

export const objectId = (id: string): Types.ObjectId | null => (Types.ObjectId.isValid(id) ? new Types.ObjectId(id) : null);

export function createCaseStore({ models, cipher }: Pick<CaseServiceDeps, "models" | "cipher">) {
  // Telegram ids in, pseudonyms stored: families and staff are known to the database only by `refOf`.
  const refOf = (userId: number): UserRef => cipher.userRef(userId);

  async function activeLink(userId: UserRef, caseId: string) {
    const id = objectId(caseId);
    if (!id) return null;
    return models.caseLinks.findOne({ caseId: id, userId, withdrawnAt: null }).lean().exec();
  }

  /** The record with this family's own answers (their own case, also after a merge). */
  async function answersOf(link: { caseId: Types.ObjectId; answersCaseId?: Types.ObjectId | null }, followed: CaseRecord): Promise<CaseRecord> {
    if (!link.answersCaseId || link.answersCaseId.equals(followed._id)) return followed;
    return (await models.cases.findById(link.answersCaseId).lean().exec()) ?? followed;
  }

  /** A case record, its timeline (with notes) and its status news, gone; other cases forget it as a possible duplicate. */
  async function deleteCaseRecord(caseId: Types.ObjectId): Promise<void> {
    const events = await models.caseEvents.find({ caseId, type: "status" }, { _id: 1 }).lean().exec();
    await deleteOutboxJobs(models, events.map((e) => caseStatusJobId(e._id)));
    await models.caseEvents.deleteMany({ caseId }).exec();
    await models.caseLinks.deleteMany({ caseId, withdrawnAt: { $ne: null } }).exec();
    await models.cases.deleteOne({ _id: caseId }).exec();
    const hex = caseId.toHexString();
    const listing = await models.cases.find({ "possibleDuplicates.caseId": hex }, { possibleDuplicates: 1, duplicateReview: 1 }).lean().exec();
    for (const other of listing) {
      const left = other.possibleDuplicates.filter((d) => d.caseId !== hex);
      const review = left.length === 0 && other.duplicateReview === "pending" ? "none" : other.duplicateReview;
      await models.cases.updateOne({ _id: other._id }, { $set: { possibleDuplicates: left, duplicateReview: review } }).exec();
    }
  }

  /** A merged record that held one family's own answers, once no family refers to it any more. */
  async function deleteCaseRecordIfUnused(caseId: Types.ObjectId): Promise<void> {
    const used = await models.caseLinks.exists({ withdrawnAt: null, $or: [{ caseId }, { answersCaseId: caseId }] }).exec();
    if (!used) await deleteCaseRecord(caseId);
  }

  async function timelineOf(caseId: Types.ObjectId, forStaff: boolean): Promise<TimelineEntry[]> {
    const events = await models.caseEvents.find({ caseId }).sort({ at: 1, _id: 1 }).lean().exec();
    return events.map((e) => ({
      at: e.at,
      type: e.type,
      to: e.to as CaseStatus | undefined,
      closeReason: e.closeReason as CloseReason | undefined,
      familyNote: cipher.decryptOptional(e.familyNoteEnc),
      ...(forStaff ? { internalNote: cipher.decryptOptional(e.internalNoteEnc) } : {}),
    }));
  }

  return { refOf, activeLink, answersOf, deleteCaseRecord, deleteCaseRecordIfUnused, timelineOf };
}
