// What the case service offers and needs: shared by the files that implement it (caseService.ts composes them).

import type { Clock, RandomInt } from "../../clock.js";
import type { CaseRecord } from "../../db/models/case.js";
import type { Models } from "../../db/models/index.js";
import type { DeliveryService } from "../../delivery/types.js";
import type { CaseStatus, CloseReason } from "../../domain/caseStatus.js";
import type { CompleteRegistration, RegistrationDraft } from "../../domain/registration/draft.js";
import type { ActingUser, ActorLookup } from "../../domain/roles.js";
import type { FieldCipher } from "../../security/fieldCipher.js";
import type { AuditTrail } from "../audit.js";

export type CaseError = "not_found" | "forbidden" | "not_allowed" | "same_status" | "reason_required" | "reason_not_allowed" | "conflict" | "closed";
export type CaseResult<T> = { ok: true; value: T } | { ok: false; error: CaseError };

export interface FamilyCaseSummary {
  caseId: string;
  reference: string;
  fullName: string;
  status: CaseStatus;
  closeReason?: CloseReason;
}

export interface TimelineEntry {
  at: Date;
  type: "registered" | "status" | "edited" | "withdrawn";
  to?: CaseStatus;
  closeReason?: CloseReason;
  familyNote?: string;
  /** Staff only. */
  internalNote?: string;
}

export interface FamilyCaseView extends FamilyCaseSummary {
  draft: RegistrationDraft;
  timeline: TimelineEntry[];
}

export interface StaffCaseView {
  caseId: string;
  reference: string;
  status: CaseStatus;
  closeReason?: CloseReason;
  province: string;
  fullName: string;
  otherNames?: string;
  sex?: string;
  birthYear?: number;
  leftYear?: number;
  location?: string;
  familyCount: number;
  /** Coordinators only (volunteers see only how many): who follows the case and how to reach them. */
  families?: FollowingFamily[];
  possibleDuplicates: { caseId: string; reference: string; score: number }[];
  duplicateReview: CaseRecord["duplicateReview"];
  timeline: TimelineEntry[];
}

export interface FollowingFamily {
  relation: string;
  province: string;
  city?: string;
  /** The phone number they gave, or "telegram": reach them through the bot. */
  reach: { kind: "phone"; phone: string } | { kind: "telegram" };
}

export interface StatusChange {
  to: CaseStatus;
  reason?: CloseReason;
  familyNote?: string;
  internalNote?: string;
}

export interface CaseService {
  /**
   * Saves a registration. The duplicate search runs "now" (and `possibleDuplicate` says what it
   * found) or "later": the case is saved "unchecked" and `checkDuplicates` runs it (the bot answers
   * the family first; a burst of saves otherwise queued the family's reply behind the searches).
   */
  register(input: {
    userId: number;
    locale: string;
    draft: CompleteRegistration;
    consentAt: Date;
    duplicateSearch?: "now" | "later";
  }): Promise<{ caseId: string; reference: string; possibleDuplicate: boolean | "unchecked" }>;
  /** The duplicate search of a case saved "unchecked"; once done, what it found. Whether it found a probable duplicate. */
  checkDuplicates(caseId: string): Promise<boolean>;
  /** The searches a crash left undone, of cases saved before `savedBefore` (a batch a run); how many it ran. */
  checkUncheckedDuplicates(savedBefore: Date): Promise<number>;
  listForFamily(userId: number): Promise<FamilyCaseSummary[]>;
  getForFamily(userId: number, caseId: string): Promise<FamilyCaseView | null>;
  updateForFamily(userId: number, caseId: string, draft: CompleteRegistration): Promise<CaseResult<null>>;
  withdraw(userId: number, caseId: string): Promise<CaseResult<{ reference: string }>>;
  /** Staff methods re-read the acting user's roles and provinces at the moment they act. */
  findForStaff(actor: ActingUser, reference: string): Promise<CaseResult<StaffCaseView>>;
  /** The same, by case id (the desk): a malformed id is "not_found". */
  findForStaffById(actor: ActingUser, caseId: string): Promise<CaseResult<StaffCaseView>>;
  /** Families are told through the outbox; the worker renders the news in each family's language. */
  changeStatus(actor: ActingUser, caseId: string, change: StatusChange): Promise<CaseResult<{ eventId: string; status: CaseStatus; notified: number }>>;
  confirmDuplicate(actor: ActingUser, caseId: string, duplicateOfCaseId: string): Promise<CaseResult<{ movedFamilies: number }>>;
  /** A coordinator decided the flagged cases are different people. */
  rejectDuplicates(actor: ActingUser, caseId: string): Promise<CaseResult<null>>;
  /** The reference of a case the acting user may move (a button's case id may be forged). */
  referenceForStatusMove(actor: ActingUser, caseId: string): Promise<CaseResult<string>>;
  /** Hands to the outbox the notifications of status events that were not (a crash between two writes). */
  retryPendingNotifications(olderThan: Date): Promise<number>;
}

export interface CaseServiceDeps {
  models: Models;
  clock: Clock;
  /** Digits of new case references: node:crypto unless a test injects a fixed sequence. */
  referenceRandom?: RandomInt;
  cipher: FieldCipher;
  audit: AuditTrail;
  /** The outbox for notifications; families are told of status changes through it. */
  delivery: Pick<DeliveryService, "enqueue" | "withdrawRecipient">;
  defaultLocale: string;
  /** The acting user's roles as stored now (users.actorNow). */
  actorNow: ActorLookup;
}
