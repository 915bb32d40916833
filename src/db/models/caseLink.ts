import { Schema, type Connection, type Model, type Types } from "mongoose";
import type { UserRef } from "../../security/fieldCipher.js";

/** A family member who follows a case: who they are to the relative and how to reach them. */
export interface CaseLinkRecord {
  _id: Types.ObjectId;
  caseId: Types.ObjectId;
  /**
   * The case record that holds this family's own answers about the relative (names, other names,
   * place left, photo, notes). It is `caseId` unless a coordinator merged this family's case into
   * another one: then the family follows the other case's status, but its answers stay its own —
   * never shown to the other family, never overwritten by their edits.
   */
  answersCaseId?: Types.ObjectId | null;
  /** The family member's pseudonym (security/fieldCipher.ts userRef), never the Telegram id. */
  userId: UserRef;
  relation: string;
  familyProvince: string;
  familyCityEnc?: string;
  familyCountryEnc?: string;
  lastContactYear?: number;
  lastContactMethod: string;
  contactPreference: string;
  phoneEnc?: string;
  locale: string;
  consentAt: Date;
  createdAt: Date;
  withdrawnAt?: Date | null;
}

const caseLinkSchema = new Schema<CaseLinkRecord>(
  {
    caseId: { type: Schema.Types.ObjectId, required: true },
    answersCaseId: { type: Schema.Types.ObjectId, default: null },
    userId: { type: String, required: true },
    relation: { type: String, required: true },
    familyProvince: { type: String, required: true },
    familyCityEnc: String,
    familyCountryEnc: String,
    lastContactYear: Number,
    lastContactMethod: { type: String, required: true },
    contactPreference: { type: String, required: true },
    phoneEnc: String,
    locale: { type: String, required: true },
    consentAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    withdrawnAt: { type: Date, default: null },
  },
  { versionKey: false, collection: "case_links" },
);
// One link per family and case; /export counts the families of 200 cases at once ($in on caseId, this index's prefix).
caseLinkSchema.index({ caseId: 1, userId: 1 }, { unique: true, name: "caseId_1_userId_1" });
caseLinkSchema.index({ userId: 1 });

export type CaseLinkModel = Model<CaseLinkRecord>;
export const createCaseLinkModel = (connection: Connection): CaseLinkModel => connection.model<CaseLinkRecord>("CaseLink", caseLinkSchema);
