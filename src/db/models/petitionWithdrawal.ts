import { Schema, type Connection, type Model, type Types } from "mongoose";
import type { UserRef } from "../../security/fieldCipher.js";

/** The audit record of a withdrawn signature: when it was given and taken back, no personal fields. */
export interface PetitionWithdrawalRecord {
  _id: Types.ObjectId;
  petitionId: Types.ObjectId;
  userId: UserRef;
  textVersion: number;
  signedAt: Date;
  withdrawnAt: Date;
}

const petitionWithdrawalSchema = new Schema<PetitionWithdrawalRecord>(
  {
    petitionId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: String, required: true },
    textVersion: { type: Number, required: true },
    signedAt: { type: Date, required: true },
    withdrawnAt: { type: Date, required: true },
  },
  { versionKey: false, collection: "petition_withdrawals" },
);
petitionWithdrawalSchema.index({ petitionId: 1, withdrawnAt: 1 });

export type PetitionWithdrawalModel = Model<PetitionWithdrawalRecord>;
export const createPetitionWithdrawalModel = (connection: Connection): PetitionWithdrawalModel =>
  connection.model<PetitionWithdrawalRecord>("PetitionWithdrawal", petitionWithdrawalSchema);
