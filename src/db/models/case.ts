import { Schema, type Connection, type Model, type Types } from "mongoose";
import type { UserRef } from "../../security/fieldCipher.js";
import { CASE_STATUSES, CLOSE_REASONS, type CaseStatus, type CloseReason } from "../../domain/caseStatus.js";

/**
 * A missing relative. Names, places, notes and the photo id are encrypted at rest (`*Enc` fields,
 * see security/fieldCipher.ts); only what statistics and matching need is stored in the clear
 * (sex, years, province, believed location code) and names are searchable through keyed hashes.
 */
export interface CaseRecord {
  _id: Types.ObjectId;
  reference: string;
  status: CaseStatus;
  closeReason?: CloseReason | null;
  relative: {
    fullNameEnc?: string;
    otherNamesEnc?: string;
    sex?: string;
    birthYear?: number;
    leftYear?: number;
    leftPlaceEnc?: string;
    location?: string;
    locationOtherEnc?: string;
    photoFileIdEnc?: string;
    notesEnc?: string;
  };
  /** Keyed hashes of the name's phonetic keys (domain/personName nameSearchKeys). */
  nameTokens: string[];
  /** Province of the family that registered it (or "abroad"): scopes volunteers and statistics. */
  province: string;
  registeredBy: UserRef;
  /**
   * A keyed hash of (family, moment of consent): a registration replayed after a crash (the
   * conversation replays the same consent time) finds the case it already created.
   */
  registrationKey?: string | null;
  possibleDuplicates: { caseId: string; reference: string; score: number }[];
  /**
   * "unchecked": saved, its duplicate search not yet run (registration answers the family first;
   * the check-unchecked-duplicates job sweeps what a crash left).
   */
  duplicateReview: "unchecked" | "none" | "pending" | "confirmed" | "rejected";
  createdAt: Date;
  /**
   * The week of `createdAt` (domain/registrationWeek): lists in registration order read a week at a
   * time. Set at registration; cases stored before it existed get it from the next statistics
   * refresh (services/statistics.ts).
   */
  registeredWeek?: string;
  updatedAt: Date;
  /** Set when the family withdrew and the personal fields were erased. */
  erasedAt?: Date | null;
  /** Set when the retention job erased the free text of a long-closed case (services/retention.ts). */
  freeTextPurgedAt?: Date | null;
}

const caseSchema = new Schema<CaseRecord>(
  {
    reference: { type: String, required: true },
    status: { type: String, enum: CASE_STATUSES, required: true },
    closeReason: { type: String, enum: [...CLOSE_REASONS, null], default: null },
    relative: {
      fullNameEnc: String,
      otherNamesEnc: String,
      sex: String,
      birthYear: Number,
      leftYear: Number,
      leftPlaceEnc: String,
      location: String,
      locationOtherEnc: String,
      photoFileIdEnc: String,
      notesEnc: String,
    },
    nameTokens: { type: [String], default: [] },
    province: { type: String, required: true },
    registeredBy: { type: String, required: true },
    registrationKey: { type: String, default: null },
    possibleDuplicates: {
      type: [new Schema({ caseId: String, reference: String, score: Number }, { _id: false })],
      default: [],
    },
    duplicateReview: { type: String, enum: ["unchecked", "none", "pending", "confirmed", "rejected"], default: "none" },
    createdAt: { type: Date, required: true },
    registeredWeek: { type: String },
    updatedAt: { type: Date, required: true },
    erasedAt: { type: Date, default: null },
    freeTextPurgedAt: { type: Date, default: null },
  },
  { versionKey: false, collection: "cases" },
);
// Each index has its name here, the name MongoDB would give it by default: queries and the README
// refer to it, and a database created before the names were written keeps the same index (another
// name for the same keys would make createIndexes fail with IndexOptionsConflict).
// /find by reference (caseSearch), /case, and the unique reference itself.
caseSchema.index({ reference: 1 }, { unique: true, name: "reference_1" });
// /find by name (caseSearch: nameTokens equal to the whole name's keyed token, else to one word's
// with $all of the others); registration's duplicate check ($in of the name's tokens).
caseSchema.index({ nameTokens: 1 }, { name: "nameTokens_1" });
// /find's "duplicates to review" (pending), and the sweep of cases whose search a crash left undone (unchecked).
caseSchema.index({ duplicateReview: 1 }, { name: "duplicateReview_1" });
// Registration: a replayed registration finds the case it already created.
caseSchema.index({ registrationKey: 1 }, { name: "registrationKey_1" });
// /find by province (+ status), a volunteer's provinces, and /stats' counts per province and status
// (bench:coordinators measures these); on MongoDB 7 the counts are answered from this index alone.
caseSchema.index({ province: 1, status: 1 }, { name: "province_1_status_1" });
// /find's pages are newest first: on MongoDB 7 a search with no filter (the first /find, "clear")
// or only a date range reads its page of 10 from this index instead of sorting every case.
// (FerretDB v1.24 sorts in Go whatever the indexes: 20 s at 100,000 cases, README "Performance".)
caseSchema.index({ createdAt: -1, _id: -1 }, { name: "createdAt_-1__id_-1" });
// Broad lists in registration order (no name, no reference: all cases, a province, a status) are
// read a week at a time, newest or oldest week first (caseSearch), an equality FerretDB pushes down.
caseSchema.index({ registeredWeek: 1, createdAt: -1, _id: -1 }, { name: "registeredWeek_1_createdAt_-1__id_-1" });

export type CaseModel = Model<CaseRecord>;
export const createCaseModel = (connection: Connection): CaseModel => connection.model<CaseRecord>("Case", caseSchema);
