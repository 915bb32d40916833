import { Schema, type Connection, type Model, type Types } from "mongoose";
import type { UserRef } from "../../security/fieldCipher.js";

/**
 * Places where relatives are believed to be (e.g. a camp abroad). Coordinators maintain this list:
 * names are data, never code.
 */
export interface LocationRecord {
  _id: Types.ObjectId;
  code: string;
  /** Name per locale, as a JSON object string ({"fa": "...", "en": "..."}). */
  namesJson: string;
  active: boolean;
  createdBy: UserRef;
  createdAt: Date;
}

const locationSchema = new Schema<LocationRecord>(
  {
    code: { type: String, required: true },
    namesJson: { type: String, required: true },
    active: { type: Boolean, default: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: "locations" },
);
locationSchema.index({ code: 1 }, { unique: true });

export type LocationModel = Model<LocationRecord>;
export const createLocationModel = (connection: Connection): LocationModel => connection.model<LocationRecord>("Location", locationSchema);
