// What the petition service offers and needs: shared by the files that implement it (../petitions.ts composes them).

import type { Clock } from "../../clock.js";
import type { Models } from "../../db/models/index.js";
import type { DeliveryService } from "../../delivery/types.js";
import type { DeadlineParse } from "../../domain/petitions/content.js";
import type { PetitionStatus } from "../../domain/petitions/lifecycle.js";
import type { NameDisplay } from "../../domain/petitions/signerName.js";
import type { ActingUser, ActorLookup } from "../../domain/roles.js";
import type { Logger } from "../../logger.js";
import type { UserRefCipher } from "../../security/fieldCipher.js";
import type { AuditTrail } from "../audit.js";
import type { ReminderService } from "../reminders/reminderTypes.js";
import type { FieldSealer } from "./petitionRecords.js";

export type PetitionError =
  | "forbidden"
  | "not_found"
  | "invalid_transition"
  | "text_frozen"
  | "not_open"
  | "deadline_passed"
  | "text_changed"
  | "already_signed"
  | "not_signed";
export type PetitionResult<T> = { ok: true; value: T } | { ok: false; error: PetitionError };

export interface PetitionText {
  locale: string;
  title: string;
  body: string;
}

export interface PetitionTexts {
  texts: PetitionText[];
  addressee: string;
}

export interface NewPetition extends PetitionTexts {
  goal: number;
  deadline: Date | null;
  milestones: number[];
}

export interface PetitionView {
  id: string;
  ref: string;
  status: PetitionStatus;
  texts: PetitionText[];
  addressee: string;
  goal: number;
  deadline: Date | null;
  milestones: number[];
  textVersion: number;
  /** Somebody has signed: the text can no longer change. */
  frozen: boolean;
  createdAt: Date;
  closedAt: Date | null;
  deliveredAt: Date | null;
  /** One last call to families who have not signed, this many days before the deadline (issue #10). */
  lastCallDays?: number | null;
}

export interface PetitionSummary extends PetitionView {
  /** Active signatures, counted from the signatures themselves. */
  count: number;
}

export interface SignInput {
  userId: number;
  ref: string;
  /** The text version the signer was shown; a different current version means they must read again. */
  seenVersion: number;
  nameDisplay: NameDisplay;
  /** The name or initials to show; absent for anonymous signers. */
  name?: string;
  province?: string | null;
  country?: string | null;
  relation?: string | null;
  notify: boolean;
  locale: string;
}

export interface SignatureStatus {
  state: "active" | "withdrawn";
  signedAt: Date;
  textVersion: number;
}

export interface PetitionStats {
  total: number;
  /** Signatures given and taken back (each withdrawal once). */
  withdrawals: number;
  byProvince: { province: string | null; count: number }[];
  byDay: { day: string; count: number }[];
  milestonesReached: number[];
}

export interface PetitionService {
  /** The organisers' time zone: per-day counts and deadlines are in it. */
  readonly timeZone: string;
  create(actor: ActingUser, input: NewPetition): Promise<PetitionResult<PetitionView>>;
  /** New texts or addressee; refused once anybody has signed. */
  editText(actor: ActingUser, ref: string, input: PetitionTexts): Promise<PetitionResult<PetitionView>>;
  changeStatus(actor: ActingUser, ref: string, to: PetitionStatus): Promise<PetitionResult<PetitionView>>;
  get(ref: string): Promise<PetitionSummary | null>;
  /** Petitions people can sign now, newest first. */
  listOpen(): Promise<PetitionSummary[]>;
  listForManagement(actor: ActingUser): Promise<PetitionResult<PetitionSummary[]>>;
  signatureOf(userId: number, ref: string): Promise<SignatureStatus | null>;
  sign(input: SignInput): Promise<PetitionResult<{ count: number }>>;
  withdraw(userId: number, ref: string): Promise<PetitionResult<{ count: number }>>;
  stats(actor: ActingUser, ref: string): Promise<PetitionResult<PetitionStats>>;
  parseDeadline(raw: string): DeadlineParse;
  /** Enqueues news for milestones whose notice is missing (a crash between record and enqueue). */
  notifyPendingMilestones(olderThanMs?: number): Promise<number>;
}

export interface PetitionServiceDeps {
  models: Models;
  clock: Clock;
  audit: AuditTrail;
  timeZone: string;
  random?: () => number;
  fields?: FieldSealer;
  /** The outbox for milestone news (its jobs refer to the milestone; the worker renders them). Without it, news waits for the repair job. */
  delivery?: Pick<DeliveryService, "enqueue">;
  /** The language of milestone news for a signer whose language is not known. */
  defaultLocale: string;
  log?: Logger;
  /** The acting user's roles as stored now (users.actorNow): managing methods check these, not the caller's Actor. */
  actorNow: ActorLookup;
  /** Signers are stored by pseudonym (`cipher.userRef`), never by Telegram id. */
  cipher: UserRefCipher;
  /** A signer's pending last call for the petition is cancelled when they sign (issue #10). */
  reminders?: Pick<ReminderService, "cancelByPrefix">;
}
