import { Schema, type Connection, type Model, type Types } from "mongoose";

/** Append-only trail of who did or looked at what. Holds ids and action names, not personal data. */
export interface AuditEventRecord {
  _id: Types.ObjectId;
  at: Date;
  actorId: number;
  action: string;
  subjectId?: string;
  details?: Record<string, unknown>;
}

const auditEventSchema = new Schema<AuditEventRecord>(
  {
    at: { type: Date, required: true },
    actorId: { type: Number, required: true },
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
