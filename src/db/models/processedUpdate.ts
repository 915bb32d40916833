import { Schema, type Connection, type Model } from "mongoose";

/**
 * One row per Telegram update the bot has claimed. The unique _id makes a repeated update
 * (webhook retry, poller restart) a no-op; `owner` is the process handling it (its heartbeat
 * lives in `leases` as `instance:<owner>`), so a claim of a killed process is taken over. Rows
 * are purged by a scheduled job, since TTL indexes do not exist on FerretDB. No personal data.
 */
export interface ProcessedUpdateRecord {
  _id: number;
  state: "processing" | "done";
  /** Instance id of the process that claimed it (host:pid:random); absent on rows from before owners. */
  owner?: string | null;
  claimedAt: Date;
  doneAt?: Date | null;
}

const processedUpdateSchema = new Schema<ProcessedUpdateRecord>(
  {
    _id: { type: Number, required: true },
    state: { type: String, enum: ["processing", "done"], required: true },
    owner: { type: String, default: null },
    claimedAt: { type: Date, required: true },
    doneAt: { type: Date, default: null },
  },
  { versionKey: false, collection: "processed_updates" },
);
processedUpdateSchema.index({ claimedAt: 1 });

export type ProcessedUpdateModel = Model<ProcessedUpdateRecord>;
export const createProcessedUpdateModel = (connection: Connection): ProcessedUpdateModel =>
  connection.model<ProcessedUpdateRecord>("ProcessedUpdate", processedUpdateSchema);
