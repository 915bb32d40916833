import { Schema, type Connection, type Model, type Types } from "mongoose";

/**
 * A milestone a petition has reached. The unique (petitionId, milestone) index lets exactly one
 * of many concurrent signers record it; that one enqueues the news for the signers. `notifiedAt`
 * stays null until the delivery job exists, so a crash in between is repaired by a scheduled job.
 */
export interface PetitionMilestoneRecord {
  _id: Types.ObjectId;
  petitionId: Types.ObjectId;
  milestone: number;
  /** The count seen by the signature that crossed it. */
  count: number;
  reachedAt: Date;
  notifiedAt: Date | null;
}

const petitionMilestoneSchema = new Schema<PetitionMilestoneRecord>(
  {
    petitionId: { type: Schema.Types.ObjectId, required: true },
    milestone: { type: Number, required: true },
    count: { type: Number, required: true },
    reachedAt: { type: Date, required: true },
    notifiedAt: { type: Date, default: null },
  },
  { versionKey: false, collection: "petition_milestones" },
);
petitionMilestoneSchema.index({ petitionId: 1, milestone: 1 }, { unique: true });
petitionMilestoneSchema.index({ notifiedAt: 1 });

export type PetitionMilestoneModel = Model<PetitionMilestoneRecord>;
export const createPetitionMilestoneModel = (connection: Connection): PetitionMilestoneModel =>
  connection.model<PetitionMilestoneRecord>("PetitionMilestone", petitionMilestoneSchema);
