import { Schema, type Connection, type Model, type Types } from "mongoose";
import type { UserRef } from "../../security/fieldCipher.js";
import { NAME_DISPLAYS, type NameDisplay } from "../../domain/petitions/signerName.js";

/**
 * One row per user (pseudonym) and petition, ever: the unique (petitionId, userId) index makes a
 * double tap, a retry or a second device a duplicate-key error instead of a second signature.
 * Withdrawing flips `state` and erases the personal fields (the event itself is kept in
 * petition_withdrawals); signing again revives the same row. FerretDB has no partial indexes,
 * so "one active signature per user" is "one row per user" with a state.
 *
 * `name` and `country` are encrypted at rest when a field cipher is configured.
 */
export interface PetitionSignatureRecord {
  _id: Types.ObjectId;
  petitionId: Types.ObjectId;
  /** The signer's pseudonym (security/fieldCipher.ts userRef), never the Telegram id. */
  userId: UserRef;
  state: "active" | "withdrawn";
  textVersion: number;
  nameDisplay: NameDisplay;
  name?: string | null;
  /** Province code (domain/provinces.ts); null for signers outside Iran. */
  province?: string | null;
  country?: string | null;
  /** Relation to a relative in the camp (domain/relations.ts), if the signer gave one. */
  relation?: string | null;
  /** The signer asked for news (milestones). */
  notify: boolean;
  /** The language the signer used when signing. */
  locale: string;
  signedAt: Date;
  /** Calendar day of signing on the organisers' clock, "2026-11-27", for per-day counts. */
  signedDay: string;
  withdrawnAt?: Date | null;
}

const petitionSignatureSchema = new Schema<PetitionSignatureRecord>(
  {
    petitionId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: String, required: true },
    state: { type: String, enum: ["active", "withdrawn"], required: true },
    textVersion: { type: Number, required: true },
    nameDisplay: { type: String, enum: NAME_DISPLAYS, required: true },
    name: { type: String, default: null },
    province: { type: String, default: null },
    country: { type: String, default: null },
    relation: { type: String, default: null },
    notify: { type: Boolean, required: true },
    locale: { type: String, required: true },
    signedAt: { type: Date, required: true },
    signedDay: { type: String, required: true },
    withdrawnAt: { type: Date, default: null },
  },
  { versionKey: false, collection: "petition_signatures" },
);
petitionSignatureSchema.index({ petitionId: 1, userId: 1 }, { unique: true });
// A petition's active signatures, by day (counts, signatures per day, the export in signing order).
petitionSignatureSchema.index({ petitionId: 1, state: 1, signedAt: 1 });
petitionSignatureSchema.index({ userId: 1 });

export type PetitionSignatureModel = Model<PetitionSignatureRecord>;
export const createPetitionSignatureModel = (connection: Connection): PetitionSignatureModel =>
  connection.model<PetitionSignatureRecord>("PetitionSignature", petitionSignatureSchema);
