import { Types } from "mongoose";
import type { JobSubject } from "../db/models/deliveryJob.js";
import type { Models } from "../db/models/index.js";
import type { CaseStatus, CloseReason } from "../domain/caseStatus.js";
import type { Notice } from "../domain/notices.js";
import type { FieldCipher } from "../security/fieldCipher.js";

/** Reads back what an outbox job is about, as a Notice to render; null once it is gone (erased). */
export type NoticeReader = (subject: JobSubject) => Promise<Notice | null>;

/**
 * The read side of news sent through the outbox: a job stores only its subject's ids, and the
 * delivery worker asks this (through the app's wiring, it does not import services) when it sends.
 */
export function createNoticeReader(deps: { models: Models; cipher: Pick<FieldCipher, "decryptOptional"> }): NoticeReader {
  const { models, cipher } = deps;
  const objectId = (id: string) => (Types.ObjectId.isValid(id) ? new Types.ObjectId(id) : null);

  return async (subject) => {
    switch (subject.kind) {
      case "case-status": {
        const eventId = objectId(subject.eventId);
        const event = eventId ? await models.caseEvents.findById(eventId).lean().exec() : null;
        if (!event || event.type !== "status" || !event.to) return null;
        const record = await models.cases.findById(event.caseId, { reference: 1, "relative.fullNameEnc": 1 }).lean().exec();
        if (!record) return null;
        const familyNote = cipher.decryptOptional(event.familyNoteEnc);
        return {
          kind: "case-status",
          reference: record.reference,
          fullName: cipher.decryptOptional(record.relative.fullNameEnc) ?? "",
          status: event.to as CaseStatus,
          ...(event.closeReason ? { closeReason: event.closeReason as CloseReason } : {}),
          ...(familyNote ? { familyNote } : {}),
        };
      }
      case "petition-milestone": {
        const petitionId = objectId(subject.petitionId);
        const petition = petitionId ? await models.petitions.findById(petitionId, { ref: 1, texts: 1, goal: 1 }).lean().exec() : null;
        if (!petition) return null;
        const titles = petition.texts.map((text) => ({ locale: text.locale, title: text.title }));
        return { kind: "petition-milestone", ref: petition.ref, titles, milestone: subject.milestone, goal: petition.goal };
      }
      case "event-invitation":
      case "event-reminder":
      case "event-change": {
        const eventId = objectId(subject.eventId);
        const event = eventId ? await models.events.findById(eventId, { texts: 1, startsAt: 1, link: 1, state: 1 }).lean().exec() : null;
        if (!event) return null;
        const texts = event.texts.map((t) => ({ locale: t.locale, title: t.title, description: t.description }));
        const { timeZone } = subject;
        if (subject.kind === "event-change") return { kind: "event-change", eventId: subject.eventId, change: subject.change, texts, startsAt: event.startsAt, timeZone };
        // An invitation or a reminder of an event that was cancelled meanwhile is not sent.
        if (event.state === "cancelled") return null;
        if (subject.kind === "event-invitation") return { kind: "event-invitation", eventId: subject.eventId, texts, startsAt: event.startsAt, timeZone };
        return { kind: "event-reminder", before: subject.before, texts, startsAt: event.startsAt, timeZone, link: event.link };
      }
      case "registration-unfinished":
      case "case-checkin":
        // The same words to every recipient: nothing to read back.
        return { kind: subject.kind };
      case "petition-last-call": {
        const petitionId = objectId(subject.petitionId);
        const petition = petitionId ? await models.petitions.findById(petitionId, { ref: 1, texts: 1, deadline: 1, status: 1 }).lean().exec() : null;
        // Too late once it closed (or its deadline went): nothing to sign any more.
        if (!petition || petition.status !== "open" || !petition.deadline) return null;
        const titles = petition.texts.map((text) => ({ locale: text.locale, title: text.title }));
        return { kind: "petition-last-call", ref: petition.ref, titles, deadline: petition.deadline };
      }
      case "petition-closed": {
        const petitionId = objectId(subject.petitionId);
        const petition = petitionId ? await models.petitions.findById(petitionId, { texts: 1 }).lean().exec() : null;
        if (!petition) return null;
        const titles = petition.texts.map((text) => ({ locale: text.locale, title: text.title }));
        const signatures = await models.petitionSignatures.countDocuments({ petitionId: petition._id, state: "active" }).exec();
        return { kind: "petition-closed", titles, signatures };
      }
    }
  };
}
