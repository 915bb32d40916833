import { Schema, type Connection, type Model } from "mongoose";

/**
 * The reminders of one scheduling batch that fall due in one minute. Written once, never updated
 * (FerretDB may lose concurrent updates of one document), deleted once its reminders were handled.
 * A tick reads only the buckets whose minute has come, so its work follows what is due, not what
 * is pending. `_id` is "<yyyy-mm-ddThh:mm>#<random>".
 */
export interface ReminderBucketRecord {
  _id: string;
  /** The due minute, UTC, as "yyyy-mm-ddThh:mm" (sorts as time). */
  minute: string;
  ids: string[];
  createdAt: Date;
}

const reminderBucketSchema = new Schema<ReminderBucketRecord>(
  {
    _id: { type: String, required: true },
    minute: { type: String, required: true },
    ids: { type: [String], required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: "reminder_buckets" },
);
reminderBucketSchema.index({ minute: 1 });

export type ReminderBucketModel = Model<ReminderBucketRecord>;
export const createReminderBucketModel = (connection: Connection): ReminderBucketModel =>
  connection.model<ReminderBucketRecord>("ReminderBucket", reminderBucketSchema);
