import { Schema, type Connection, type Model } from "mongoose";
import type { UserRef } from "../../security/fieldCipher.js";

/**
 * The recipients of a job, in chunks of up to a thousand, written once at enqueue. The dispatcher
 * walks them in order (recipient `seq` = chunk seq × chunkSize + index), so it never has to
 * search or update a per-recipient row before sending: on FerretDB every update of a large
 * collection costs a scan of the whole collection. Removed when the job is finished.
 */
export interface DeliveryRecipientsRecord {
  /** `${jobId}#${seq}` */
  _id: string;
  jobId: string;
  seq: number;
  /** Recipients' pseudonyms (security/fieldCipher.ts userRef), never Telegram ids. */
  userIds: UserRef[];
  /** The recipient's locale, index for index with userIds ("" = the job's default). */
  locales: string[];
  /**
   * Daytime-only jobs: the recipient's IANA time zone as it was at enqueue, index for index with
   * userIds ("" = Asia/Tehran). Absent on other jobs.
   */
  timeZones?: string[];
  /** Recipients skipped at enqueue because they blocked the bot; their outcomes exist already. */
  skippedUserIds: UserRef[];
}

const deliveryRecipientsSchema = new Schema<DeliveryRecipientsRecord>(
  {
    _id: { type: String, required: true },
    jobId: { type: String, required: true },
    seq: { type: Number, required: true },
    userIds: { type: [String], default: [] },
    locales: { type: [String], default: [] },
    timeZones: { type: [String], default: undefined },
    skippedUserIds: { type: [String], default: [] },
  },
  { versionKey: false, collection: "delivery_recipients" },
);
deliveryRecipientsSchema.index({ jobId: 1, seq: 1 }, { unique: true });

export type DeliveryRecipientsModel = Model<DeliveryRecipientsRecord>;
export const createDeliveryRecipientsModel = (connection: Connection): DeliveryRecipientsModel =>
  connection.model<DeliveryRecipientsRecord>("DeliveryRecipients", deliveryRecipientsSchema);

export const recipientsChunkId = (jobId: string, seq: number): string => `${jobId}#${seq}`;
