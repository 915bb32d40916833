// A petition's numbers for its organisers: total, withdrawals, by province, by day, milestones reached.

import { can } from "../../domain/roles.js";
import type { PetitionStore } from "./petitionRecords.js";
import type { PetitionService, PetitionServiceDeps } from "./petitionTypes.js";

export function createPetitionStatistics(deps: PetitionServiceDeps, store: PetitionStore): Pick<PetitionService, "stats"> {
  const { models, audit, actorNow } = deps;
  const { countActive, findByRef } = store;
  return {
    async stats(acting, ref) {
      const actor = await actorNow(acting.userId);
      if (!can(actor, "petition.manage")) return { ok: false, error: "forbidden" };
      const petition = await findByRef(ref);
      if (!petition) return { ok: false, error: "not_found" };
      const match = { $match: { petitionId: petition._id, state: "active" } };
      // One accumulator per $group: FerretDB computes only the first.
      const [total, withdrawals, byProvince, byDay, milestones] = await Promise.all([
        countActive(petition._id),
        models.petitionWithdrawals.countDocuments({ petitionId: petition._id }).exec(),
        models.petitionSignatures.aggregate<{ _id: string | null; count: number }>([match, { $group: { _id: "$province", count: { $sum: 1 } } }]).exec(),
        models.petitionSignatures.aggregate<{ _id: string; count: number }>([match, { $group: { _id: "$signedDay", count: { $sum: 1 } } }]).exec(),
        models.petitionMilestones.find({ petitionId: petition._id }, { milestone: 1 }).lean().exec(),
      ]);
      await audit.record(actor.userId, "petition.stats", ref);
      return {
        ok: true,
        value: {
          total,
          withdrawals,
          byProvince: byProvince
            .map((row) => ({ province: row._id ?? null, count: row.count }))
            .sort((a, b) => b.count - a.count || String(a.province).localeCompare(String(b.province))),
          byDay: byDay.map((row) => ({ day: row._id, count: row.count })).sort((a, b) => a.day.localeCompare(b.day)),
          milestonesReached: milestones.map((m) => m.milestone).sort((a, b) => a - b),
        },
      };
    },
  };
}
