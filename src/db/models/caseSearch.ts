import { Schema, type Connection, type Model, type Types } from "mongoose";
import type { UserRef } from "../../security/fieldCipher.js";

/**
 * A coordinator's or volunteer's current /find filter (one per person, replaced by the next
 * search), so result pages and /export work on it. The filter may hold a typed name: encrypted.
 */
export interface CaseSearchRecord {
  _id: Types.ObjectId;
  userId: UserRef;
  filterEnc: string;
  updatedAt: Date;
}

const caseSearchSchema = new Schema<CaseSearchRecord>(
  {
    userId: { type: String, required: true },
    filterEnc: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: "case_searches" },
);
// One filter per person: /find's pages and /export read it by pseudonym (caseSearch.currentFilter).
caseSearchSchema.index({ userId: 1 }, { unique: true, name: "userId_1" });

export type CaseSearchModel = Model<CaseSearchRecord>;
export const createCaseSearchModel = (connection: Connection): CaseSearchModel => connection.model<CaseSearchRecord>("CaseSearch", caseSearchSchema);
