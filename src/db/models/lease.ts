import { Schema, type Connection, type Model } from "mongoose";

/** A named lease so that only one process runs a job (scheduler tick, broadcast dispatcher) at a time. */
export interface LeaseRecord {
  _id: string;
  holder: string;
  until: Date;
}

const leaseSchema = new Schema<LeaseRecord>(
  {
    _id: { type: String, required: true },
    holder: { type: String, required: true },
    until: { type: Date, required: true },
  },
  { versionKey: false, collection: "leases" },
);

export type LeaseModel = Model<LeaseRecord>;
export const createLeaseModel = (connection: Connection): LeaseModel => connection.model<LeaseRecord>("Lease", leaseSchema);
