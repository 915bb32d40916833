// Families hear of a case's status changes: one outbox job per status event, and its repair.

import type { CaseEventRecord } from "../../db/models/caseEvent.js";
import type { CaseStatus, CloseReason } from "../../domain/caseStatus.js";
import { caseStatusJobId } from "./caseStore.js";
import type { CaseService, CaseServiceDeps, StatusNotificationRenderer } from "./caseTypes.js";

export function createCaseStatusNews(deps: CaseServiceDeps) {
  const { models, clock, cipher, delivery, defaultLocale } = deps;

  /**
   * Tells every family following the case, each in its language. One outbox job per event: its
   * unique (job, recipient) makes it exactly once per family, even when retried.
   */
  async function notifyFamilies(event: CaseEventRecord, render: StatusNotificationRenderer): Promise<number> {
    const record = await models.cases.findById(event.caseId).lean().exec();
    if (!record || !event.to) return 0;
    const links = await models.caseLinks.find({ caseId: record._id, withdrawnAt: null }).lean().exec();
    const fullName = cipher.decryptOptional(record.relative.fullNameEnc) ?? "";
    const familyNote = cipher.decryptOptional(event.familyNoteEnc);
    const locales = new Set([defaultLocale, ...links.map((l) => l.locale)]);
    const change = { reference: record.reference, fullName, status: event.to as CaseStatus, closeReason: event.closeReason as CloseReason | undefined, familyNote };
    const contentByLocale = Object.fromEntries([...locales].map((locale) => [locale, render(locale, change)]));
    await delivery.enqueue(
      { jobId: caseStatusJobId(event._id), kind: "case-status", createdBy: event.actorId, contentByLocale, defaultLocale },
      links.map((l) => ({ userId: l.userId, locale: l.locale })),
    );
    await models.caseEvents.updateOne({ _id: event._id }, { $set: { notifiedAt: clock.now() } }).exec();
    return links.length;
  }

  const retry: Pick<CaseService, "retryPendingNotifications"> = {
    async retryPendingNotifications(render, olderThan) {
      const pending = await models.caseEvents.find({ type: "status", notifiedAt: null, at: { $lt: olderThan } }).limit(100).lean().exec();
      for (const event of pending) await notifyFamilies(event, render);
      return pending.length;
    },
  };
  return { notifyFamilies, ...retry };
}
