import { Schema, type Connection, type Model, type Types } from "mongoose";
import type { UserRef } from "../../security/fieldCipher.js";

/**
 * A personal appeal added to a signature (petitionId set), or a standalone letter to a relative
 * in the camp (petitionId null; recipient and sender names given). Photos and voice messages are
 * stored as Telegram file ids, never as bytes. `text`, `recipientName` and `senderName` are
 * encrypted at rest when a field cipher is configured. A withdrawn appeal loses its content.
 */
export interface AppealRecord {
  _id: Types.ObjectId;
  petitionId: Types.ObjectId | null;
  /** The writer's pseudonym (security/fieldCipher.ts userRef), never the Telegram id. */
  userId: UserRef;
  kind: "text" | "photo" | "voice";
  text?: string | null;
  fileId?: string | null;
  fileUniqueId?: string | null;
  fileSize?: number | null;
  durationSeconds?: number | null;
  recipientName?: string | null;
  senderName?: string | null;
  state: "active" | "withdrawn";
  createdAt: Date;
  withdrawnAt?: Date | null;
}

const appealSchema = new Schema<AppealRecord>(
  {
    petitionId: { type: Schema.Types.ObjectId, default: null },
    userId: { type: String, required: true },
    kind: { type: String, enum: ["text", "photo", "voice"], required: true },
    text: { type: String, default: null },
    fileId: { type: String, default: null },
    fileUniqueId: { type: String, default: null },
    fileSize: { type: Number, default: null },
    durationSeconds: { type: Number, default: null },
    recipientName: { type: String, default: null },
    senderName: { type: String, default: null },
    state: { type: String, enum: ["active", "withdrawn"], required: true },
    createdAt: { type: Date, required: true },
    withdrawnAt: { type: Date, default: null },
  },
  { versionKey: false, collection: "appeals" },
);
appealSchema.index({ petitionId: 1, state: 1, createdAt: 1 });
appealSchema.index({ userId: 1, petitionId: 1 });

export type AppealModel = Model<AppealRecord>;
export const createAppealModel = (connection: Connection): AppealModel => connection.model<AppealRecord>("Appeal", appealSchema);
