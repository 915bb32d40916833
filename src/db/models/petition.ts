import { Schema, type Connection, type Model, type Types } from "mongoose";
import type { UserRef } from "../../security/fieldCipher.js";
import { PETITION_STATUSES, type PetitionStatus } from "../../domain/petitions/lifecycle.js";

/** The title and full text of a petition in one language. Petition texts are public: not encrypted. */
export interface PetitionTextRecord {
  locale: string;
  title: string;
  body: string;
}

/**
 * A petition coordinators write and families sign. `textVersion` goes up with every edit of the
 * texts or the addressee; `frozenAt` is set by the first signature, after which no edit is allowed.
 */
export interface PetitionRecord {
  _id: Types.ObjectId;
  /** Short public reference for deep links and buttons (domain/petitions/petitionRef.ts). */
  ref: string;
  status: PetitionStatus;
  texts: PetitionTextRecord[];
  addressee: string;
  goal: number;
  deadline: Date | null;
  milestones: number[];
  textVersion: number;
  frozenAt: Date | null;
  createdBy: UserRef;
  createdAt: Date;
  updatedAt: Date;
  openedAt: Date | null;
  closedAt: Date | null;
  deliveredAt: Date | null;
  /**
   * The number of signatures handed over, frozen when the petition is marked delivered: a signer
   * who erases their data later leaves this total as it was (the open count is computed live).
   */
  deliveredCount?: number | null;
  /** The coordinator switched on one last call to families who have not signed, this many days before the deadline. */
  lastCallDays?: number | null;
  /** When the last call's reminders were scheduled (once). */
  lastCallScheduledAt?: Date | null;
}

const petitionTextSchema = new Schema<PetitionTextRecord>(
  {
    locale: { type: String, required: true },
    title: { type: String, required: true },
    body: { type: String, required: true },
  },
  { _id: false },
);

const petitionSchema = new Schema<PetitionRecord>(
  {
    ref: { type: String, required: true },
    status: { type: String, enum: PETITION_STATUSES, required: true },
    texts: { type: [petitionTextSchema], default: [] },
    addressee: { type: String, required: true },
    goal: { type: Number, required: true },
    deadline: { type: Date, default: null },
    milestones: { type: [Number], default: [] },
    textVersion: { type: Number, required: true },
    frozenAt: { type: Date, default: null },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    openedAt: { type: Date, default: null },
    closedAt: { type: Date, default: null },
    deliveredAt: { type: Date, default: null },
    deliveredCount: { type: Number, default: null },
    lastCallDays: { type: Number, default: null },
    lastCallScheduledAt: { type: Date, default: null },
  },
  { versionKey: false, collection: "petitions" },
);
petitionSchema.index({ ref: 1 }, { unique: true });
petitionSchema.index({ status: 1, createdAt: -1 });

export type PetitionModel = Model<PetitionRecord>;
export const createPetitionModel = (connection: Connection): PetitionModel => connection.model<PetitionRecord>("Petition", petitionSchema);
