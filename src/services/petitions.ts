import { randomInt } from "node:crypto";
import { Types } from "mongoose";
import type { Clock } from "../clock.js";
import type { Models } from "../db/models/index.js";
import type { PetitionRecord, PetitionTextRecord } from "../db/models/petition.js";
import type { DeliveryService, OutgoingContent, Recipient } from "../delivery/types.js";
import { dayInZone, utcOffsetMinutes } from "../domain/petitions/calendarDay.js";
import { parseDeadline, type DeadlineParse } from "../domain/petitions/content.js";
import { canTransition, notSignableReason, type PetitionStatus } from "../domain/petitions/lifecycle.js";
import { newlyReachedMilestones } from "../domain/petitions/milestones.js";
import { generatePetitionRef } from "../domain/petitions/petitionRef.js";
import type { NameDisplay } from "../domain/petitions/signerName.js";
import { can, type ActingUser, type ActorLookup } from "../domain/roles.js";
import type { Logger } from "../logger.js";
import type { UserRefCipher } from "../security/fieldCipher.js";
import type { AuditTrail } from "./audit.js";
import { freshCounter } from "./freshCount.js";
import { eraseFromOutbox } from "./outboxErasure.js";

export type PetitionError =
  | "forbidden"
  | "not_found"
  | "invalid_transition"
  | "text_frozen"
  | "not_open"
  | "deadline_passed"
  | "text_changed"
  | "already_signed"
  | "not_signed";
export type PetitionResult<T> = { ok: true; value: T } | { ok: false; error: PetitionError };

/**
 * Encrypts personal fields at rest. The lead's FieldCipher (src/security/fieldCipher.ts) fits this
 * shape; until it is wired into the services, fields are stored as they are (`plainFields`).
 */
export interface FieldSealer {
  encryptOptional(plain: string | undefined | null): string | undefined;
  decryptOptional(stored: string | undefined | null): string | undefined;
}

export const plainFields: FieldSealer = {
  encryptOptional: (plain) => (plain === undefined || plain === null || plain === "" ? undefined : plain),
  decryptOptional: (stored) => stored ?? undefined,
};

export interface PetitionText {
  locale: string;
  title: string;
  body: string;
}

export interface PetitionTexts {
  texts: PetitionText[];
  addressee: string;
}

export interface NewPetition extends PetitionTexts {
  goal: number;
  deadline: Date | null;
  milestones: number[];
}

export interface PetitionView {
  id: string;
  ref: string;
  status: PetitionStatus;
  texts: PetitionText[];
  addressee: string;
  goal: number;
  deadline: Date | null;
  milestones: number[];
  textVersion: number;
  /** Somebody has signed: the text can no longer change. */
  frozen: boolean;
  createdAt: Date;
  closedAt: Date | null;
  deliveredAt: Date | null;
}

export interface PetitionSummary extends PetitionView {
  /** Active signatures, counted from the signatures themselves. */
  count: number;
}

export interface SignInput {
  userId: number;
  ref: string;
  /** The text version the signer was shown; a different current version means they must read again. */
  seenVersion: number;
  nameDisplay: NameDisplay;
  /** The name or initials to show; absent for anonymous signers. */
  name?: string;
  province?: string | null;
  country?: string | null;
  relation?: string | null;
  notify: boolean;
  locale: string;
}

export interface SignatureStatus {
  state: "active" | "withdrawn";
  signedAt: Date;
  textVersion: number;
}

export interface PetitionStats {
  total: number;
  /** Signatures given and taken back (each withdrawal once). */
  withdrawals: number;
  byProvince: { province: string | null; count: number }[];
  byDay: { day: string; count: number }[];
  milestonesReached: number[];
}

/** Renders the milestone news in every locale; lives with the bot (it formats a chat message). */
export type MilestoneNotice = (input: { ref: string; titles: { locale: string; title: string }[]; milestone: number; goal: number }) => {
  contentByLocale: Record<string, OutgoingContent>;
  defaultLocale: string;
};

export interface PetitionService {
  /** The organisers' time zone: per-day counts and deadlines are in it. */
  readonly timeZone: string;
  create(actor: ActingUser, input: NewPetition): Promise<PetitionResult<PetitionView>>;
  /** New texts or addressee; refused once anybody has signed. */
  editText(actor: ActingUser, ref: string, input: PetitionTexts): Promise<PetitionResult<PetitionView>>;
  changeStatus(actor: ActingUser, ref: string, to: PetitionStatus): Promise<PetitionResult<PetitionView>>;
  get(ref: string): Promise<PetitionSummary | null>;
  /** Petitions people can sign now, newest first. */
  listOpen(): Promise<PetitionSummary[]>;
  listForManagement(actor: ActingUser): Promise<PetitionResult<PetitionSummary[]>>;
  signatureOf(userId: number, ref: string): Promise<SignatureStatus | null>;
  sign(input: SignInput): Promise<PetitionResult<{ count: number }>>;
  withdraw(userId: number, ref: string): Promise<PetitionResult<{ count: number }>>;
  stats(actor: ActingUser, ref: string): Promise<PetitionResult<PetitionStats>>;
  parseDeadline(raw: string): DeadlineParse;
  /** Enqueues news for milestones whose notice is missing (a crash between record and enqueue). */
  notifyPendingMilestones(olderThanMs?: number): Promise<number>;
}

export interface PetitionServiceDeps {
  models: Models;
  clock: Clock;
  audit: AuditTrail;
  timeZone: string;
  random?: () => number;
  fields?: FieldSealer;
  /** The outbox; a function because it is built after this service. */
  delivery?: () => Pick<DeliveryService, "enqueue"> | undefined;
  milestoneNotice?: MilestoneNotice;
  log?: Logger;
  /** The acting user's roles as stored now (users.actorNow): managing methods check these, not the caller's Actor. */
  actorNow: ActorLookup;
  /** Signers are stored by pseudonym (`cipher.userRef`), never by Telegram id. */
  cipher: UserRefCipher;
}

const DUPLICATE_KEY = 11000;
const RECIPIENT_PAGE = 500;
const MANAGEMENT_LIST_LIMIT = 50;

export const isDuplicateKey = (error: unknown): boolean => (error as { code?: number }).code === DUPLICATE_KEY;

export function milestoneJobId(petitionId: string, milestone: number): string {
  return `petition-milestone:${petitionId}:${milestone}`;
}

/** The outbox jobs that carried a petition's milestone news. */
export function milestoneJobIds(petition: Pick<PetitionRecord, "_id" | "milestones">): string[] {
  return petition.milestones.map((milestone) => milestoneJobId(petition._id.toHexString(), milestone));
}

export function petitionView(record: PetitionRecord): PetitionView {
  return {
    id: record._id.toHexString(),
    ref: record.ref,
    status: record.status,
    texts: record.texts.map((t: PetitionTextRecord) => ({ locale: t.locale, title: t.title, body: t.body })),
    addressee: record.addressee,
    goal: record.goal,
    deadline: record.deadline ?? null,
    milestones: [...record.milestones],
    textVersion: record.textVersion,
    frozen: record.frozenAt != null,
    createdAt: record.createdAt,
    closedAt: record.closedAt ?? null,
    deliveredAt: record.deliveredAt ?? null,
  };
}

export function createPetitionService(deps: PetitionServiceDeps): PetitionService {
  const { models, clock, audit, timeZone, actorNow } = deps;
  const random = deps.random ?? (() => randomInt(0, 2 ** 32) / 2 ** 32);
  const fields = deps.fields ?? plainFields;
  const refOf = (userId: number) => deps.cipher.userRef(userId);

  const countActive = (petitionId: Types.ObjectId) => models.petitionSignatures.countDocuments({ petitionId, state: "active" }).exec();
  const countAfterWrite = freshCounter((petitionId: string) => countActive(new Types.ObjectId(petitionId)));
  const findByRef = (ref: string) => models.petitions.findOne({ ref }).lean<PetitionRecord>().exec();

  async function withCount(record: PetitionRecord): Promise<PetitionSummary> {
    // A delivered petition shows what was handed over, whoever erased their data since.
    const delivered = record.status === "delivered" && record.deliveredCount != null;
    return { ...petitionView(record), count: delivered ? record.deliveredCount! : await countActive(record._id) };
  }

  async function recordVersion(record: PetitionRecord, actorId: number): Promise<void> {
    await models.petitionVersions.create({
      petitionId: record._id,
      version: record.textVersion,
      texts: record.texts,
      addressee: record.addressee,
      createdBy: refOf(actorId),
      createdAt: clock.now(),
    });
  }

  /** Signers who asked for news, each with their current language. */
  async function* newsRecipients(petitionId: Types.ObjectId): AsyncGenerator<Recipient> {
    let after: Types.ObjectId | undefined;
    for (;;) {
      const page = await models.petitionSignatures
        .find({ petitionId, state: "active", notify: true, ...(after ? { _id: { $gt: after } } : {}) }, { userId: 1, locale: 1 })
        .sort({ _id: 1 })
        .limit(RECIPIENT_PAGE)
        .lean()
        .exec();
      if (page.length === 0) return;
      const users = await models.users.find({ _id: { $in: page.map((s) => s.userId) } }, { locale: 1 }).lean().exec();
      const localeOf = new Map(users.map((u) => [u._id, u.locale ?? undefined]));
      for (const signature of page) yield { userId: signature.userId, locale: localeOf.get(signature.userId) ?? signature.locale };
      after = page[page.length - 1]!._id;
    }
  }

  async function enqueueMilestoneNews(petition: PetitionRecord, milestone: number): Promise<boolean> {
    const delivery = deps.delivery?.();
    if (!delivery || !deps.milestoneNotice) {
      deps.log?.warn({ petition: petition.ref, milestone }, "milestone reached; no delivery service yet, news left pending");
      return false;
    }
    const notice = deps.milestoneNotice({
      ref: petition.ref,
      titles: petition.texts.map((t) => ({ locale: t.locale, title: t.title })),
      milestone,
      goal: petition.goal,
    });
    const petitionId = petition._id.toHexString();
    await delivery.enqueue(
      { jobId: milestoneJobId(petitionId, milestone), kind: "petition-milestone", contentByLocale: notice.contentByLocale, defaultLocale: notice.defaultLocale },
      newsRecipients(petition._id),
    );
    await models.petitionMilestones.updateOne({ petitionId: petition._id, milestone }, { $set: { notifiedAt: clock.now() } }).exec();
    return true;
  }

  /** Milestones known to be recorded (they never go away), so most signatures cost no milestone query. */
  const recordedMilestones = new Set<string>();

  /**
   * Records every milestone the count has reached. Of many signers crossing one at the same
   * moment, only the insert that wins the unique index enqueues the news.
   */
  async function recordMilestones(petition: PetitionRecord, count: number): Promise<void> {
    const id = petition._id.toHexString();
    const known = petition.milestones.filter((m) => recordedMilestones.has(`${id}:${m}`));
    for (const milestone of newlyReachedMilestones(petition.milestones, count, known)) {
      try {
        await models.petitionMilestones.create({ petitionId: petition._id, milestone, count, reachedAt: clock.now(), notifiedAt: null });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        recordedMilestones.add(`${id}:${milestone}`);
        continue;
      }
      recordedMilestones.add(`${id}:${milestone}`);
      deps.log?.info({ petition: petition.ref, milestone }, "petition milestone reached");
      try {
        await enqueueMilestoneNews(petition, milestone);
      } catch (error) {
        // The signature stands; the scheduled repair enqueues the news later (the job id is idempotent).
        deps.log?.error({ petition: petition.ref, milestone, err: (error as Error).message }, "milestone news not enqueued");
      }
    }
  }

  return {
    timeZone,

    async create(acting, input) {
      const actor = await actorNow(acting.userId);
      if (!can(actor, "petition.manage")) return { ok: false, error: "forbidden" };
      const now = clock.now();
      for (let attempt = 0; ; attempt += 1) {
        try {
          const created = await models.petitions.create({
            ref: generatePetitionRef(random),
            status: "draft",
            texts: input.texts,
            addressee: input.addressee,
            goal: input.goal,
            deadline: input.deadline,
            milestones: [...new Set(input.milestones)].sort((a, b) => a - b),
            textVersion: 1,
            frozenAt: null,
            createdBy: refOf(actor.userId),
            createdAt: now,
            updatedAt: now,
          });
          const record = created.toObject() as PetitionRecord;
          await recordVersion(record, actor.userId);
          await audit.record(actor.userId, "petition.create", record.ref);
          return { ok: true, value: petitionView(record) };
        } catch (error) {
          // A ref collision (one in 10^12) gets a fresh ref.
          if (!isDuplicateKey(error) || attempt >= 3) throw error;
        }
      }
    },

    async editText(acting, ref, input) {
      const actor = await actorNow(acting.userId);
      if (!can(actor, "petition.manage")) return { ok: false, error: "forbidden" };
      // Atomic with the first signature, which sets frozenAt: one of the two wins.
      const updated = await models.petitions
        .findOneAndUpdate(
          { ref, frozenAt: null, status: { $in: ["draft", "open"] } },
          { $set: { texts: input.texts, addressee: input.addressee, updatedAt: clock.now() }, $inc: { textVersion: 1 } },
          { returnDocument: "after" },
        )
        .lean<PetitionRecord>()
        .exec();
      if (!updated) {
        const existing = await findByRef(ref);
        if (!existing) return { ok: false, error: "not_found" };
        return { ok: false, error: existing.frozenAt ? "text_frozen" : "invalid_transition" };
      }
      await recordVersion(updated, actor.userId);
      await audit.record(actor.userId, "petition.edit", ref, { version: updated.textVersion });
      return { ok: true, value: petitionView(updated) };
    },

    async changeStatus(acting, ref, to) {
      const actor = await actorNow(acting.userId);
      if (!can(actor, "petition.manage")) return { ok: false, error: "forbidden" };
      const existing = await findByRef(ref);
      if (!existing) return { ok: false, error: "not_found" };
      if (!canTransition(existing.status, to)) return { ok: false, error: "invalid_transition" };
      const now = clock.now();
      const stamp =
        to === "open"
          ? { openedAt: now }
          : to === "closed"
            ? { closedAt: now }
            : to === "delivered"
              ? { deliveredAt: now, deliveredCount: await countActive(existing._id) }
              : {};
      const updated = await models.petitions
        .findOneAndUpdate({ _id: existing._id, status: existing.status }, { $set: { status: to, updatedAt: now, ...stamp } }, { returnDocument: "after" })
        .lean<PetitionRecord>()
        .exec();
      if (!updated) return { ok: false, error: "invalid_transition" };
      await audit.record(actor.userId, "petition.status", ref, { from: existing.status, to });
      return { ok: true, value: petitionView(updated) };
    },

    async get(ref) {
      const record = await findByRef(ref);
      return record ? withCount(record) : null;
    },

    async listOpen() {
      const now = clock.now();
      const records = await models.petitions.find({ status: "open" }).sort({ createdAt: -1 }).limit(MANAGEMENT_LIST_LIMIT).lean<PetitionRecord[]>().exec();
      return Promise.all(records.filter((r) => notSignableReason(r, now) === null).map(withCount));
    },

    async listForManagement(acting) {
      const actor = await actorNow(acting.userId);
      if (!can(actor, "petition.manage")) return { ok: false, error: "forbidden" };
      const records = await models.petitions.find({}).sort({ createdAt: -1 }).limit(MANAGEMENT_LIST_LIMIT).lean<PetitionRecord[]>().exec();
      return { ok: true, value: await Promise.all(records.map(withCount)) };
    },

    async signatureOf(telegramId, ref) {
      const userId = refOf(telegramId);
      const petition = await models.petitions.findOne({ ref }, { _id: 1 }).lean().exec();
      if (!petition) return null;
      const signature = await models.petitionSignatures.findOne({ petitionId: petition._id, userId }).lean().exec();
      return signature ? { state: signature.state, signedAt: signature.signedAt, textVersion: signature.textVersion } : null;
    },

    async sign(input) {
      const now = clock.now();
      let petition = await findByRef(input.ref);
      if (!petition) return { ok: false, error: "not_found" };
      const notSignable = notSignableReason(petition, now);
      if (notSignable) return { ok: false, error: notSignable };
      if (!petition.frozenAt) {
        // The first signature freezes the text; an edit racing with it either lands before (and
        // the version check below sends the signer back to read) or is refused.
        const frozen = await models.petitions
          .findOneAndUpdate({ _id: petition._id, frozenAt: null }, { $set: { frozenAt: now } }, { returnDocument: "after" })
          .lean<PetitionRecord>()
          .exec();
        petition = frozen ?? (await models.petitions.findById(petition._id).lean<PetitionRecord>().exec()) ?? petition;
      }
      if (petition.textVersion !== input.seenVersion) return { ok: false, error: "text_changed" };

      const personal = {
        textVersion: petition.textVersion,
        nameDisplay: input.nameDisplay,
        name: input.nameDisplay === "anonymous" ? null : (fields.encryptOptional(input.name) ?? null),
        province: input.province ?? null,
        country: fields.encryptOptional(input.country) ?? null,
        relation: input.relation ?? null,
        notify: input.notify,
        locale: input.locale,
        signedAt: now,
        signedDay: dayInZone(now, timeZone),
        withdrawnAt: null,
      };
      const userId = refOf(input.userId);
      try {
        await models.petitionSignatures.create({ petitionId: petition._id, userId, state: "active", ...personal });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        // One row per user and petition: signing again after a withdrawal revives it; an active one stays as it is.
        const revived = await models.petitionSignatures
          .updateOne({ petitionId: petition._id, userId, state: "withdrawn" }, { $set: { state: "active", ...personal } })
          .exec();
        if (revived.modifiedCount !== 1) return { ok: false, error: "already_signed" };
      }
      const count = await countAfterWrite(petition._id.toHexString());
      await recordMilestones(petition, count);
      return { ok: true, value: { count } };
    },

    async withdraw(telegramId, ref) {
      const userId = refOf(telegramId);
      const petition = await findByRef(ref);
      if (!petition) return { ok: false, error: "not_found" };
      if (petition.status !== "open") return { ok: false, error: "not_open" };
      const now = clock.now();
      const before = await models.petitionSignatures
        .findOneAndUpdate(
          { petitionId: petition._id, userId, state: "active" },
          { $set: { state: "withdrawn", withdrawnAt: now, name: null, country: null, relation: null, province: null, notify: false } },
          { returnDocument: "before" },
        )
        .lean()
        .exec();
      if (!before) return { ok: false, error: "not_signed" };
      await models.petitionWithdrawals.create({ petitionId: petition._id, userId, textVersion: before.textVersion, signedAt: before.signedAt, withdrawnAt: now });
      // Appeals given with the signature go with it, and so do the milestone news they received.
      await models.appeals.deleteMany({ petitionId: petition._id, userId }).exec();
      await eraseFromOutbox(models, userId, milestoneJobIds(petition));
      return { ok: true, value: { count: await countAfterWrite(petition._id.toHexString()) } };
    },

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

    parseDeadline(raw) {
      const now = clock.now();
      return parseDeadline(raw, now, utcOffsetMinutes(timeZone, now));
    },

    async notifyPendingMilestones(olderThanMs = 60_000) {
      const pending = await models.petitionMilestones
        .find({ notifiedAt: null, reachedAt: { $lt: new Date(clock.now().getTime() - olderThanMs) } })
        .limit(100)
        .lean()
        .exec();
      let enqueued = 0;
      for (const milestone of pending) {
        const petition = await models.petitions.findById(milestone.petitionId).lean<PetitionRecord>().exec();
        if (petition && (await enqueueMilestoneNews(petition, milestone.milestone))) enqueued += 1;
      }
      return enqueued;
    },
  };
}
