// Families hear of a case's status changes: one outbox job per status event, and its repair.

import type { CaseEventRecord } from "../../db/models/caseEvent.js";
import { caseStatusJobId } from "./caseStore.js";
import type { CaseService, CaseServiceDeps } from "./caseTypes.js";

export function createCaseStatusNews(deps: CaseServiceDeps) {
  const { models, clock, delivery, defaultLocale } = deps;

  /**
   * Tells every family following the case, each in its language. One outbox job per event: its
   * unique (job, recipient) makes it exactly once per family, even when retried. The job refers to
   * the event; the worker renders the news when it sends (services/noticeReader.ts), so the
   * outbox holds neither the relative's name nor the note.
   */
  async function notifyFamilies(event: CaseEventRecord): Promise<number> {
    const record = await models.cases.findById(event.caseId, { _id: 1 }).lean().exec();
    if (!record || !event.to) return 0;
    const links = await models.caseLinks.find({ caseId: record._id, withdrawnAt: null }, { userId: 1, locale: 1 }).lean().exec();
    await delivery.enqueue(
      { jobId: caseStatusJobId(event._id), kind: "case-status", createdBy: event.actorId, subject: { kind: "case-status", eventId: event._id.toHexString() }, defaultLocale },
      links.map((l) => ({ userId: l.userId, locale: l.locale })),
    );
    await models.caseEvents.updateOne({ _id: event._id }, { $set: { notifiedAt: clock.now() } }).exec();
    return links.length;
  }

  const retry: Pick<CaseService, "retryPendingNotifications"> = {
    async retryPendingNotifications(olderThan) {
      const pending = await models.caseEvents.find({ type: "status", notifiedAt: null, at: { $lt: olderThan } }).limit(100).lean().exec();
      for (const event of pending) await notifyFamilies(event);
      return pending.length;
    },
  };
  return { notifyFamilies, ...retry };
}
