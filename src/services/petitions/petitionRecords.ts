// Reading petition records: the view every caller gets, counts, versions, and the milestone job ids.

import { Types } from "mongoose";
import type { PetitionRecord, PetitionTextRecord } from "../../db/models/petition.js";
import { freshCounter } from "../freshCount.js";
import type { Models } from "../../db/models/index.js";
import type { Recipient } from "../../delivery/types.js";
import type { PetitionServiceDeps, PetitionSummary, PetitionView } from "./petitionTypes.js";

/**
 * Encrypts personal fields at rest: the app passes the field cipher (src/security/fieldCipher.ts).
 * A service built without one (tests that do not look at storage) keeps them as they are (`plainFields`).
 */
export interface FieldSealer {
  encryptOptional(plain: string | undefined | null): string | undefined;
  decryptOptional(stored: string | undefined | null): string | undefined;
}

export const plainFields: FieldSealer = {
  encryptOptional: (plain) => (plain === undefined || plain === null || plain === "" ? undefined : plain),
  decryptOptional: (stored) => stored ?? undefined,
};

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
    lastCallDays: record.lastCallDays ?? null,
  };
}

export type PetitionStore = ReturnType<typeof createPetitionStore>;

export function createPetitionStore(deps: Pick<PetitionServiceDeps, "models" | "clock" | "cipher">) {
  const { models, clock } = deps;
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

  return { refOf, countActive, countAfterWrite, findByRef, withCount, recordVersion };
}

const NEWS_RECIPIENT_PAGE = 500;

/** Signers of a petition who asked for news, each with their current language (milestones, closing news). */
export async function* petitionNewsRecipients(models: Models, petitionId: Types.ObjectId): AsyncGenerator<Recipient> {
  let after: Types.ObjectId | undefined;
  for (;;) {
    const page = await models.petitionSignatures
      .find({ petitionId, state: "active", notify: true, ...(after ? { _id: { $gt: after } } : {}) }, { userId: 1, locale: 1 })
      .sort({ _id: 1 })
      .limit(NEWS_RECIPIENT_PAGE)
      .lean()
      .exec();
    if (page.length === 0) return;
    const users = await models.users.find({ _id: { $in: page.map((s) => s.userId) } }, { locale: 1 }).lean().exec();
    const localeOf = new Map(users.map((u) => [u._id, u.locale ?? undefined]));
    for (const signature of page) yield { userId: signature.userId, locale: localeOf.get(signature.userId) ?? signature.locale };
    after = page[page.length - 1]!._id;
  }
}
