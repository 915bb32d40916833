import { Schema, type Connection, type Model } from "mongoose";

/**
 * The index of the due buckets, read by exact `_id` only (FerretDB answers an `_id` lookup at once
 * and scans the collection for any other filter). A minute's record counts the buckets written for
 * it, so the tick fetches them as "<minute>#0" … "<minute>#<slots-1>". One more record,
 * `_id: "cursor"`, says through which minute every bucket was handled; scheduling something due
 * earlier moves it back ($min).
 */
export interface ReminderMinuteRecord {
  /** "yyyy-mm-ddThh:mm" (UTC), or "cursor". */
  _id: string;
  /** Minute records: how many bucket slots were handed out. */
  slots?: number;
  /** The cursor: the last minute handled ("yyyy-mm-ddThh:mm"). */
  through?: string;
}

const reminderMinuteSchema = new Schema<ReminderMinuteRecord>(
  {
    _id: { type: String, required: true },
    slots: { type: Number },
    through: { type: String },
  },
  { versionKey: false, collection: "reminder_minutes" },
);

export type ReminderMinuteModel = Model<ReminderMinuteRecord>;
export const createReminderMinuteModel = (connection: Connection): ReminderMinuteModel =>
  connection.model<ReminderMinuteRecord>("ReminderMinute", reminderMinuteSchema);

export const REMINDER_CURSOR_ID = "cursor";
