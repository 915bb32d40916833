import { Schema, type Connection, type Model } from "mongoose";

/**
 * The minutes that have due buckets (reminder_buckets), one small record each, inserted when a
 * bucket is written and never updated; purged a few days after their minute. A busy tick reads
 * them once to learn which buckets are due and which minute comes next.
 */
export interface ReminderMinuteRecord {
  /** "yyyy-mm-ddThh:mm" (UTC). */
  _id: string;
}

/**
 * One record (`_id: "due"`): the earliest minute that may have due buckets. A tick with nothing
 * due reads only this (FerretDB scans a collection even for an `_id` lookup, so it lives alone);
 * scheduling moves it back ($min) and counts `version` up, so a tick that read an older version
 * does not move it forward over something scheduled meanwhile.
 */
export interface ReminderCursorRecord {
  _id: string;
  next: string;
  version: number;
}

const reminderMinuteSchema = new Schema<ReminderMinuteRecord>({ _id: { type: String, required: true } }, { versionKey: false, collection: "reminder_minutes" });
const reminderCursorSchema = new Schema<ReminderCursorRecord>(
  {
    _id: { type: String, required: true },
    next: { type: String, required: true },
    version: { type: Number, required: true },
  },
  { versionKey: false, collection: "reminder_cursor" },
);

export type ReminderMinuteModel = Model<ReminderMinuteRecord>;
export type ReminderCursorModel = Model<ReminderCursorRecord>;
export const createReminderMinuteModel = (connection: Connection): ReminderMinuteModel =>
  connection.model<ReminderMinuteRecord>("ReminderMinute", reminderMinuteSchema);
export const createReminderCursorModel = (connection: Connection): ReminderCursorModel =>
  connection.model<ReminderCursorRecord>("ReminderCursor", reminderCursorSchema);

export const REMINDER_CURSOR_ID = "due";
/** The cursor's value when nothing is scheduled. */
export const NOTHING_SCHEDULED = "9999-12-31T23:59";
