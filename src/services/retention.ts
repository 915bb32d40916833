import type { Types } from "mongoose";
import type { ConversationStore } from "../db/conversationStorage.js";
import type { Models } from "../db/models/index.js";

/** How long personal data is kept once it stopped being needed, in days (config RETENTION_*). */
export interface RetentionPeriods {
  /** Text of finished outbox jobs (done or cancelled): RETENTION_OUTBOX_CONTENT_DAYS. */
  outboxContentDays: number;
  /** Who received which message: RETENTION_DELIVERIES_DAYS. */
  deliveriesDays: number;
  /** Free text of cases closed this long ago: RETENTION_CLOSED_CASE_TEXT_DAYS. */
  closedCaseTextDays: number;
  /** The audit trail: RETENTION_AUDIT_DAYS. */
  auditDays: number;
  /** A conversation nobody touched: RETENTION_IDLE_CONVERSATION_DAYS. */
  idleConversationDays: number;
}

export const DEFAULT_RETENTION: RetentionPeriods = {
  outboxContentDays: 7,
  deliveriesDays: 90,
  closedCaseTextDays: 365,
  auditDays: 730,
  idleConversationDays: 30,
};

/** A dropped conversation's marker waits this long for its user to come back and be told. */
const DROPPED_MARKER_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;
/** An invite link nobody used is kept this long after it expired (a late click gets "expired", not "unknown"). */
const UNUSED_INVITE_DAYS = 7;
const CASE_BATCH = 200;
/** A /find filter (it may hold a typed name) nobody used for this long is deleted. */
export const SEARCH_FILTER_DAYS = 30;

/** The free-text fields of a case record; names, years, province and status stay for statistics. */
const CASE_FREE_TEXT = ["relative.notesEnc", "relative.otherNamesEnc", "relative.leftPlaceEnc", "relative.locationOtherEnc", "relative.photoFileIdEnc"] as const;

export interface Retention {
  readonly periods: RetentionPeriods;
  /** Finished outbox jobs lose their text; the row with its figures stays. Returns the jobs purged. */
  purgeOutboxContent(now: Date): Promise<number>;
  /** Delivery outcomes, and whole finished jobs, older than the period. Returns the outcomes deleted. */
  purgeDeliveries(now: Date): Promise<number>;
  /** Long-closed cases lose their free text (and their timeline's notes). Returns the cases purged. */
  purgeClosedCaseText(now: Date): Promise<number>;
  purgeAuditEntries(now: Date): Promise<number>;
  /** Unused invites a week after they expired; used ones (who joined through whom) after the audit period. */
  purgeInvites(now: Date): Promise<number>;
  /** Idle conversations are dropped (their user is told next time). */
  dropIdleConversations(now: Date): Promise<number>;
  /** /find filters not used for SEARCH_FILTER_DAYS. Returns the filters deleted. */
  purgeSearchFilters(now: Date): Promise<number>;
}

export function createRetention(input: {
  models: Models;
  conversations: Pick<ConversationStore<unknown>, "dropIdle">;
  periods?: Partial<RetentionPeriods>;
}): Retention {
  const { models, conversations } = input;
  const periods: RetentionPeriods = { ...DEFAULT_RETENTION, ...input.periods };
  const before = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

  return {
    periods,

    async purgeOutboxContent(now) {
      const result = await models.deliveryJobs
        .updateMany({ finishedAt: { $lt: before(now, periods.outboxContentDays) }, contentByLocale: { $ne: null } }, { $set: { contentByLocale: null }, $unset: { withdrawnRecipients: 1 } })
        .exec();
      return result.modifiedCount;
    },

    async purgeDeliveries(now) {
      const cutoff = before(now, periods.deliveriesDays);
      const result = await models.deliveries.deleteMany({ at: { $lt: cutoff } }).exec();
      // Jobs finished that long ago go whole (their figures, creator and recipient lists): what
      // they were about is gone with their deliveries.
      const finished = await models.deliveryJobs.find({ finishedAt: { $lt: cutoff } }, { _id: 1 }).lean().exec();
      const jobIds = finished.map((job) => job._id);
      if (jobIds.length > 0) {
        await models.deliveryRecipients.deleteMany({ jobId: { $in: jobIds } }).exec();
        await models.deliveryAttempts.deleteMany({ jobId: { $in: jobIds } }).exec();
        await models.deliveryCursors.deleteMany({ _id: { $in: jobIds } }).exec();
        await models.deliveries.deleteMany({ jobId: { $in: jobIds } }).exec();
        await models.deliveryJobs.deleteMany({ _id: { $in: jobIds } }).exec();
      }
      return result.deletedCount;
    },

    async purgeClosedCaseText(now) {
      let purged = 0;
      for (;;) {
        // A case merged into another ("duplicate") holds that family's own answers: it follows the
        // case it was merged into, below, not its own closing date.
        const closed = await models.cases
          .find(
            { status: "closed", closeReason: { $ne: "duplicate" }, updatedAt: { $lt: before(now, periods.closedCaseTextDays) }, freeTextPurgedAt: null },
            { _id: 1 },
          )
          .limit(CASE_BATCH)
          .lean()
          .exec();
        if (closed.length === 0) break;
        const caseIds = closed.map((c) => c._id);
        const answers = await models.caseLinks.find({ caseId: { $in: caseIds }, answersCaseId: { $ne: null } }, { answersCaseId: 1 }).lean().exec();
        const records: Types.ObjectId[] = [...caseIds, ...answers.flatMap((l) => (l.answersCaseId ? [l.answersCaseId] : []))];
        const unset = Object.fromEntries(CASE_FREE_TEXT.map((field) => [field, 1]));
        await models.cases.updateMany({ _id: { $in: records } }, { $unset: unset, $set: { freeTextPurgedAt: now } }).exec();
        await models.caseEvents.updateMany({ caseId: { $in: records } }, { $unset: { familyNoteEnc: 1, internalNoteEnc: 1 } }).exec();
        // Nobody needs to reach the families of a long-closed case: their city, country and phone go.
        await models.caseLinks
          .updateMany({ caseId: { $in: caseIds } }, { $unset: { familyCityEnc: 1, familyCountryEnc: 1, phoneEnc: 1 }, $set: { contactPreference: "telegram" } })
          .exec();
        purged += closed.length;
        if (closed.length < CASE_BATCH) break;
      }
      return purged;
    },

    async purgeAuditEntries(now) {
      const result = await models.auditEvents.deleteMany({ at: { $lt: before(now, periods.auditDays) } }).exec();
      return result.deletedCount;
    },

    async purgeInvites(now) {
      const unused = await models.invites.deleteMany({ usedBy: null, expiresAt: { $lt: before(now, UNUSED_INVITE_DAYS) } }).exec();
      const used = await models.invites.deleteMany({ usedBy: { $ne: null }, usedAt: { $lt: before(now, periods.auditDays) } }).exec();
      return unused.deletedCount + used.deletedCount;
    },

    async dropIdleConversations(now) {
      const result = await conversations.dropIdle(before(now, periods.idleConversationDays), before(now, DROPPED_MARKER_DAYS));
      return result.dropped;
    },

    async purgeSearchFilters(now) {
      return (await models.caseSearches.deleteMany({ updatedAt: { $lt: before(now, SEARCH_FILTER_DAYS) } }).exec()).deletedCount;
    },
  };
}
