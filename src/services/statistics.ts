import type { Clock } from "../clock.js";
import { CASE_STATUSES, type CaseStatus } from "../domain/caseStatus.js";
import { RSVP_ANSWERS, type RsvpAnswer } from "../domain/events.js";
import { can, type ActingUser, type ActorLookup } from "../domain/roles.js";
import {
  STALE_AFTER_DAYS,
  STATS_DAYS,
  STATS_MONTHS,
  dayKey,
  daysWindowStart,
  fillDays,
  fillMonths,
  largestFirst,
  monthKey,
  monthsWindowStart,
  type StatisticsSnapshot,
} from "../domain/statistics.js";
import type { Models } from "../db/models/index.js";
import type { AuditTrail } from "./audit.js";

export interface StatisticsService {
  /** The counts /stats shows: all provinces for coordinators, their own for volunteers; families are refused. */
  snapshot(acting: ActingUser): Promise<{ ok: true; value: StatisticsSnapshot } | { ok: false; error: "forbidden" }>;
}

const DAY_MS = 86_400_000;

/**
 * Counts only, never a person. FerretDB computes only the first accumulator of a `$group`, so
 * every `$group` here has exactly one, and it has no date operators in `$group`: month and day
 * buckets are counted from a projection of one date field within the window.
 */
export function createStatisticsService(deps: { models: Models; clock: Clock; audit: AuditTrail; actorNow: ActorLookup }): StatisticsService {
  const { models, clock, audit, actorNow } = deps;

  async function countBy(model: { aggregate: Models["cases"]["aggregate"] }, match: Record<string, unknown>, field: string): Promise<Map<string, number>> {
    const rows = await model.aggregate<{ _id: string | null; n: number }>([{ $match: match }, { $group: { _id: `$${field}`, n: { $sum: 1 } } }]);
    const out = new Map<string, number>();
    for (const row of rows) if (row._id !== null && row._id !== undefined) out.set(String(row._id), row.n);
    return out;
  }

  return {
    async snapshot(acting) {
      // Roles as stored now: a volunteer removed a second ago sees nothing.
      const actor = await actorNow(acting.userId);
      if (!can(actor, "stats.view")) return { ok: false, error: "forbidden" };
      const all = can(actor, "province.all");
      const provinces = [...actor.provinces];
      const inScope: Record<string, unknown> = all ? {} : { province: { $in: provinces } };
      const now = clock.now();

      // One $group over (province, status) gives both breakdowns.
      const byProvince = new Map<string, number>();
      const byStatusMap = new Map<string, number>();
      const pairs = await models.cases.aggregate<{ _id: { province: string; status: string }; n: number }>([
        { $match: inScope },
        { $group: { _id: { province: "$province", status: "$status" }, n: { $sum: 1 } } },
      ]);
      for (const { _id, n } of pairs) {
        byProvince.set(_id.province, (byProvince.get(_id.province) ?? 0) + n);
        byStatusMap.set(_id.status, (byStatusMap.get(_id.status) ?? 0) + n);
      }
      const casesByStatus = Object.fromEntries(CASE_STATUSES.map((s) => [s, byStatusMap.get(s) ?? 0])) as Record<CaseStatus, number>;
      const totalCases = [...byProvince.values()].reduce((a, b) => a + b, 0);

      const monthsStart = monthsWindowStart(now, STATS_MONTHS);
      const registered = new Map<string, number>();
      for await (const c of models.cases.find({ ...inScope, createdAt: { $gte: monthsStart } }, { createdAt: 1, _id: 0 }).lean()) {
        const key = monthKey(c.createdAt);
        registered.set(key, (registered.get(key) ?? 0) + 1);
      }

      // Case ids in scope matter only for volunteers (coordinators count every case).
      const scopedIds = all ? null : new Set((await models.cases.find(inScope, { _id: 1 }).lean()).map((c) => String(c._id)));
      const contact = new Map<string, number>();
      for await (const e of models.caseEvents.find({ type: "status", to: "contact_established", at: { $gte: monthsStart } }, { caseId: 1, at: 1, _id: 0 }).lean()) {
        if (scopedIds && !scopedIds.has(String(e.caseId))) continue;
        const key = monthKey(e.at);
        contact.set(key, (contact.get(key) ?? 0) + 1);
      }

      // A case's updatedAt moves with every case event (registration, status, edit, withdrawal),
      // so "no case event for 30 days" is one count, not a join of cases and their timelines.
      const staleBefore = new Date(now.getTime() - STALE_AFTER_DAYS * DAY_MS);
      const staleCases = await models.cases.countDocuments({ ...inScope, status: { $ne: "closed" }, updatedAt: { $lt: staleBefore } });

      const signatureScope: Record<string, unknown> = { state: "active", ...(all ? {} : { province: { $in: provinces } }) };
      const daysStart = daysWindowStart(now, STATS_DAYS);
      const perDay = new Map<string, number>();
      for await (const s of models.petitionSignatures.find({ ...signatureScope, signedAt: { $gte: daysStart } }, { signedAt: 1, _id: 0 }).lean()) {
        const key = dayKey(s.signedAt);
        perDay.set(key, (perDay.get(key) ?? 0) + 1);
      }
      const signaturesByProvinceMap = await countBy(models.petitionSignatures as never, signatureScope, "province");
      const totalSignatures = await models.petitionSignatures.countDocuments(signatureScope);

      const rsvpMap = await countBy(models.eventRsvps as never, all ? {} : { province: { $in: provinces } }, "answer");
      const rsvps = Object.fromEntries(RSVP_ANSWERS.map((a) => [a, rsvpMap.get(a) ?? 0])) as Record<RsvpAnswer, number>;

      await audit.record(actor.userId, "stats.view", undefined, { scope: all ? "all" : provinces.length });
      return {
        ok: true,
        value: {
          scope: all ? "all" : provinces,
          totalCases,
          casesByProvince: largestFirst(byProvince),
          casesByStatus,
          registrationsByMonth: fillMonths(now, STATS_MONTHS, registered),
          contactByMonth: fillMonths(now, STATS_MONTHS, contact),
          staleCases,
          signaturesByDay: fillDays(now, STATS_DAYS, perDay),
          signaturesByProvince: largestFirst(signaturesByProvinceMap),
          totalSignatures,
          rsvps,
        },
      };
    },
  };
}
