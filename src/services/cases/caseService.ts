import { Types } from "mongoose";
import { cryptoRandomInt, type Clock, type RandomInt } from "../../clock.js";
import type { CaseRecord } from "../../db/models/case.js";
import type { CaseEventRecord } from "../../db/models/caseEvent.js";
import type { Models } from "../../db/models/index.js";
import type { OutgoingContent, DeliveryService } from "../../delivery/types.js";
import { generateCaseReference } from "../../domain/caseReference.js";
import { transition, type CaseStatus, type CloseReason } from "../../domain/caseStatus.js";
import { scoreCaseMatch } from "../../domain/personName.js";
import type { CompleteRegistration, RegistrationDraft } from "../../domain/registration/draft.js";
import { can, caseActorOf, coversProvince, seesEveryProvince, type ActingUser, type Actor, type ActorLookup } from "../../domain/roles.js";
import type { FieldCipher, UserRef } from "../../security/fieldCipher.js";
import type { AuditTrail } from "../audit.js";
import { ERASED_USER } from "../../domain/personalData.js";
import { deleteOutboxJobs, eraseFromOutbox } from "../outboxErasure.js";
import { draftFromRecords, linkFields, nameTokensOf, relativeFields } from "./caseRecordMapping.js";

export type CaseError = "not_found" | "forbidden" | "not_allowed" | "same_status" | "reason_required" | "reason_not_allowed" | "conflict" | "closed";
export type CaseResult<T> = { ok: true; value: T } | { ok: false; error: CaseError };

export interface FamilyCaseSummary {
  caseId: string;
  reference: string;
  fullName: string;
  status: CaseStatus;
  closeReason?: CloseReason;
}

export interface TimelineEntry {
  at: Date;
  type: "registered" | "status" | "edited" | "withdrawn";
  to?: CaseStatus;
  closeReason?: CloseReason;
  familyNote?: string;
  /** Staff only. */
  internalNote?: string;
}

export interface FamilyCaseView extends FamilyCaseSummary {
  draft: RegistrationDraft;
  timeline: TimelineEntry[];
}

export interface StaffCaseView {
  caseId: string;
  reference: string;
  status: CaseStatus;
  closeReason?: CloseReason;
  province: string;
  fullName: string;
  otherNames?: string;
  sex?: string;
  birthYear?: number;
  leftYear?: number;
  location?: string;
  familyCount: number;
  possibleDuplicates: { caseId: string; reference: string; score: number }[];
  duplicateReview: CaseRecord["duplicateReview"];
  timeline: TimelineEntry[];
}

export interface StatusChange {
  to: CaseStatus;
  reason?: CloseReason;
  familyNote?: string;
  internalNote?: string;
}

/** Renders the notification a family receives, in their locale (the bot layer formats messages). */
export type StatusNotificationRenderer = (locale: string, change: { reference: string; fullName: string; status: CaseStatus; closeReason?: CloseReason; familyNote?: string }) => OutgoingContent;

export interface CaseService {
  register(input: { userId: number; locale: string; draft: CompleteRegistration; consentAt: Date }): Promise<{ caseId: string; reference: string; possibleDuplicate: boolean }>;
  listForFamily(userId: number): Promise<FamilyCaseSummary[]>;
  getForFamily(userId: number, caseId: string): Promise<FamilyCaseView | null>;
  updateForFamily(userId: number, caseId: string, draft: CompleteRegistration): Promise<CaseResult<null>>;
  withdraw(userId: number, caseId: string): Promise<CaseResult<{ reference: string }>>;
  /** Staff methods re-read the acting user's roles and provinces at the moment they act. */
  findForStaff(actor: ActingUser, reference: string): Promise<CaseResult<StaffCaseView>>;
  changeStatus(actor: ActingUser, caseId: string, change: StatusChange, render: StatusNotificationRenderer): Promise<CaseResult<{ eventId: string; status: CaseStatus; notified: number }>>;
  confirmDuplicate(actor: ActingUser, caseId: string, duplicateOfCaseId: string): Promise<CaseResult<{ movedFamilies: number }>>;
  /** A coordinator decided the flagged cases are different people. */
  rejectDuplicates(actor: ActingUser, caseId: string): Promise<CaseResult<null>>;
  /** The reference of a case the acting user may move (a button's case id may be forged). */
  referenceForStatusMove(actor: ActingUser, caseId: string): Promise<CaseResult<string>>;
  /** Hands to the outbox the notifications of status events that were not (a crash between two writes). */
  retryPendingNotifications(render: StatusNotificationRenderer, olderThan: Date): Promise<number>;
}

export interface CaseServiceDeps {
  models: Models;
  clock: Clock;
  /** Digits of new case references: node:crypto unless a test injects a fixed sequence. */
  referenceRandom?: RandomInt;
  cipher: FieldCipher;
  audit: AuditTrail;
  /** The outbox for notifications; families are told of status changes through it. */
  delivery: Pick<DeliveryService, "enqueue" | "withdrawRecipient">;
  defaultLocale: string;
  /** The acting user's roles as stored now (users.actorNow). */
  actorNow: ActorLookup;
}

const CANDIDATE_LIMIT = 50;

export function createCaseService(deps: CaseServiceDeps): CaseService {
  const { models, clock, cipher, audit, delivery, defaultLocale, actorNow } = deps;
  const referenceRandom = deps.referenceRandom ?? cryptoRandomInt;
  // Telegram ids in, pseudonyms stored: families and staff are known to the database only by `refOf`.
  const refOf = (userId: number): UserRef => cipher.userRef(userId);

  const objectId = (id: string): Types.ObjectId | null => (Types.ObjectId.isValid(id) ? new Types.ObjectId(id) : null);

  async function activeLink(userId: UserRef, caseId: string) {
    const id = objectId(caseId);
    if (!id) return null;
    return models.caseLinks.findOne({ caseId: id, userId, withdrawnAt: null }).lean().exec();
  }

  /** Possible duplicates the actor may know of: a volunteer sees none of another province, not even a reference. */
  async function duplicatesVisibleTo(actor: Actor, duplicates: CaseRecord["possibleDuplicates"]): Promise<CaseRecord["possibleDuplicates"]> {
    if (duplicates.length === 0 || seesEveryProvince(actor)) return duplicates;
    const ids = duplicates.map((d) => objectId(d.caseId)).filter((id): id is Types.ObjectId => id !== null);
    const provinces = await models.cases.find({ _id: { $in: ids } }, { province: 1 }).lean().exec();
    const covered = new Set(provinces.filter((c) => coversProvince(actor, c.province)).map((c) => c._id.toHexString()));
    return duplicates.filter((d) => covered.has(d.caseId));
  }

  /** The record with this family's own answers (their own case, also after a merge). */
  async function answersOf(link: { caseId: Types.ObjectId; answersCaseId?: Types.ObjectId | null }, followed: CaseRecord): Promise<CaseRecord> {
    if (!link.answersCaseId || link.answersCaseId.equals(followed._id)) return followed;
    return (await models.cases.findById(link.answersCaseId).lean().exec()) ?? followed;
  }

  /** A case record, its timeline (with notes) and its status news, gone; other cases forget it as a possible duplicate. */
  async function deleteCaseRecord(caseId: Types.ObjectId): Promise<void> {
    const events = await models.caseEvents.find({ caseId, type: "status" }, { _id: 1 }).lean().exec();
    await deleteOutboxJobs(models, events.map((e) => caseStatusJobId(e._id)));
    await models.caseEvents.deleteMany({ caseId }).exec();
    await models.caseLinks.deleteMany({ caseId, withdrawnAt: { $ne: null } }).exec();
    await models.cases.deleteOne({ _id: caseId }).exec();
    const hex = caseId.toHexString();
    const listing = await models.cases.find({ "possibleDuplicates.caseId": hex }, { possibleDuplicates: 1, duplicateReview: 1 }).lean().exec();
    for (const other of listing) {
      const left = other.possibleDuplicates.filter((d) => d.caseId !== hex);
      const review = left.length === 0 && other.duplicateReview === "pending" ? "none" : other.duplicateReview;
      await models.cases.updateOne({ _id: other._id }, { $set: { possibleDuplicates: left, duplicateReview: review } }).exec();
    }
  }

  /** A merged record that held one family's own answers, once no family refers to it any more. */
  async function deleteCaseRecordIfUnused(caseId: Types.ObjectId): Promise<void> {
    const used = await models.caseLinks.exists({ withdrawnAt: null, $or: [{ caseId }, { answersCaseId: caseId }] }).exec();
    if (!used) await deleteCaseRecord(caseId);
  }

  async function timelineOf(caseId: Types.ObjectId, forStaff: boolean): Promise<TimelineEntry[]> {
    const events = await models.caseEvents.find({ caseId }).sort({ at: 1, _id: 1 }).lean().exec();
    return events.map((e) => ({
      at: e.at,
      type: e.type,
      to: e.to as CaseStatus | undefined,
      closeReason: e.closeReason as CloseReason | undefined,
      familyNote: cipher.decryptOptional(e.familyNoteEnc),
      ...(forStaff ? { internalNote: cipher.decryptOptional(e.internalNoteEnc) } : {}),
    }));
  }

  /** Existing cases that probably are the same person (name keys, then a full score). */
  async function findPossibleDuplicates(draft: CompleteRegistration, tokens: string[], excludeId?: Types.ObjectId) {
    if (tokens.length === 0) return [];
    // A record merged into another case only keeps its family's own answers: not a candidate.
    const filter: Record<string, unknown> = { nameTokens: { $in: tokens }, erasedAt: null, closeReason: { $ne: "duplicate" } };
    if (excludeId) filter._id = { $ne: excludeId };
    const candidates = await models.cases.find(filter).limit(CANDIDATE_LIMIT).lean().exec();
    const identity = { fullName: draft.fullName, otherNames: splitNames(draft.otherNames), birthYear: draft.birthYear ?? undefined, province: draft.familyProvince };
    return candidates
      .map((c) => {
        const match = scoreCaseMatch(identity, {
          fullName: cipher.decryptOptional(c.relative.fullNameEnc) ?? "",
          otherNames: splitNames(cipher.decryptOptional(c.relative.otherNamesEnc)),
          birthYear: c.relative.birthYear ?? undefined,
          province: c.province,
        });
        return { caseId: c._id.toHexString(), reference: c.reference, score: Math.round(match.score * 100) / 100, probable: match.probable };
      })
      .filter((m) => m.probable)
      .sort((a, b) => b.score - a.score)
      .slice(0, 5)
      .map(({ caseId, reference, score }) => ({ caseId, reference, score }));
  }

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

  return {
    async retryPendingNotifications(render, olderThan) {
      const pending = await models.caseEvents.find({ type: "status", notifiedAt: null, at: { $lt: olderThan } }).limit(100).lean().exec();
      for (const event of pending) await notifyFamilies(event, render);
      return pending.length;
    },

    async register({ userId: telegramId, locale, draft, consentAt }) {
      const userId = refOf(telegramId);
      const now = clock.now();
      // Handling is at least once (an update in flight at a crash is handled again, and the
      // conversation replays the same consent time): the second run finds what the first stored.
      const registrationKey = cipher.searchToken(`registration:${userId}:${consentAt.toISOString()}`);
      const earlier = await models.cases.findOne({ registrationKey }).lean().exec();
      let created: CaseRecord | undefined = earlier ?? undefined;
      let possibleDuplicate = (earlier?.possibleDuplicates.length ?? 0) > 0;
      if (!created) {
        const tokens = nameTokensOf(draft.fullName, draft.otherNames, cipher);
        const duplicates = await findPossibleDuplicates(draft, tokens);
        possibleDuplicate = duplicates.length > 0;
        const base = {
          status: "registered" as const,
          relative: relativeFields(draft, cipher),
          nameTokens: tokens,
          province: draft.familyProvince,
          registeredBy: userId,
          registrationKey,
          possibleDuplicates: duplicates,
          duplicateReview: duplicates.length > 0 ? ("pending" as const) : ("none" as const),
          createdAt: now,
          updatedAt: now,
        };
        // A reference collision is astronomically rare, but the unique index decides.
        for (let attempt = 0; attempt < 5 && !created; attempt++) {
          try {
            created = (await models.cases.create({ ...base, reference: generateCaseReference(referenceRandom) })).toObject();
          } catch (error) {
            if ((error as { code?: number }).code !== 11000) throw error;
          }
        }
        if (!created) throw new Error("could not allocate a case reference");
      }
      if (!earlier || !(await models.caseLinks.exists({ caseId: created._id, userId }).exec())) {
        await models.caseLinks.create({ caseId: created._id, userId, ...linkFields(draft, cipher), locale, consentAt, createdAt: now });
      }
      if (!earlier || !(await models.caseEvents.exists({ caseId: created._id, type: "registered" }).exec())) {
        await models.caseEvents.create({ caseId: created._id, at: now, actorId: userId, actorRole: "family", type: "registered", to: "registered" });
      }
      return { caseId: created._id.toHexString(), reference: created.reference, possibleDuplicate };
    },

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

    async findForStaff(acting, reference) {
      const actor = await actorNow(acting.userId);
      if (!can(actor, "case.view")) return { ok: false, error: "forbidden" };
      const record = await models.cases.findOne({ reference }).lean().exec();
      if (!record) return { ok: false, error: "not_found" };
      if (!coversProvince(actor, record.province)) return { ok: false, error: "forbidden" };
      await audit.record(actor.userId, "case.view", record.reference);
      const familyCount = await models.caseLinks.countDocuments({ caseId: record._id, withdrawnAt: null }).exec();
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
          possibleDuplicates: await duplicatesVisibleTo(actor, record.possibleDuplicates),
          duplicateReview: record.duplicateReview,
          timeline: await timelineOf(record._id, true),
        },
      };
    },

    async changeStatus(acting, caseId, change, render) {
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
        actorId: refOf(actor.userId),
        actorRole: caseActorOf(actor),
        type: "status",
        from: record.status,
        to: result.status,
        closeReason: result.closeReason,
        familyNoteEnc: cipher.encryptOptional(change.familyNote),
        internalNoteEnc: cipher.encryptOptional(change.internalNote),
      });
      await audit.record(actor.userId, "case.status", record.reference, { from: record.status, to: result.status });

      const notified = await notifyFamilies(event.toObject(), render);
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

    async rejectDuplicates(acting, caseId) {
      const actor = await actorNow(acting.userId);
      if (!can(actor, "case.duplicates")) return { ok: false, error: "forbidden" };
      const id = objectId(caseId);
      const record = id ? await models.cases.findById(id).lean().exec() : null;
      if (!record) return { ok: false, error: "not_found" };
      await models.cases.updateOne({ _id: record._id }, { $set: { duplicateReview: "rejected", updatedAt: clock.now() } }).exec();
      await audit.record(actor.userId, "case.duplicate.reject", record.reference);
      return { ok: true, value: null };
    },

    async confirmDuplicate(acting, caseId, duplicateOfCaseId) {
      const actor = await actorNow(acting.userId);
      if (!can(actor, "case.duplicates")) return { ok: false, error: "forbidden" };
      const duplicateId = objectId(caseId);
      const canonicalId = objectId(duplicateOfCaseId);
      if (!duplicateId || !canonicalId || duplicateId.equals(canonicalId)) return { ok: false, error: "not_found" };
      const [duplicate, canonical] = await Promise.all([models.cases.findById(duplicateId).lean().exec(), models.cases.findById(canonicalId).lean().exec()]);
      if (!duplicate || !canonical) return { ok: false, error: "not_found" };
      const now = clock.now();
      const links = await models.caseLinks.find({ caseId: duplicateId, withdrawnAt: null }).lean().exec();
      let moved = 0;
      for (const link of links) {
        try {
          await models.caseLinks.updateOne({ _id: link._id }, { $set: { caseId: canonicalId, answersCaseId: link.answersCaseId ?? duplicateId } }).exec();
          moved++;
        } catch (error) {
          // The same family already follows the canonical case.
          if ((error as { code?: number }).code !== 11000) throw error;
          // Their own link to the other case stays; this one (and its contact details) goes.
          await models.caseLinks.deleteOne({ _id: link._id }).exec();
        }
      }
      await models.cases
        .updateOne({ _id: duplicateId }, { $set: { status: "closed", closeReason: "duplicate", duplicateReview: "confirmed", updatedAt: now } })
        .exec();
      // Its families now follow the other case; nobody is left to notify about this one.
      await models.caseEvents.create({ caseId: duplicateId, at: now, actorId: refOf(actor.userId), actorRole: "coordinator", type: "status", from: duplicate.status, to: "closed", closeReason: "duplicate", notifiedAt: now });
      await audit.record(actor.userId, "case.duplicate.confirm", duplicate.reference, { into: canonical.reference, moved });
      return { ok: true, value: { movedFamilies: moved } };
    },
  };
}

function splitNames(value: string | null | undefined): string[] {
  return (value ?? "").split(/[,،;\n]/).map((n) => n.trim()).filter(Boolean);
}

/** `$unset` for optional fields that are now absent, so an edit can clear an answer. */
function unsetMissing(fields: Record<string, unknown>): Record<string, 1> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v === undefined).map(([k]) => [k, 1 as const]));
}

/** One outbox job per status event (its idempotency key); a withdrawal finds the case's jobs by it. */
const caseStatusJobId = (eventId: Types.ObjectId): string => `case-status:${eventId.toHexString()}`;
