import type { Types } from "mongoose";
import type { Models } from "../../db/models/index.js";
import type { ReminderRequest, ReminderService } from "./reminderTypes.js";

const DAY_MS = 24 * 60 * 60 * 1000;
/** A case this long without a case event gets a check-in; then again every such period without news. */
export const CHECKIN_AFTER_DAYS = 30;
/** A check-in the bot could not send for this long (the bot was down) is not worth sending. */
const CHECKIN_LATE_DAYS = 3;
const BATCH = 500;

export interface CaseCheckins {
  /** The daily job: schedules a check-in for every family of every open case without news for 30 days. Returns the reminders stored. */
  scheduleDue(now: Date): Promise<number>;
}

/**
 * Case check-ins (issue #10). A case's "news" is its last case event (registered, status, edit).
 * The check-in falls due 30, 60, 90… days after it; its id names the case, the family member and
 * the month it fell due in (`case-checkin:<caseId>:<userRef>:<yyyy-mm>`), so a family hears at
 * most once a month and never twice for one period. Closed cases get none.
 *
 * Cost of the daily scan: the open cases' ids (a scan of `cases`: no index has the status first),
 * then per batch of 500 the dates of their events (case_events by its {caseId, at} index)
 * and the families that follow the quiet ones (case_links by its {caseId, userId} index).
 */
export function createCaseCheckins(deps: { models: Models; reminders: Pick<ReminderService, "schedule"> }): CaseCheckins {
  const { models, reminders } = deps;
  const period = CHECKIN_AFTER_DAYS * DAY_MS;

  async function scheduleBatch(cases: { _id: Types.ObjectId; createdAt: Date }[], now: Date): Promise<number> {
    const ids = cases.map((c) => c._id);
    // FerretDB v1 has no $max in $group: the events' dates (a case has few) are compared here.
    const events = await models.caseEvents.find({ caseId: { $in: ids } }, { _id: 0, caseId: 1, at: 1 }).lean().exec();
    const lastNews = new Map<string, Date>();
    for (const event of events) {
      const key = String(event.caseId);
      if ((lastNews.get(key)?.getTime() ?? 0) < event.at.getTime()) lastNews.set(key, event.at);
    }
    const dueByCase = new Map<string, Date>();
    for (const record of cases) {
      const since = lastNews.get(String(record._id)) ?? record.createdAt;
      const periods = Math.floor((now.getTime() - since.getTime()) / period);
      const dueAt = since.getTime() + periods * period;
      // Requested on each daily run until it is late (the scheduler stores an id once).
      if (periods >= 1 && now.getTime() - dueAt < CHECKIN_LATE_DAYS * DAY_MS) dueByCase.set(String(record._id), new Date(dueAt));
    }
    if (dueByCase.size === 0) return 0;
    const quiet = ids.filter((id) => dueByCase.has(String(id)));
    const links = await models.caseLinks.find({ caseId: { $in: quiet }, withdrawnAt: null }, { caseId: 1, userId: 1, locale: 1 }).lean().exec();
    const requests: ReminderRequest[] = [];
    for (const link of links) {
      const dueAt = dueByCase.get(String(link.caseId))!;
      requests.push({
        id: `case-checkin:${String(link.caseId)}:${link.userId}:${dueAt.toISOString().slice(0, 7)}`,
        kind: "case-checkin",
        userRef: link.userId,
        locale: link.locale,
        subject: { kind: "case-checkin" },
        // Found by the daily run: due now (a request for a minute the scheduler has passed is never read).
        dueAt: new Date(Math.max(dueAt.getTime(), now.getTime())),
        lateAfter: new Date(dueAt.getTime() + CHECKIN_LATE_DAYS * DAY_MS),
        quietHours: "respect",
      });
    }
    return requests.length === 0 ? 0 : (await reminders.schedule(requests)).stored;
  }

  return {
    async scheduleDue(now) {
      let stored = 0;
      let after: Types.ObjectId | null = null;
      for (;;) {
        const filter: Record<string, unknown> = { status: { $ne: "closed" }, createdAt: { $lte: new Date(now.getTime() - period) } };
        if (after) filter._id = { $gt: after };
        const batch = await models.cases.find(filter, { _id: 1, createdAt: 1 }).sort({ _id: 1 }).limit(BATCH).lean().exec();
        if (batch.length === 0) break;
        stored += await scheduleBatch(batch, now);
        after = batch.at(-1)!._id;
        if (batch.length < BATCH) break;
      }
      return stored;
    },
  };
}
