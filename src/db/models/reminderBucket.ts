import { Schema, type Connection, type Model } from "mongoose";

/**
 * The reminders of one scheduling batch that fall due in one minute. Written once, never updated
 * (FerretDB may lose concurrent updates of one document), deleted once its reminders were handled.
 * A tick reads only the buckets whose minute has come, by `_id` through reminder_minutes, so its
 * work follows what is due, not what is pending. `_id` is "<yyyy-mm-ddThh:mm>#<slot>".
 */
export interface ReminderBucketRecord {
  _id: string;
  /** The due minute, UTC, as "yyyy-mm-ddThh:mm" (sorts as time). */
  minute: string;
  ids: string[];
  /** A morning bucket: reminders that fell due in their recipient's night, moved here. */
  deferred?: boolean;
  createdAt: Date;
}

const reminderBucketSchema = new Schema<ReminderBucketRecord>(
  {
    _id: { type: String, required: true },
    minute: { type: String, required: true },
    ids: { type: [String], required: true },
    deferred: { type: Boolean },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: "reminder_buckets" },
);

export type ReminderBucketModel = Model<ReminderBucketRecord>;
export const createReminderBucketModel = (connection: Connection): ReminderBucketModel =>
  connection.model<ReminderBucketRecord>("ReminderBucket", reminderBucketSchema);
