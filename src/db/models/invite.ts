import { Schema, type Connection, type Model } from "mongoose";
import type { GrantedRole } from "./user.js";

/** A single-use deep-link invitation that grants a role. */
export interface InviteRecord {
  /** SHA-256 (hex) of the code; the code itself exists only in the link given to the inviter. */
  _id: string;
  role: GrantedRole;
  provinces: string[];
  createdBy: number;
  createdAt: Date;
  expiresAt: Date;
  usedBy?: number | null;
  usedAt?: Date | null;
}

const inviteSchema = new Schema<InviteRecord>(
  {
    _id: { type: String, required: true },
    role: { type: String, enum: ["volunteer", "coordinator"], required: true },
    provinces: { type: [String], default: [] },
    createdBy: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    usedBy: { type: Number, default: null },
    usedAt: { type: Date, default: null },
  },
  { versionKey: false, collection: "invites" },
);
inviteSchema.index({ expiresAt: 1 });

export type InviteModel = Model<InviteRecord>;
export const createInviteModel = (connection: Connection): InviteModel => connection.model<InviteRecord>("Invite", inviteSchema);
