import { Schema, type Connection, type Model } from "mongoose";

/**
 * One row per bot process: how many messages it has sent interactively (replies, not the outbox)
 * since it started, and when it last said so. The process that sends the outbox reads the others'
 * rows, so its broadcasts leave room for their replies too (src/delivery/sharedReplies.ts). No
 * personal data: an instance id (host:pid:random) and a number.
 */
export interface ReplyCountRecord {
  _id: string;
  count: number;
  at: Date;
}

const replyCountSchema = new Schema<ReplyCountRecord>(
  {
    _id: { type: String, required: true },
    count: { type: Number, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false, collection: "reply_counts" },
);

export type ReplyCountModel = Model<ReplyCountRecord>;
export const createReplyCountModel = (connection: Connection): ReplyCountModel => connection.model<ReplyCountRecord>("ReplyCount", replyCountSchema);
