import { Schema, type Connection, type Model, type Types } from "mongoose";
import type { UserRef } from "../../security/fieldCipher.js";

/** One entry of a case's timeline. Notes are encrypted; the internal note is never shown to families. */
export interface CaseEventRecord {
  _id: Types.ObjectId;
  caseId: Types.ObjectId;
  at: Date;
  actorId: UserRef;
  actorRole: string;
  type: "registered" | "status" | "edited" | "withdrawn";
  from?: string;
  to?: string;
  closeReason?: string;
  familyNoteEnc?: string;
  internalNoteEnc?: string;
  /** Status events: when the families' notifications were handed to the outbox (null = still to do). */
  notifiedAt?: Date | null;
}

const caseEventSchema = new Schema<CaseEventRecord>(
  {
    caseId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
    actorId: { type: String, required: true },
    actorRole: { type: String, required: true },
    type: { type: String, enum: ["registered", "status", "edited", "withdrawn"], required: true },
    from: String,
    to: String,
    closeReason: String,
    familyNoteEnc: String,
    internalNoteEnc: String,
    notifiedAt: { type: Date, default: null },
  },
  { versionKey: false, collection: "case_events" },
);
caseEventSchema.index({ caseId: 1, at: 1 });
caseEventSchema.index({ type: 1, notifiedAt: 1 });

export type CaseEventModel = Model<CaseEventRecord>;
export const createCaseEventModel = (connection: Connection): CaseEventModel => connection.model<CaseEventRecord>("CaseEvent", caseEventSchema);
