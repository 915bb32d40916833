// Volunteers and coordinators work on a case: look it up, move its status (the family is told).

import { transition } from "../../domain/caseStatus.js";
import type { Types } from "mongoose";
import { can, caseActorOf, coversProvince, type ActingUser } from "../../domain/roles.js";
import type { createDuplicateFinder } from "./caseDuplicates.js";
import type { createCaseStatusNews } from "./caseStatusNews.js";
import { objectId, type CaseStore } from "./caseStore.js";
import type { CaseResult, CaseService, CaseServiceDeps, StaffCaseView } from "./caseTypes.js";

export function createStaffCaseWork(
  deps: CaseServiceDeps,
  store: CaseStore,
  duplicates: ReturnType<typeof createDuplicateFinder>,
  news: ReturnType<typeof createCaseStatusNews>,
): Pick<CaseService, "findForStaff" | "findForStaffById" | "changeStatus" | "referenceForStatusMove"> {
  const { models, clock, cipher, audit, actorNow } = deps;

  /** One case for staff, found by reference (/case, /find) or by id (the desk): the same checks, the same audit. */
  async function staffView(acting: ActingUser, lookup: { reference: string } | { _id: Types.ObjectId }): Promise<CaseResult<StaffCaseView>> {
    const actor = await actorNow(acting.userId);
    if (!can(actor, "case.view")) return { ok: false, error: "forbidden" };
    const record = await models.cases.findOne(lookup).lean().exec();
    if (!record) return { ok: false, error: "not_found" };
    if (!coversProvince(actor, record.province)) return { ok: false, error: "forbidden" };
    const links = await models.caseLinks.find({ caseId: record._id, withdrawnAt: null }).sort({ createdAt: 1, _id: 1 }).lean().exec();
    const familyCount = links.length;
    // Contact details are for coordinators; a volunteer learns only how many families follow.
    const families = can(actor, "province.all")
      ? links.map((link) => {
          const phone = link.contactPreference === "phone" ? cipher.decryptOptional(link.phoneEnc) : undefined;
          return {
            relation: link.relation,
            province: link.familyProvince,
            city: cipher.decryptOptional(link.familyCityEnc),
            reach: phone ? { kind: "phone" as const, phone } : { kind: "telegram" as const },
          };
        })
      : undefined;
    await audit.record(actor.userId, "case.view", record.reference, { families: familyCount, contacts: families ? families.length : 0 });
    return {
      ok: true,
      value: {
        caseId: record._id.toHexString(),
        reference: record.reference,
        status: record.status,
        closeReason: record.closeReason ?? undefined,
        province: record.province,
        fullName: cipher.decryptOptional(record.relative.fullNameEnc) ?? "",
        otherNames: cipher.decryptOptional(record.relative.otherNamesEnc),
        sex: record.relative.sex,
        birthYear: record.relative.birthYear,
        leftYear: record.relative.leftYear,
        location: record.relative.location,
        familyCount,
        families,
        possibleDuplicates: await duplicates.duplicatesVisibleTo(actor, record.possibleDuplicates),
        duplicateReview: record.duplicateReview,
        timeline: await store.timelineOf(record._id, true),
      },
    };
  }

  return {
    findForStaff: (acting, reference) => staffView(acting, { reference }),

    async findForStaffById(acting, caseId) {
      const id = objectId(caseId);
      // A forged id finds nothing, like an unknown one; the role is still checked first.
      if (!id) {
        const actor = await actorNow(acting.userId);
        return { ok: false, error: can(actor, "case.view") ? "not_found" : "forbidden" };
      }
      return staffView(acting, { _id: id });
    },

    async changeStatus(acting, caseId, change) {
      const actor = await actorNow(acting.userId);
      // A role revoked while the status conversation was open ends here.
      if (!can(actor, "case.status")) return { ok: false, error: "not_allowed" };
      const id = objectId(caseId);
      const record = id ? await models.cases.findById(id).lean().exec() : null;
      if (!record) return { ok: false, error: "not_found" };
      if (!coversProvince(actor, record.province)) return { ok: false, error: "forbidden" };
      const result = transition(record.status, { to: change.to, actor: caseActorOf(actor), reason: change.reason });
      if (!result.ok) return { ok: false, error: result.error };
      const now = clock.now();
      // Compare-and-set on the status: two volunteers pressing at once cannot both move it.
      const updated = await models.cases
        .updateOne({ _id: record._id, status: record.status }, { $set: { status: result.status, closeReason: result.closeReason ?? null, updatedAt: now } })
        .exec();
      if (updated.modifiedCount === 0) return { ok: false, error: "conflict" };
      const event = await models.caseEvents.create({
        caseId: record._id,
        at: now,
        actorId: store.refOf(actor.userId),
        actorRole: caseActorOf(actor),
        type: "status",
        from: record.status,
        to: result.status,
        closeReason: result.closeReason,
        familyNoteEnc: cipher.encryptOptional(change.familyNote),
        internalNoteEnc: cipher.encryptOptional(change.internalNote),
      });
      await audit.record(actor.userId, "case.status", record.reference, { from: record.status, to: result.status });

      const notified = await news.notifyFamilies(event.toObject());
      return { ok: true, value: { eventId: event._id.toHexString(), status: result.status, notified } };
    },

    async referenceForStatusMove(acting, caseId) {
      const actor = await actorNow(acting.userId);
      if (!can(actor, "case.status")) return { ok: false, error: "forbidden" };
      const id = objectId(caseId);
      const record = id ? await models.cases.findById(id, { reference: 1, province: 1 }).lean().exec() : null;
      if (!record) return { ok: false, error: "not_found" };
      if (!coversProvince(actor, record.province)) return { ok: false, error: "forbidden" };
      return { ok: true, value: record.reference };
    },
  };
}
