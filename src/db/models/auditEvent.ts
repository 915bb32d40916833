import { Schema, type Connection, type Model, type Types } from "mongoose";
import type { UserRef } from "../../security/fieldCipher.js";

/**
 * Append-only trail of who did or looked at what. Holds pseudonymous user references, ids and
 * action names, not personal data: no Telegram id, no name, no free text.
 */
export interface AuditEventRecord {
  _id: Types.ObjectId;
  at: Date;
  actorId: UserRef;
  action: string;
  subjectId?: string;
  details?: Record<string, unknown>;
}

const auditEventSchema = new Schema<AuditEventRecord>(
  {
    at: { type: Date, required: true },
    actorId: { type: String, required: true },
    action: { type: String, required: true },
    subjectId: { type: String },
    details: { type: Schema.Types.Mixed },
  },
  { versionKey: false, collection: "audit_events" },
);
auditEventSchema.index({ at: -1 });
auditEventSchema.index({ actorId: 1, at: -1 });

export type AuditEventModel = Model<AuditEventRecord>;
export const createAuditEventModel = (connection: Connection): AuditEventModel =>
  connection.model<AuditEventRecord>("AuditEvent", auditEventSchema);
