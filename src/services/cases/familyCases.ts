// What a family sees of the cases it follows, and its edits (its own answers only).

import { draftFromRecords, linkFields, nameTokensOf, relativeFields } from "./caseRecordMapping.js";
import type { CaseStore } from "./caseStore.js";
import type { CaseService, CaseServiceDeps } from "./caseTypes.js";

/** `$unset` for optional fields that are now absent, so an edit can clear an answer. */
function unsetMissing(fields: Record<string, unknown>): Record<string, 1> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v === undefined).map(([k]) => [k, 1 as const]));
}

export function createFamilyCases(deps: CaseServiceDeps, store: CaseStore): Pick<CaseService, "listForFamily" | "getForFamily" | "updateForFamily"> {
  const { models, clock, cipher } = deps;
  const { refOf, activeLink, answersOf, timelineOf } = store;
  return {
    async listForFamily(telegramId) {
      const userId = refOf(telegramId);
      const links = await models.caseLinks.find({ userId, withdrawnAt: null }).sort({ createdAt: 1 }).lean().exec();
      if (links.length === 0) return [];
      const ids = links.flatMap((l) => (l.answersCaseId ? [l.caseId, l.answersCaseId] : [l.caseId]));
      const cases = await models.cases.find({ _id: { $in: ids } }).lean().exec();
      const byId = new Map(cases.map((c) => [c._id.toHexString(), c]));
      return links.flatMap((link) => {
        const c = byId.get(link.caseId.toHexString());
        if (!c) return [];
        const answers = (link.answersCaseId && byId.get(link.answersCaseId.toHexString())) || c;
        return [{ caseId: c._id.toHexString(), reference: c.reference, fullName: cipher.decryptOptional(answers.relative.fullNameEnc) ?? "", status: c.status, closeReason: c.closeReason ?? undefined }];
      });
    },

    async getForFamily(telegramId, caseId) {
      const userId = refOf(telegramId);
      const link = await activeLink(userId, caseId);
      if (!link) return null;
      const record = await models.cases.findById(link.caseId).lean().exec();
      if (!record) return null;
      const draft = draftFromRecords(await answersOf(link, record), link, cipher);
      return {
        caseId,
        reference: record.reference,
        fullName: draft.fullName ?? "",
        status: record.status,
        closeReason: record.closeReason ?? undefined,
        draft,
        timeline: await timelineOf(record._id, false),
      };
    },

    async updateForFamily(telegramId, caseId, draft) {
      const userId = refOf(telegramId);
      const link = await activeLink(userId, caseId);
      if (!link) return { ok: false, error: "not_found" };
      const record = await models.cases.findById(link.caseId).lean().exec();
      if (!record) return { ok: false, error: "not_found" };
      if (record.status === "closed") return { ok: false, error: "closed" };
      const now = clock.now();
      const tokens = nameTokensOf(draft.fullName, draft.otherNames, cipher);
      // A family's edit changes its own answers only: after a merge, its original (now merged) record.
      const answers = await answersOf(link, record);
      const ownsFollowedCase = answers._id.equals(record._id);
      await models.cases
        .updateOne(
          { _id: answers._id },
          {
            $set: {
              relative: relativeFields(draft, cipher),
              nameTokens: tokens,
              updatedAt: now,
              ...(ownsFollowedCase && record.registeredBy === userId ? { province: draft.familyProvince } : {}),
            },
          },
        )
        .exec();
      const fields = linkFields(draft, cipher);
      const present = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      const absent = unsetMissing(fields);
      await models.caseLinks.updateOne({ _id: link._id }, Object.keys(absent).length > 0 ? { $set: present, $unset: absent } : { $set: present }).exec();
      await models.caseEvents.create({ caseId: record._id, at: now, actorId: userId, actorRole: "family", type: "edited" });
      return { ok: true, value: null };
    },
  };
}
