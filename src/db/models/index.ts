import type { Connection } from "mongoose";
import { createAppealModel, type AppealModel } from "./appeal.js";
import { createAuditEventModel, type AuditEventModel } from "./auditEvent.js";
import { createCaseModel, type CaseModel } from "./case.js";
import { createCaseEventModel, type CaseEventModel } from "./caseEvent.js";
import { createCaseLinkModel, type CaseLinkModel } from "./caseLink.js";
import { createCaseSearchModel, type CaseSearchModel } from "./caseSearch.js";
import { createDeliveryModel, type DeliveryModel } from "./delivery.js";
import { createDeliveryAttemptModel, type DeliveryAttemptModel } from "./deliveryAttempt.js";
import { createDeliveryCursorModel, type DeliveryCursorModel } from "./deliveryCursor.js";
import { createDeliveryJobModel, type DeliveryJobModel } from "./deliveryJob.js";
import { createDeliveryRecipientsModel, type DeliveryRecipientsModel } from "./deliveryRecipients.js";
import { createEventModel, type EventModel } from "./event.js";
import { createEventRsvpModel, type EventRsvpModel } from "./eventRsvp.js";
import { createLocationModel, type LocationModel } from "./location.js";
import { createInviteModel, type InviteModel } from "./invite.js";
import { createLeaseModel, type LeaseModel } from "./lease.js";
import { createPetitionModel, type PetitionModel } from "./petition.js";
import { createPetitionMilestoneModel, type PetitionMilestoneModel } from "./petitionMilestone.js";
import { createPetitionSignatureModel, type PetitionSignatureModel } from "./petitionSignature.js";
import { createPetitionVersionModel, type PetitionVersionModel } from "./petitionVersion.js";
import { createPetitionWithdrawalModel, type PetitionWithdrawalModel } from "./petitionWithdrawal.js";
import { createProcessedUpdateModel, type ProcessedUpdateModel } from "./processedUpdate.js";
import { createUpdateCompletionModel, type UpdateCompletionModel } from "./updateCompletion.js";
import { createReminderModel, type ReminderModel } from "./reminder.js";
import { createReminderBucketModel, type ReminderBucketModel } from "./reminderBucket.js";
import { createReminderCursorModel, createReminderMinuteModel, type ReminderCursorModel, type ReminderMinuteModel } from "./reminderMinute.js";
import { createReplyCountModel, type ReplyCountModel } from "./replyCount.js";
import { createStatisticsTallyModel, type StatisticsTallyModel } from "./statisticsTally.js";
import { createUserModel, type UserModel } from "./user.js";

export interface Models {
  users: UserModel;
  invites: InviteModel;
  processedUpdates: ProcessedUpdateModel;
  updateCompletions: UpdateCompletionModel;
  auditEvents: AuditEventModel;
  leases: LeaseModel;
  cases: CaseModel;
  /**
   * The same cases over the reads' lane (db/connection.ts DatabaseLanes): for reads only, which
   * hold over any number of connections — never for a write. The duplicate search of every save,
   * the statistics' scan.
   */
  casesToRead: CaseModel;
  caseLinks: CaseLinkModel;
  caseEvents: CaseEventModel;
  /** The case events over the reads' lane, as `casesToRead`: the statistics' scan. */
  caseEventsToRead: CaseEventModel;
  caseSearches: CaseSearchModel;
  locations: LocationModel;
  petitions: PetitionModel;
  petitionVersions: PetitionVersionModel;
  petitionSignatures: PetitionSignatureModel;
  petitionWithdrawals: PetitionWithdrawalModel;
  petitionMilestones: PetitionMilestoneModel;
  appeals: AppealModel;
  deliveryJobs: DeliveryJobModel;
  deliveryRecipients: DeliveryRecipientsModel;
  deliveryAttempts: DeliveryAttemptModel;
  deliveryCursors: DeliveryCursorModel;
  deliveries: DeliveryModel;
  reminders: ReminderModel;
  reminderBuckets: ReminderBucketModel;
  reminderMinutes: ReminderMinuteModel;
  reminderCursor: ReminderCursorModel;
  events: EventModel;
  eventRsvps: EventRsvpModel;
  statisticsTallies: StatisticsTallyModel;
  replyCounts: ReplyCountModel;
}

/**
 * The models, each on one connection: every collection on `connection`, except those of a lane
 * given here (app.ts: see DatabaseLanes) — the update claims and completions, the users, the cases
 * with their links and events — and `casesToRead` and `caseEventsToRead`, the cases and their
 * events again over the reads' lane.
 */
export function createModels(connection: Connection, lanes: { updateClaims?: Connection; users?: Connection; cases?: Connection; reads?: Connection } = {}): Models {
  const claims = lanes.updateClaims ?? connection;
  const cases = lanes.cases ?? connection;
  const caseModel = createCaseModel(cases);
  const caseEventModel = createCaseEventModel(cases);
  return {
    users: createUserModel(lanes.users ?? connection),
    invites: createInviteModel(connection),
    processedUpdates: createProcessedUpdateModel(claims),
    updateCompletions: createUpdateCompletionModel(claims),
    auditEvents: createAuditEventModel(connection),
    leases: createLeaseModel(connection),
    cases: caseModel,
    casesToRead: lanes.reads ? createCaseModel(lanes.reads) : caseModel,
    caseLinks: createCaseLinkModel(cases),
    caseEvents: caseEventModel,
    caseEventsToRead: lanes.reads ? createCaseEventModel(lanes.reads) : caseEventModel,
    caseSearches: createCaseSearchModel(connection),
    locations: createLocationModel(connection),
    petitions: createPetitionModel(connection),
    petitionVersions: createPetitionVersionModel(connection),
    petitionSignatures: createPetitionSignatureModel(connection),
    petitionWithdrawals: createPetitionWithdrawalModel(connection),
    petitionMilestones: createPetitionMilestoneModel(connection),
    appeals: createAppealModel(connection),
    deliveryJobs: createDeliveryJobModel(connection),
    deliveryRecipients: createDeliveryRecipientsModel(connection),
    deliveryAttempts: createDeliveryAttemptModel(connection),
    deliveryCursors: createDeliveryCursorModel(connection),
    deliveries: createDeliveryModel(connection),
    reminders: createReminderModel(connection),
    reminderBuckets: createReminderBucketModel(connection),
    reminderMinutes: createReminderMinuteModel(connection),
    reminderCursor: createReminderCursorModel(connection),
    events: createEventModel(connection),
    eventRsvps: createEventRsvpModel(connection),
    statisticsTallies: createStatisticsTallyModel(connection),
    replyCounts: createReplyCountModel(connection),
  };
}

/** Collections used through the native driver by grammY storage adapters. */
export const CONVERSATIONS_COLLECTION = "conversations";

/** Creates every collection and index; run at start-up (autoIndex is off so this is explicit). */
export async function ensureIndexes(connection: Connection, models: Models): Promise<void> {
  for (const model of Object.values(models)) {
    await model.createCollection().catch(ignoreAlreadyExists);
    await model.createIndexes();
  }
  const db = connection.db;
  if (!db) throw new Error("database handle missing after connect");
  await db.createCollection(CONVERSATIONS_COLLECTION).catch(ignoreAlreadyExists);
  await db.collection(CONVERSATIONS_COLLECTION).createIndex({ key: 1 }, { unique: true });
}

function ignoreAlreadyExists(error: unknown): void {
  const code = (error as { code?: number }).code;
  if (code === 48) return; // NamespaceExists
  throw error;
}
