import { Schema, type Connection, type Model } from "mongoose";
import type { UserRef } from "../../security/fieldCipher.js";
import type { ReminderKind } from "../../services/reminders/reminderTypes.js";

export type GrantedRole = "volunteer" | "coordinator";

export interface RoleGrant {
  role: GrantedRole;
  /** Province codes a volunteer works for; empty for coordinators. */
  provinces: string[];
  grantedBy: UserRef;
  grantedAt: Date;
}

/**
 * A Telegram user who has talked to the bot. Holds no name, username or phone, and not even the
 * Telegram id: `_id` is the user's pseudonym (security/fieldCipher.ts userRef), reversible only
 * with the data key, so a copy of the database does not say which accounts use the bot.
 */
export interface UserRecord {
  _id: UserRef;
  locale?: string;
  roles: RoleGrant[];
  firstSeenAt: Date;
  lastSeenAt: Date;
  /** Set when Telegram says the user blocked the bot; cleared when they write again. */
  unreachableSince?: Date | null;
  /** IANA time zone chosen in /settings or from the country at registration; absent = Asia/Tehran. */
  timeZone?: string;
  /** Reminder kinds the user switched off in /settings. */
  reminderOptOuts: ReminderKind[];
}

const roleGrantSchema = new Schema<RoleGrant>(
  {
    role: { type: String, enum: ["volunteer", "coordinator"], required: true },
    provinces: { type: [String], default: [] },
    grantedBy: { type: String, required: true },
    grantedAt: { type: Date, required: true },
  },
  { _id: false },
);

const userSchema = new Schema<UserRecord>(
  {
    _id: { type: String, required: true },
    locale: { type: String },
    roles: { type: [roleGrantSchema], default: [] },
    firstSeenAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    unreachableSince: { type: Date, default: null },
    timeZone: { type: String },
    reminderOptOuts: { type: [String], default: [] },
  },
  { versionKey: false, collection: "users" },
);
userSchema.index({ "roles.role": 1 });

export type UserModel = Model<UserRecord>;
export const createUserModel = (connection: Connection): UserModel => connection.model<UserRecord>("User", userSchema);
