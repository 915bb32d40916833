import { Schema, type Connection, type Model, type Types } from "mongoose";
import type { EventState } from "../../domain/events.js";
import type { UserRef } from "../../security/fieldCipher.js";

/** An event's words in one language (fa always; en and sq when the organiser wrote them). */
export interface EventText {
  locale: string;
  title: string;
  description: string;
}

/**
 * A gathering, press conference or visit the association invites families to. Nothing personal:
 * the words are the organiser's public announcement, the link is the meeting's (kept in clear),
 * the organiser is stored by pseudonym. The audience is the broadcast audience it was sent to.
 */
export interface EventRecord {
  _id: Types.ObjectId;
  texts: EventText[];
  startsAt: Date;
  link: string | null;
  audience: { kind: string; provinces: "all" | string[]; locale?: string; status?: string; petitionId?: string; eventId?: string };
  createdBy: UserRef;
  state: EventState;
  createdAt: Date;
  /** When it was last moved or cancelled. */
  changedAt: Date | null;
}

const eventSchema = new Schema<EventRecord>(
  {
    texts: { type: [new Schema({ locale: String, title: String, description: String }, { _id: false })], required: true },
    startsAt: { type: Date, required: true },
    link: { type: String, default: null },
    audience: { type: Schema.Types.Mixed, required: true },
    createdBy: { type: String, required: true },
    state: { type: String, enum: ["scheduled", "moved", "cancelled"], required: true },
    createdAt: { type: Date, required: true },
    changedAt: { type: Date, default: null },
  },
  { versionKey: false, collection: "events" },
);
eventSchema.index({ startsAt: -1 });

export type EventModel = Model<EventRecord>;
export const createEventModel = (connection: Connection): EventModel => connection.model<EventRecord>("Event", eventSchema);
