import { Schema, type Connection, type Model } from "mongoose";
import type { UserRef } from "../../security/fieldCipher.js";

/**
 * What happened to one message: one row per (jobId, userId), inserted once when the outcome is
 * final and never updated (inserts stay cheap on FerretDB however large the collection grows).
 * The unique index makes a second outcome for the same recipient impossible.
 */
export interface DeliveryRecord {
  /** `${jobId}:${userId}` */
  _id: string;
  jobId: string;
  /** The recipient's pseudonym; the worker turns it into a chat id only to send. */
  userId: UserRef;
  /** Position in the job's recipient list; null for recipients skipped at enqueue. */
  seq: number | null;
  state: "sent" | "failed" | "skipped";
  /** Why it failed or was skipped: "blocked", "cancelled", "chat not found", Telegram's description… */
  reason: string | null;
  attempts: number;
  sentAt: Date | null;
  messageId: number | null;
  locale: string;
  at: Date;
}

const deliverySchema = new Schema<DeliveryRecord>(
  {
    _id: { type: String, required: true },
    jobId: { type: String, required: true },
    userId: { type: String, required: true },
    seq: { type: Number, default: null },
    state: { type: String, enum: ["sent", "failed", "skipped"], required: true },
    reason: { type: String, default: null },
    attempts: { type: Number, default: 0 },
    sentAt: { type: Date, default: null },
    messageId: { type: Number, default: null },
    locale: { type: String, default: "" },
    at: { type: Date, required: true },
  },
  { versionKey: false, collection: "deliveries" },
);
deliverySchema.index({ jobId: 1, userId: 1 }, { unique: true });
deliverySchema.index({ jobId: 1, state: 1 });

export type DeliveryModel = Model<DeliveryRecord>;
export const createDeliveryModel = (connection: Connection): DeliveryModel => connection.model<DeliveryRecord>("Delivery", deliverySchema);

export const deliveryId = (jobId: string, userId: UserRef): string => `${jobId}:${userId}`;
