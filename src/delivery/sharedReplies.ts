import type { Clock } from "../clock.js";
import type { Models } from "../db/models/index.js";
import type { Logger } from "../logger.js";
import type { SendBudget } from "./sendBudget.js";

/** Each process says it is there at least this often, so the dispatcher knows every live process's count before it replies. */
const REFRESH_MS = 20_000;
/** A process not heard of for this long is left out (stopped or killed); its row is removed after a day. */
const LIVE_WITHIN_MS = 60_000;
const FORGET_AFTER_MS = 24 * 60 * 60_000;

export interface SharedReplies {
  /** One round: publish our count if it changed; as the dispatcher, charge what the others sent since the last round. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Telegram's cap is per bot, and each process's SendBudget sees only its own replies. So every
 * process publishes how many messages it has sent interactively (one row in `reply_counts`, an
 * absolute total: a lost or repeated write cannot count twice), and the process that sends the
 * outbox charges its budget with what the others sent since it last looked. Its broadcasts then
 * leave room for every process's replies, a second or so late. One small write a second per
 * process while it replies (else one every 20 s), one read a second while the outbox is being sent.
 */
export function startSharedReplies(input: {
  models: Models;
  clock: Clock;
  log: Logger;
  budget: SendBudget;
  instanceId: string;
  /** True while this process holds the dispatcher lease. */
  isDispatcher: () => boolean;
  /** Default 1 s; 0: no timer (tests call tick). */
  intervalMs?: number;
}): SharedReplies {
  const { models, clock, log, budget, instanceId, isDispatcher } = input;
  /** Nothing yet: the first round writes the row (count 0 at start), so the dispatcher has a starting point. */
  let published = -1;
  let publishedAt = 0;
  /** Each other process's total when we last charged for it. */
  const charged = new Map<string, number>();
  let running: Promise<void> = Promise.resolve();

  const publish = async () => {
    const total = budget.spentInteractively();
    const now = clock.now();
    if (total === published && now.getTime() - publishedAt < REFRESH_MS) return;
    await models.replyCounts.updateOne({ _id: instanceId }, { $set: { count: total, at: now } }, { upsert: true }).exec();
    published = total;
    publishedAt = now.getTime();
  };

  const chargeOthers = async () => {
    if (!isDispatcher()) {
      // A later lead starts from what the others had sent by then, not from their whole history.
      charged.clear();
      return;
    }
    const since = new Date(clock.now().getTime() - LIVE_WITHIN_MS);
    const rows = await models.replyCounts.find({ _id: { $ne: instanceId }, at: { $gte: since } }, { count: 1 }).lean().exec();
    for (const row of rows) {
      const before = charged.get(row._id);
      if (before !== undefined && row.count > before) budget.chargeForOthers(row.count - before);
      charged.set(row._id, row.count);
    }
  };

  const tick = async () => {
    try {
      await publish();
      await chargeOthers();
    } catch (error) {
      // The database away: the next round catches up (the counts are totals).
      log.debug({ err: (error as Error).message }, "could not share reply counts");
    }
  };

  void models.replyCounts
    .deleteMany({ at: { $lt: new Date(clock.now().getTime() - FORGET_AFTER_MS) } })
    .exec()
    .catch(() => undefined);
  const intervalMs = input.intervalMs ?? 1_000;
  const timer =
    intervalMs > 0
      ? setInterval(() => {
          running = running.then(tick);
        }, intervalMs)
      : undefined;
  timer?.unref();

  return {
    tick: () => (running = running.then(tick)),
    async stop() {
      if (timer) clearInterval(timer);
      await running;
      await models.replyCounts.deleteOne({ _id: instanceId }).exec().catch(() => undefined);
    },
  };
}
