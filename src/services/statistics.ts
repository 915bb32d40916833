import type { Clock } from "../clock.js";
import { can, type ActingUser, type ActorLookup } from "../domain/roles.js";
import {
  STATS_MONTHS,
  TallyCounter,
  monthsWindowStart,
  snapshotOfTally,
  statisticsTallySchema,
  type StatisticsSnapshot,
  type StatsCalendar,
  type StatisticsTally,
} from "../domain/statistics.js";
import type { CaseRecord } from "../db/models/case.js";
import type { Models } from "../db/models/index.js";
import { registrationWeek } from "../domain/registrationWeek.js";
import type { AuditTrail } from "./audit.js";

export interface StatisticsService {
  /** The counts /stats shows: all provinces for coordinators, their own for volunteers; families are refused. */
  snapshot(acting: ActingUser, calendar?: StatsCalendar): Promise<{ ok: true; value: StatisticsSnapshot } | { ok: false; error: "forbidden" }>;
  /** Counts everything again and keeps the tally (the `refresh-statistics` job). */
  refresh(): Promise<StatisticsTally>;
  /** The stored tally when it is younger than the maximum age, else null (never counts). */
  currentTally(): Promise<StatisticsTally | null>;
}

/** The one stored tally. */
const TALLY_ID = "current";
/** Twice the default refresh period (STATS_REFRESH_MINUTES = 5): a tally older than that is counted again. */
const DEFAULT_MAX_AGE_MS = 10 * 60_000;
/** Records read per round trip while counting: other queries of the process get the connection in between. */
const SCAN_BATCH = 1_000;

/**
 * /stats reads a tally of counts per province that the `refresh-statistics` job counts every few
 * minutes (`STATS_REFRESH_MINUTES`): on FerretDB every count reads every document, so counting at
 * each /stats took seconds at 10,000 cases; reading one tally takes milliseconds at any size. When
 * no tally is younger than `maxAgeMs` (a new installation, a job that failed), the request counts
 * itself and keeps the result. The figures carry the time they were counted, which /stats shows.
 */
export function createStatisticsService(deps: { models: Models; clock: Clock; audit: AuditTrail; actorNow: ActorLookup; maxAgeMs?: number }): StatisticsService {
  const { models, clock, audit, actorNow, maxAgeMs = DEFAULT_MAX_AGE_MS } = deps;

  /**
   * One pass over each collection, with only the fields counted (no names, no pseudonyms read):
   * contact events first (few), then every case, every active signature, every event answer. The
   * cases and their events are read over the reads' lane: a scan of every case on the cases' one
   * connection held back every registration's save for as long as it ran, every few minutes.
   */
  async function count(): Promise<StatisticsTally> {
    const now = clock.now();
    const counter = new TallyCounter(now);
    const contactAt = new Map<string, Date[]>();
    const monthsStart = monthsWindowStart(now, STATS_MONTHS);
    for await (const e of models.caseEventsToRead.find({ type: "status", to: "contact_established" }, { caseId: 1, at: 1, _id: 0 }).lean().cursor({ batchSize: SCAN_BATCH })) {
      if (e.at < monthsStart) continue;
      const id = String(e.caseId);
      contactAt.set(id, [...(contactAt.get(id) ?? []), e.at]);
    }
    const withoutWeek: { _id: CaseRecord["_id"]; week: string }[] = [];
    for await (const c of models.casesToRead.find({}, { province: 1, status: 1, createdAt: 1, updatedAt: 1, registeredWeek: 1 }).lean().cursor({ batchSize: SCAN_BATCH })) {
      counter.addCase(c);
      if (!c.registeredWeek) withoutWeek.push({ _id: c._id, week: registrationWeek(c.createdAt) });
      const id = String(c._id);
      for (const at of contactAt.get(id) ?? []) counter.addContactEstablished(c.province, at);
      contactAt.delete(id);
    }
    // Contact established on a case that is gone since (withdrawn, erased): counted without a province.
    for (const dates of contactAt.values()) for (const at of dates) counter.addContactEstablished(undefined, at);
    for await (const s of models.petitionSignatures.find({ state: "active" }, { province: 1, signedAt: 1, _id: 0 }).lean().cursor({ batchSize: SCAN_BATCH })) {
      counter.addSignature(s.province, s.signedAt);
    }
    for await (const r of models.eventRsvps.find({}, { province: 1, answer: 1, _id: 0 }).lean().cursor({ batchSize: SCAN_BATCH })) {
      counter.addRsvp(r.province, r.answer);
    }
    // Cases stored before registrations kept their week get it here, before the tally that lets a
    // search read cases week by week (services/cases/caseSearch.ts) is written.
    for (let i = 0; i < withoutWeek.length; i += SCAN_BATCH) {
      const batch = withoutWeek.slice(i, i + SCAN_BATCH);
      await models.cases.bulkWrite(batch.map((c) => ({ updateOne: { filter: { _id: c._id }, update: { $set: { registeredWeek: c.week } } } })));
    }
    const tally = counter.result();
    await models.statisticsTallies
      .updateOne({ _id: TALLY_ID }, { $set: { computedAt: tally.computedAt, tally: JSON.stringify(tally) } }, { upsert: true })
      .exec();
    return tally;
  }

  async function storedTally(): Promise<StatisticsTally | null> {
    const stored = await models.statisticsTallies.findOne({ _id: TALLY_ID }).lean().exec();
    if (!stored) return null;
    const parsed = statisticsTallySchema.safeParse(JSON.parse(stored.tally));
    return parsed.success ? parsed.data : null;
  }

  return {
    refresh: count,

    async currentTally() {
      const stored = await storedTally();
      return stored && clock.now().getTime() - stored.computedAt.getTime() <= maxAgeMs ? stored : null;
    },

    async snapshot(acting, calendar = "gregorian") {
      // Roles as stored now: a volunteer removed a second ago sees nothing.
      const actor = await actorNow(acting.userId);
      if (!can(actor, "stats.view")) return { ok: false, error: "forbidden" };
      const all = can(actor, "province.all");
      const scope = all ? ("all" as const) : [...actor.provinces];
      const stored = await storedTally();
      const fresh = stored && clock.now().getTime() - stored.computedAt.getTime() <= maxAgeMs ? stored : await count();
      await audit.record(actor.userId, "stats.view", undefined, { scope: all ? "all" : scope.length });
      return { ok: true, value: snapshotOfTally(fresh, scope, calendar) };
    },
  };
}
