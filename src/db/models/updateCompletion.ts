import { Schema, type Connection, type Model } from "mongoose";

/**
 * One row per Telegram update the bot finished handling (services/updateClaims.ts): written by an
 * insert, so marking an update done reads nothing — on FerretDB an update by `_id` scans the whole
 * collection, and `processed_updates` holds every update of the last two days. Purged with the
 * claims by a scheduled job. No personal data.
 */
export interface UpdateCompletionRecord {
  _id: number;
  doneAt: Date;
}

const updateCompletionSchema = new Schema<UpdateCompletionRecord>(
  {
    _id: { type: Number, required: true },
    doneAt: { type: Date, required: true },
  },
  { versionKey: false, collection: "update_completions" },
);
updateCompletionSchema.index({ doneAt: 1 }, { name: "doneAt_1" });

export type UpdateCompletionModel = Model<UpdateCompletionRecord>;
export const createUpdateCompletionModel = (connection: Connection): UpdateCompletionModel =>
  connection.model<UpdateCompletionRecord>("UpdateCompletion", updateCompletionSchema);
