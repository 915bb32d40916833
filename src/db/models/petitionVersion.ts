import { Schema, type Connection, type Model, type Types } from "mongoose";
import type { UserRef } from "../../security/fieldCipher.js";
import type { PetitionTextRecord } from "./petition.js";

/**
 * Every version of a petition's text, as it was. A signature names the version it signed, so an
 * export can show exactly what people put their names under.
 */
export interface PetitionVersionRecord {
  _id: Types.ObjectId;
  petitionId: Types.ObjectId;
  version: number;
  texts: PetitionTextRecord[];
  addressee: string;
  createdBy: UserRef;
  createdAt: Date;
}

const petitionVersionSchema = new Schema<PetitionVersionRecord>(
  {
    petitionId: { type: Schema.Types.ObjectId, required: true },
    version: { type: Number, required: true },
    texts: {
      type: [new Schema({ locale: { type: String, required: true }, title: { type: String, required: true }, body: { type: String, required: true } }, { _id: false })],
      default: [],
    },
    addressee: { type: String, required: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: "petition_versions" },
);
petitionVersionSchema.index({ petitionId: 1, version: 1 }, { unique: true });

export type PetitionVersionModel = Model<PetitionVersionRecord>;
export const createPetitionVersionModel = (connection: Connection): PetitionVersionModel =>
  connection.model<PetitionVersionRecord>("PetitionVersion", petitionVersionSchema);
