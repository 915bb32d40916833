import { Schema, type Connection, type Model } from "mongoose";
import type { UserRef } from "../../security/fieldCipher.js";

/** What a job is about. The delivery layer (delivery/types.ts) re-exports these: the model does not import it. */
export type DeliveryKind = "broadcast" | "case-status" | "petition-milestone" | "reminder" | "event";
export type JobState = "scheduled" | "running" | "paused" | "cancelled" | "done";
/**
 * What a job is about when that is stored elsewhere (a case event, a petition's milestone): the
 * outbox keeps this reference and the worker renders the message at send time, in each
 * recipient's language. Ids only: nothing personal.
 */
export type JobSubject =
  | { kind: "case-status"; eventId: string }
  | { kind: "petition-milestone"; petitionId: string; milestone: number }
  /** Reminders of issue #10 that say the same to every recipient (their Continue button, their case list). */
  | { kind: "registration-unfinished" }
  | { kind: "case-checkin" }
  | { kind: "petition-last-call"; petitionId: string }
  /** A petition closed at its deadline: told to its signers who asked for news. */
  | { kind: "petition-closed"; petitionId: string }
  /** Event news carries the readers' time zone: one job per zone, each rendered on that clock. */
  | EventSubject;
export type EventSubject =
  | { kind: "event-invitation"; eventId: string; timeZone: string }
  | { kind: "event-reminder"; eventId: string; before: "24h" | "1h"; timeZone: string }
  | { kind: "event-change"; eventId: string; change: "moved" | "cancelled"; timeZone: string };

/**
 * One outbox job: what to say (per locale), to whom (delivery_recipients), and where it stands.
 * `_id` is the caller's jobId, the idempotency key. Written by the delivery service (create,
 * pause/resume/cancel) and by the dispatcher only to start and finish it, so that FerretDB's
 * lost updates between processes cannot hide a pause.
 */
export interface DeliveryJobRecord {
  _id: string;
  kind: DeliveryKind;
  createdBy: UserRef | null;
  /**
   * JSON of Record<locale, OutgoingContent> (keyboards are arrays of arrays, which FerretDB cannot
   * store), encrypted with the field cipher: it holds names and notes. Null once the retention job
   * purged a finished job's content.
   */
  contentByLocale: string | null;
  /** Instead of content: what the job is about, rendered by the worker at send time (absent on broadcasts). */
  subject?: JobSubject | null;
  defaultLocale: string;
  notBefore: Date | null;
  paid: boolean;
  /**
   * "Deliver in each recipient's daytime": a recipient in their night (22:00–08:00 in the zone
   * stored with them in delivery_recipients) waits for their 08:00; the others get it at once.
   */
  daytimeOnly?: boolean;
  state: JobState;
  /** The sender's private chat, by the sender's pseudonym; the worker resolves it to a chat id. */
  progressChat: { userRef: UserRef; messageId?: number | null; locale: string } | null;
  createdAt: Date;
  /** Set once every recipient is stored; the dispatcher ignores the job until then. */
  enqueuedAt: Date | null;
  /** Distinct recipients, including those skipped at enqueue. */
  total: number;
  skippedAtEnqueue: number;
  /** Recipient chunks in delivery_recipients, numbered 0..chunkCount-1, of at most chunkSize each. */
  chunkCount: number;
  chunkSize: number;
  finishedAt: Date | null;
  /**
   * Recipients who withdrew what the job is about (a family withdrew the case) after it was
   * enqueued: whatever is still unsent to them is skipped ("withdrawn"). Small; replaced whole.
   */
  withdrawnRecipients?: UserRef[];
  /** Final counts, written once when the job is finished (done, or cancelled and settled). */
  summary: { sent: number; failed: number; skipped: number } | null;
}

const deliveryJobSchema = new Schema<DeliveryJobRecord>(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: ["broadcast", "case-status", "petition-milestone", "reminder", "event"], required: true },
    createdBy: { type: String, default: null },
    contentByLocale: { type: String, default: null },
    subject: {
      type: new Schema(
        {
          kind: { type: String, enum: ["case-status", "petition-milestone", "event-invitation", "event-reminder", "event-change", "registration-unfinished", "case-checkin", "petition-last-call", "petition-closed"], required: true },
          eventId: String,
          petitionId: String,
          milestone: Number,
          before: String,
          change: String,
          timeZone: String,
        },
        { _id: false },
      ),
      default: null,
    },
    defaultLocale: { type: String, required: true },
    notBefore: { type: Date, default: null },
    paid: { type: Boolean, default: false },
    daytimeOnly: { type: Boolean, default: false },
    state: { type: String, enum: ["scheduled", "running", "paused", "cancelled", "done"], required: true },
    progressChat: {
      type: new Schema({ userRef: { type: String, required: true }, messageId: { type: Number, default: null }, locale: { type: String, required: true } }, { _id: false }),
      default: null,
    },
    createdAt: { type: Date, required: true },
    enqueuedAt: { type: Date, default: null },
    total: { type: Number, default: 0 },
    skippedAtEnqueue: { type: Number, default: 0 },
    chunkCount: { type: Number, default: 0 },
    chunkSize: { type: Number, required: true },
    finishedAt: { type: Date, default: null },
    withdrawnRecipients: { type: [String], default: undefined },
    summary: {
      type: new Schema({ sent: Number, failed: Number, skipped: Number }, { _id: false }),
      default: null,
    },
  },
  { versionKey: false, collection: "delivery_jobs" },
);
deliveryJobSchema.index({ finishedAt: 1, state: 1 });
deliveryJobSchema.index({ createdBy: 1, createdAt: -1 });
deliveryJobSchema.index({ createdAt: -1 });

export type DeliveryJobModel = Model<DeliveryJobRecord>;
export const createDeliveryJobModel = (connection: Connection): DeliveryJobModel =>
  connection.model<DeliveryJobRecord>("DeliveryJob", deliveryJobSchema);
