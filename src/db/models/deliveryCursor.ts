import { Schema, type Connection, type Model } from "mongoose";

/**
 * How far the dispatcher has come through a job's recipient list: every recipient before `next`
 * has been taken (sent, or waiting as an attempt row). Written before each send that advances it,
 * by the dispatcher only, so a restarted dispatcher continues exactly there; a recipient before
 * `next` with neither an outcome nor an attempt row was in flight at the crash and is sent again.
 */
export interface DeliveryCursorRecord {
  /** The jobId. */
  _id: string;
  next: number;
  startedAt: Date;
  updatedAt: Date;
}

const deliveryCursorSchema = new Schema<DeliveryCursorRecord>(
  {
    _id: { type: String, required: true },
    next: { type: Number, required: true },
    startedAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: "delivery_cursors" },
);

export type DeliveryCursorModel = Model<DeliveryCursorRecord>;
export const createDeliveryCursorModel = (connection: Connection): DeliveryCursorModel =>
  connection.model<DeliveryCursorRecord>("DeliveryCursor", deliveryCursorSchema);
