import { Schema, type Connection, type Model, type Types } from "mongoose";
import { RSVP_ANSWERS, type RsvpAnswer } from "../../domain/events.js";
import type { UserRef } from "../../security/fieldCipher.js";

/**
 * One answer per person and event (unique (eventId, userId): a double tap or a changed mind
 * updates the same row). Province and locale are copied in for the organiser's counts; the
 * person is stored by pseudonym only.
 */
export interface EventRsvpRecord {
  _id: Types.ObjectId;
  eventId: Types.ObjectId;
  userId: UserRef;
  answer: RsvpAnswer;
  /** Province code of the family's registration, "abroad", or null when unknown. */
  province: string | null;
  locale: string;
  answeredAt: Date;
}

const eventRsvpSchema = new Schema<EventRsvpRecord>(
  {
    eventId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: String, required: true },
    answer: { type: String, enum: RSVP_ANSWERS, required: true },
    province: { type: String, default: null },
    locale: { type: String, required: true },
    answeredAt: { type: Date, required: true },
  },
  { versionKey: false, collection: "event_rsvps" },
);
eventRsvpSchema.index({ eventId: 1, userId: 1 }, { unique: true });
eventRsvpSchema.index({ userId: 1 });

export type EventRsvpModel = Model<EventRsvpRecord>;
export const createEventRsvpModel = (connection: Connection): EventRsvpModel => connection.model<EventRsvpRecord>("EventRsvp", eventRsvpSchema);
