import type { Types } from "mongoose";
import type { Clock } from "../clock.js";
import { readAuditEntry } from "../domain/auditActions.js";
import type { ConversationStore } from "../db/conversationStorage.js";
import { CONVERSATIONS_COLLECTION, type Models } from "../db/models/index.js";
import type { PetitionRecord } from "../db/models/petition.js";
import { ERASED_USER, type PersonalAppeal, type PersonalData } from "../domain/personalData.js";
import { ENCRYPTED_VALUE_PATTERN, type FieldCipher, type UserRef } from "../security/fieldCipher.js";
import { rewriteStrings } from "../security/storedValues.js";
import type { AuditTrail } from "./audit.js";
import type { CaseService } from "./cases/caseService.js";
import { eraseFromOutbox } from "./outboxErasure.js";
import type { UserService } from "./users.js";

/** What /deletemydata removed, as counts (for the log; nothing personal). */
export interface ErasureSummary {
  cases: number;
  signatures: number;
  appeals: number;
}

/**
 * A person's own data: everything stored about them, gathered for /mydata, and erased everywhere
 * for /deletemydata. Both are recorded in the audit trail as an action only.
 */
export interface MyDataService {
  gather(userId: number, locale: string): Promise<PersonalData>;
  erase(userId: number): Promise<ErasureSummary>;
}

export interface MyDataServiceDeps {
  models: Models;
  clock: Clock;
  cipher: FieldCipher;
  audit: AuditTrail;
  cases: Pick<CaseService, "getForFamily" | "withdraw">;
  users: Pick<UserService, "forgetCached">;
  /** The chats' conversation state, erased through its store (which may remember it: db/conversationStorage.ts). */
  conversations: Pick<ConversationStore<unknown>, "delete">;
  adminIds: readonly number[];
}

/** How many delivered messages and audit entries the file lists one by one (the count is always complete). */
const LIST_LIMIT = 1000;

/** The key the conversation storage files a chat's state under (bot/features/idleConversations). */
const conversationKeys = (ref: UserRef, telegramId: number) => [`conv:${ref}`, `conv:${telegramId}`];

export function createMyDataService(deps: MyDataServiceDeps): MyDataService {
  const { models, clock, cipher, audit, cases, users } = deps;
  const conversations = () => {
    const db = models.users.db.db;
    if (!db) throw new Error("database handle missing");
    return db.collection<{ key: string; state?: string }>(CONVERSATIONS_COLLECTION);
  };
  /** Values written before a field was encrypted are read as they are. */
  const open = (stored: string | null | undefined): string | null => {
    if (!stored) return null;
    return ENCRYPTED_VALUE_PATTERN.test(stored) ? cipher.decrypt(stored) : stored;
  };
  const titleIn = (petition: PetitionRecord | undefined, locale: string): string => {
    if (!petition) return "";
    const text = petition.texts.find((t) => t.locale === locale) ?? petition.texts.find((t) => t.locale === "en") ?? petition.texts[0];
    return text?.title ?? petition.ref;
  };
  const appealOf = (appeal: { kind: PersonalAppeal["kind"]; text?: string | null; durationSeconds?: number | null; createdAt: Date }): PersonalAppeal => ({
    kind: appeal.kind,
    text: open(appeal.text),
    durationSeconds: appeal.durationSeconds ?? null,
    createdAt: appeal.createdAt,
  });

  return {
    async gather(telegramId, locale) {
      const ref = cipher.userRef(telegramId);
      const user = await models.users.findById(ref).lean().exec();

      const links = await models.caseLinks.find({ userId: ref, withdrawnAt: null }).sort({ createdAt: 1 }).lean().exec();
      const followed: PersonalData["cases"] = [];
      for (const link of links) {
        // The family's view: its own answers only (also after a merge) and the family-visible timeline.
        const view = await cases.getForFamily(telegramId, link.caseId.toHexString());
        if (!view) continue;
        followed.push({
          reference: view.reference,
          status: view.status,
          closeReason: view.closeReason ?? null,
          followingSince: link.createdAt,
          consentAt: link.consentAt,
          answers: view.draft,
          timeline: view.timeline.map((e) => ({ at: e.at, type: e.type, to: e.to ?? null, closeReason: e.closeReason ?? null, familyNote: e.familyNote ?? null })),
        });
      }

      const [signatures, appeals, withdrawals] = await Promise.all([
        models.petitionSignatures.find({ userId: ref }).sort({ signedAt: 1, _id: 1 }).lean().exec(),
        models.appeals.find({ userId: ref }).sort({ createdAt: 1, _id: 1 }).lean().exec(),
        models.petitionWithdrawals.find({ userId: ref }).sort({ withdrawnAt: 1 }).lean().exec(),
      ]);
      const petitionIds = [...signatures.map((s) => s.petitionId), ...withdrawals.map((w) => w.petitionId)];
      const petitions = await models.petitions.find({ _id: { $in: petitionIds } }).lean<PetitionRecord[]>().exec();
      const petitionById = new Map(petitions.map((p) => [p._id.toHexString(), p]));
      const petitionOf = (id: Types.ObjectId) => petitionById.get(id.toHexString());

      const rsvps = await models.eventRsvps.find({ userId: ref }).sort({ answeredAt: 1 }).lean().exec();
      const events = await models.events.find({ _id: { $in: rsvps.map((r) => r.eventId) } }, { texts: 1, startsAt: 1 }).lean().exec();
      const eventById = new Map(events.map((e) => [e._id.toHexString(), e]));
      const outcomes = await models.deliveries.find({ userId: ref }).sort({ at: 1 }).lean().exec();
      const jobs = await models.deliveryJobs.find({ _id: { $in: [...new Set(outcomes.map((o) => o.jobId))] } }, { kind: 1 }).lean().exec();
      const kindOf = new Map(jobs.map((j) => [j._id, j.kind as string]));
      const conversation = await conversations().findOne({ key: { $in: conversationKeys(ref, telegramId) } });
      const invites = await models.invites.find({ createdBy: ref }).sort({ createdAt: 1 }).lean().exec();
      const auditEntries = await models.auditEvents.find({ actorId: ref }).sort({ at: 1 }).limit(LIST_LIMIT).lean().exec();

      const data: PersonalData = {
        generatedAt: clock.now(),
        profile: {
          locale: user?.locale ?? null,
          roles: (user?.roles ?? []).map((grant) => ({ role: grant.role, provinces: [...grant.provinces], since: grant.grantedAt })),
          adminByConfiguration: deps.adminIds.includes(telegramId),
          firstSeenAt: user?.firstSeenAt ?? null,
          lastSeenAt: user?.lastSeenAt ?? null,
          unreachableSince: user?.unreachableSince ?? null,
          timeZone: user?.timeZone ?? null,
          reminderOptOuts: [...(user?.reminderOptOuts ?? [])],
        },
        cases: followed,
        signatures: signatures.map((signature) => ({
          petitionRef: petitionOf(signature.petitionId)?.ref ?? "",
          petitionTitle: titleIn(petitionOf(signature.petitionId), locale),
          state: signature.state,
          signedAt: signature.signedAt,
          withdrawnAt: signature.withdrawnAt ?? null,
          nameDisplay: signature.nameDisplay,
          name: open(signature.name),
          province: signature.province ?? null,
          country: open(signature.country),
          relation: signature.relation ?? null,
          news: signature.notify,
          language: signature.locale,
          appeals: appeals.filter((a) => a.petitionId?.equals(signature.petitionId)).map(appealOf),
        })),
        signatureWithdrawals: withdrawals.map((w) => ({
          petitionRef: petitionOf(w.petitionId)?.ref ?? "",
          petitionTitle: titleIn(petitionOf(w.petitionId), locale),
          signedAt: w.signedAt,
          withdrawnAt: w.withdrawnAt,
        })),
        eventAnswers: rsvps.flatMap((r) => {
          const event = eventById.get(r.eventId.toHexString());
          if (!event) return [];
          const text = event.texts.find((t) => t.locale === locale) ?? event.texts.find((t) => t.locale === "fa") ?? event.texts[0];
          return [{ title: text?.title ?? "", startsAt: event.startsAt, answer: r.answer, answeredAt: r.answeredAt }];
        }),
        letters: appeals.filter((a) => a.petitionId === null).map((a) => ({ ...appealOf(a), to: open(a.recipientName), from: open(a.senderName) })),
        messages: {
          total: outcomes.length,
          items: outcomes.slice(-LIST_LIMIT).map((o) => ({ at: o.sentAt ?? o.at, kind: kindOf.get(o.jobId) ?? o.jobId.split(":")[0] ?? "", state: o.state })),
        },
        invites: invites.map((i) => ({ role: i.role, provinces: [...i.provinces], createdAt: i.createdAt, expiresAt: i.expiresAt, used: i.usedBy != null })),
        unfinishedConversation: Boolean(conversation?.state),
        auditTrail: auditEntries.map((e) => ({ at: e.at, action: e.action, details: detailsShown(e.action, e.details) })),
      };
      await audit.record(telegramId, "mydata.export");
      return data;
    },

    async erase(telegramId) {
      const ref = cipher.userRef(telegramId);
      const summary: ErasureSummary = { cases: 0, signatures: 0, appeals: 0 };

      // Cases: a withdrawal each (the link, a case only they follow with its timeline and news, their own answers after a merge).
      for (const link of await models.caseLinks.find({ userId: ref }).lean().exec()) {
        if (link.withdrawnAt == null) await cases.withdraw(telegramId, link.caseId.toHexString());
        await models.caseLinks.deleteOne({ _id: link._id }).exec();
        summary.cases += 1;
      }

      // Signatures on any petition (open counts are computed from them; a delivered petition keeps its frozen total), appeals and letters.
      summary.signatures = (await models.petitionSignatures.deleteMany({ userId: ref }).exec()).deletedCount;
      await models.petitionWithdrawals.deleteMany({ userId: ref }).exec();
      summary.appeals = (await models.appeals.deleteMany({ userId: ref }).exec()).deletedCount;
      // Their answers to events (the organisers' counts lose them); events they organised stay, by nobody in particular.
      await models.eventRsvps.deleteMany({ userId: ref }).exec();
      await models.events.updateMany({ createdBy: ref }, { $set: { createdBy: ERASED_USER } }).exec();
      // Reminders waiting for them (an event, an unfinished registration, a check-in); a due bucket
      // naming one finds no reminder and skips it.
      await models.reminders.deleteMany({ userId: ref }).exec();
      // Their last /find filter (it may hold a name they searched for).
      await models.caseSearches.deleteMany({ userId: ref }).exec();

      // Every message of the outbox to them: outcomes, retries, their place in recipient lists.
      await eraseFromOutbox(models, ref);
      for (const key of conversationKeys(ref, telegramId)) await deps.conversations.delete(key);

      // Invites they issued and nobody used are void; those used, and roles they granted, stay without them.
      await models.invites.deleteMany({ createdBy: ref, usedBy: null }).exec();
      await models.invites.updateMany({ createdBy: ref }, { $set: { createdBy: ERASED_USER } }).exec();
      await models.invites.updateMany({ usedBy: ref }, { $set: { usedBy: ERASED_USER } }).exec();
      for (const member of await models.users.find({ "roles.grantedBy": ref }, { roles: 1 }).lean().exec()) {
        const roles = member.roles.map((grant) => (grant.grantedBy === ref ? { ...grant, grantedBy: ERASED_USER } : grant));
        await models.users.updateOne({ _id: member._id }, { $set: { roles } }).exec();
      }
      // The user row, roles included (an admin by configuration stays one).
      await models.users.deleteOne({ _id: ref }).exec();

      // What they did as staff stays, done by nobody in particular.
      await models.caseEvents.updateMany({ actorId: ref }, { $set: { actorId: ERASED_USER } }).exec();
      await models.cases.updateMany({ registeredBy: ref }, { $set: { registeredBy: ERASED_USER } }).exec();
      await models.petitions.updateMany({ createdBy: ref }, { $set: { createdBy: ERASED_USER } }).exec();
      await models.petitionVersions.updateMany({ createdBy: ref }, { $set: { createdBy: ERASED_USER } }).exec();
      await models.locations.updateMany({ createdBy: ref }, { $set: { createdBy: ERASED_USER } }).exec();

      // The audit trail keeps the actions and their times, not who: their reference becomes "erased".
      const entries = await models.auditEvents.find({ $or: [{ actorId: ref }, { subjectId: ref }, { "details.grantedBy": ref }] }).lean().exec();
      for (const entry of entries) {
        const anonymous = rewriteStrings({ actorId: entry.actorId, subjectId: entry.subjectId, details: entry.details }, (text) => (text === ref ? ERASED_USER : text));
        await models.auditEvents.updateOne({ _id: entry._id }, { $set: anonymous }).exec();
      }
      await models.auditEvents.create({ at: clock.now(), actorId: ERASED_USER, action: "mydata.erase" });

      users.forgetCached(telegramId);
      return summary;
    },
  };
}

/** The whitelisted details of an audit entry (counts and kinds), as /audit shows them. */
function detailsShown(action: string, stored: Record<string, unknown> | undefined): Record<string, unknown> {
  const view = readAuditEntry(action, stored);
  return view.action === "unknown" ? {} : { ...view.details };
}
