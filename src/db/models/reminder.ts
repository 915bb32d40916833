import { Schema, type Connection, type Model } from "mongoose";
import type { UserRef } from "../../security/fieldCipher.js";
import type { ReminderKind } from "../../services/reminders/reminderTypes.js";
import type { JobSubject } from "./deliveryJob.js";

/** Sent and dropped reminders are not marked: the bucket that named them is gone (README "Reminders"). */
export type ReminderState = "pending" | "cancelled";

/**
 * One reminder to one user (issue #10). `_id` is the scheduler's request id, so scheduling the same
 * reminder twice stores it once. The tick never searches this collection: it reads the small due
 * buckets (reminder_buckets) and fetches the reminders they name. A reminder is handled only from
 * the bucket it names in `bucketId`, or from a morning bucket it was deferred to.
 */
export interface ReminderRecord {
  _id: string;
  /** The recipient's pseudonym. */
  userId: UserRef;
  kind: ReminderKind;
  /** Ids only: what the message is about, rendered by the outbox worker when it sends. */
  subject: JobSubject;
  dueAt: Date;
  lateAfter: Date | null;
  quietHours: "respect" | "ignore";
  /** The language the user last spoke to us in, for a user who never chose one with /language. */
  locale: string | null;
  state: ReminderState;
  bucketId: string;
  scheduledAt: Date;
  cancelledAt: Date | null;
}

const reminderSchema = new Schema<ReminderRecord>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    kind: { type: String, required: true },
    // Each feature adds its own JobSubject variant: stored as given (ids only).
    subject: { type: Schema.Types.Mixed, required: true },
    dueAt: { type: Date, required: true },
    lateAfter: { type: Date, default: null },
    quietHours: { type: String, enum: ["respect", "ignore"], required: true },
    locale: { type: String, default: null },
    state: { type: String, enum: ["pending", "cancelled"], required: true },
    bucketId: { type: String, required: true },
    scheduledAt: { type: Date, required: true },
    cancelledAt: { type: Date, default: null },
  },
  { versionKey: false, collection: "reminders" },
);
reminderSchema.index({ userId: 1 });
reminderSchema.index({ dueAt: 1 });

export type ReminderModel = Model<ReminderRecord>;
export const createReminderModel = (connection: Connection): ReminderModel => connection.model<ReminderRecord>("Reminder", reminderSchema);
