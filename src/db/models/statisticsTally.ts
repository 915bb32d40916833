import { Schema, type Connection, type Model } from "mongoose";

/**
 * The figures /stats shows, counted by the `refresh-statistics` job and read by every /stats: counts
 * per province only (never a person), one document (`_id: "current"`), replaced whole by each
 * refresh. `tally` is the JSON of a `StatisticsTally` (src/domain/statistics.ts), checked by zod
 * when read. Looked up by `_id` only.
 */
export interface StatisticsTallyRecord {
  _id: string;
  computedAt: Date;
  tally: string;
}

const statisticsTallySchema = new Schema<StatisticsTallyRecord>(
  {
    _id: { type: String, required: true },
    computedAt: { type: Date, required: true },
    tally: { type: String, required: true },
  },
  { versionKey: false, collection: "statistics_tallies" },
);

export type StatisticsTallyModel = Model<StatisticsTallyRecord>;
export const createStatisticsTallyModel = (connection: Connection): StatisticsTallyModel =>
  connection.model<StatisticsTallyRecord>("StatisticsTally", statisticsTallySchema);
