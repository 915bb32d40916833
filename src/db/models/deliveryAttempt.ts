import { Schema, type Connection, type Model } from "mongoose";
import type { UserRef } from "../../security/fieldCipher.js";

/**
 * A recipient that needs more than one try: `pending` (waiting for a retry after a transient
 * error, or for the chat's one-second pacing) or `sending` (a retry in flight). First attempts
 * need no row: the job's cursor (delivery_cursors) is written before they leave. Small by design
 * — a row is removed soon after the recipient's outcome is in `deliveries` — so updating it stays
 * cheap even on FerretDB, where an update costs a scan of its whole collection.
 */
export interface DeliveryAttemptRecord {
  /** `${jobId}:${userId}`, the same as the outcome's id. */
  _id: string;
  jobId: string;
  userId: UserRef;
  /** Position in the job's recipient list. */
  seq: number;
  locale: string;
  state: "pending" | "sending";
  /** Send attempts so far, counting the one in flight. */
  attempts: number;
  nextAttemptAt: Date;
  /** The dispatcher lease's expiry when it started sending; an expired `sending` row belongs to a crashed worker. */
  leaseUntil: Date | null;
  holder: string | null;
  /** The last transient error. */
  reason: string | null;
}

const deliveryAttemptSchema = new Schema<DeliveryAttemptRecord>(
  {
    _id: { type: String, required: true },
    jobId: { type: String, required: true },
    userId: { type: String, required: true },
    seq: { type: Number, required: true },
    locale: { type: String, default: "" },
    state: { type: String, enum: ["pending", "sending"], required: true },
    attempts: { type: Number, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    leaseUntil: { type: Date, default: null },
    holder: { type: String, default: null },
    reason: { type: String, default: null },
  },
  { versionKey: false, collection: "delivery_attempts" },
);
deliveryAttemptSchema.index({ jobId: 1, userId: 1 }, { unique: true });

export type DeliveryAttemptModel = Model<DeliveryAttemptRecord>;
export const createDeliveryAttemptModel = (connection: Connection): DeliveryAttemptModel =>
  connection.model<DeliveryAttemptRecord>("DeliveryAttempt", deliveryAttemptSchema);
