import { Schema, type Connection, type Model } from "mongoose";
import type { UserRef } from "../../security/fieldCipher.js";
import type { ReminderKind } from "../../services/reminders/reminderTypes.js";
import type { JobSubject } from "./deliveryJob.js";

export type ReminderState = "pending" | "sent" | "dropped" | "cancelled";

/**
 * One reminder to one user (issue #10). `_id` is the scheduler's request id, so scheduling the same
 * reminder twice stores it once. The tick never searches this collection: it reads the small due
 * buckets (reminder_buckets) and fetches the reminders they name. A reminder is handled only from
 * the bucket it names in `bucketId` (a deferred one moves to a morning bucket).
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
  state: ReminderState;
  bucketId: string;
  scheduledAt: Date;
  /** When it was sent, dropped or cancelled; purged some days later (README "Data we keep"). */
  doneAt: Date | null;
  /** The outbox job it was handed to. */
  jobId: string | null;
  /** Why it was dropped: late, or the user switched the kind off. */
  dropReason?: "late" | "opted-out" | null;
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
    state: { type: String, enum: ["pending", "sent", "dropped", "cancelled"], required: true },
    bucketId: { type: String, required: true },
    scheduledAt: { type: Date, required: true },
    doneAt: { type: Date, default: null },
    jobId: { type: String, default: null },
    dropReason: { type: String, default: null },
  },
  { versionKey: false, collection: "reminders" },
);
reminderSchema.index({ userId: 1 });
reminderSchema.index({ doneAt: 1 });

export type ReminderModel = Model<ReminderRecord>;
export const createReminderModel = (connection: Connection): ReminderModel => connection.model<ReminderRecord>("Reminder", reminderSchema);
