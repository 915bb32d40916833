// A family withdraws from a case: what belongs to the family goes; a case nobody follows goes whole.

import { ERASED_USER } from "../../domain/personalData.js";
import { eraseFromOutbox } from "../outboxErasure.js";
import { caseStatusJobId, type CaseStore } from "./caseStore.js";
import type { CaseService, CaseServiceDeps } from "./caseTypes.js";

export function createCaseWithdrawal(deps: CaseServiceDeps, store: CaseStore): Pick<CaseService, "withdraw"> {
  const { models, clock, audit, delivery } = deps;
  const { refOf, activeLink, answersOf, deleteCaseRecord, deleteCaseRecordIfUnused } = store;
  return {
    async withdraw(telegramId, caseId) {
      const userId = refOf(telegramId);
      const link = await activeLink(userId, caseId);
      if (!link) return { ok: false, error: "not_found" };
      const record = await models.cases.findById(link.caseId).lean().exec();
      if (!record) return { ok: false, error: "not_found" };
      const now = clock.now();
      const answers = await answersOf(link, record);
      // The family's link goes entirely: relation, contact details, consent.
      await models.caseLinks.deleteOne({ _id: link._id }).exec();
      const others = await models.caseLinks.countDocuments({ caseId: record._id, withdrawnAt: null }).exec();
      // This family's own answers kept on its merged record go with that record.
      if (!answers._id.equals(record._id)) await deleteCaseRecordIfUnused(answers._id);
      if (others === 0) {
        // Nobody follows the case any more: it goes, with its timeline, its notes and its news.
        await deleteCaseRecord(record._id);
      } else {
        if (answers._id.equals(record._id)) {
          // The case itself held this family's answers: another following family's own answers take their place.
          const heir = await models.caseLinks.findOne({ caseId: record._id, withdrawnAt: null, answersCaseId: { $nin: [null, record._id] } }).lean().exec();
          const heirAnswers = heir?.answersCaseId ? await models.cases.findById(heir.answersCaseId).lean().exec() : null;
          if (heir && heirAnswers) {
            await models.cases.updateOne({ _id: record._id }, { $set: { relative: heirAnswers.relative, nameTokens: heirAnswers.nameTokens, updatedAt: now } }).exec();
            await models.caseLinks.updateOne({ _id: heir._id }, { $set: { answersCaseId: null } }).exec();
            await deleteCaseRecordIfUnused(heirAnswers._id);
          }
        }
        // What the family did on the case stays in its timeline, no longer linked to them.
        await models.caseEvents.updateMany({ caseId: record._id, actorId: userId }, { $set: { actorId: ERASED_USER } }).exec();
        if (record.registeredBy === userId) await models.cases.updateOne({ _id: record._id }, { $set: { registeredBy: ERASED_USER } }).exec();
        await models.caseEvents.create({ caseId: record._id, at: now, actorId: ERASED_USER, actorRole: "family", type: "withdrawn" });
        // The case's news they received, or were about to receive.
        const events = await models.caseEvents.find({ caseId: record._id, type: "status" }, { _id: 1 }).lean().exec();
        await eraseFromOutbox(models, userId, events.map((e) => caseStatusJobId(e._id)));
        // A job already being sent holds its recipients (and a retry waiting for them) in the
        // worker's memory, where the lists rewritten above do not reach: it skips them by this note.
        await delivery.withdrawRecipient(events.map((e) => caseStatusJobId(e._id)), userId);
      }
      await audit.record(telegramId, "case.withdraw", record.reference);
      return { ok: true, value: { reference: record.reference } };
    },
  };
}
