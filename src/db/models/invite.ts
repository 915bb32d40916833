import { Schema, type Connection, type Model } from "mongoose";
import type { UserRef } from "../../security/fieldCipher.js";
import type { GrantedRole } from "./user.js";

/** A single-use deep-link invitation that grants a role. */
export interface InviteRecord {
  /** SHA-256 (hex) of the code; the code itself exists only in the link given to the inviter. */
  _id: string;
  role: GrantedRole;
  provinces: string[];
  createdBy: UserRef;
  createdAt: Date;
  expiresAt: Date;
  usedBy?: UserRef | null;
  usedAt?: Date | null;
}

const inviteSchema = new Schema<InviteRecord>(
  {
    _id: { type: String, required: true },
    role: { type: String, enum: ["volunteer", "coordinator"], required: true },
    provinces: { type: [String], default: [] },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    usedBy: { type: String, default: null },
    usedAt: { type: Date, default: null },
  },
  { versionKey: false, collection: "invites" },
);
inviteSchema.index({ expiresAt: 1 });

export type InviteModel = Model<InviteRecord>;
export const createInviteModel = (connection: Connection): InviteModel => connection.model<InviteRecord>("Invite", inviteSchema);
