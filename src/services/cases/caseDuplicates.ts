// Two registrations of one person: finding probable duplicates, showing them only to who may
// know of them, and a coordinator's decision (merge into one case, or "different people").

import type { Types } from "mongoose";
import { isDuplicateKeyError } from "../../db/duplicateKeys.js";
import type { CaseRecord } from "../../db/models/case.js";
import { scoreCaseMatch } from "../../domain/personName.js";
import { can, coversProvince, type Actor } from "../../domain/roles.js";
import { duplicateTokensOf, splitNames } from "./caseRecordMapping.js";
import { objectId, type CaseStore } from "./caseStore.js";
import type { CaseService, CaseServiceDeps } from "./caseTypes.js";

const CANDIDATE_LIMIT = 50;

/** Who a registration is about, as the duplicate search compares it. */
export interface DuplicateIdentity {
  fullName: string;
  otherNames: string | null | undefined;
  birthYear: number | null | undefined;
  province: string;
}

export type PossibleDuplicates = CaseRecord["possibleDuplicates"];

export function createDuplicateFinder({ models, cipher, clock }: Pick<CaseServiceDeps, "models" | "cipher" | "clock">) {
  /** Existing cases (other than `excludeId`) that probably are the same person (name keys, then a full score). */
  function findPossibleDuplicates(person: DuplicateIdentity, excludeId?: Types.ObjectId): Promise<PossibleDuplicates> {
    return findByKeys(person, duplicateTokensOf(person.fullName, person.otherNames, cipher), excludeId);
  }

  /** The search over the given keyed name tokens (bench:duplicates compares other keys with it). */
  async function findByKeys(person: DuplicateIdentity, tokens: string[], excludeId?: Types.ObjectId): Promise<PossibleDuplicates> {
    if (tokens.length === 0) return [];
    // One query per duplicate key, not one `$in`: FerretDB v1 hands an equality on a field to its
    // backend's index but filters an `$in` itself, over every case (bench:updates: 12 ms a save at
    // 1,300 cases, growing with them). On MongoDB each is an index lookup on nameTokens_1.
    // The keys are a word joined to another word's first consonant, not a word alone: with a key
    // per word, a common word's 50 cases crowded out the rare key that held the real duplicate
    // (at 2,000 cases 2 probable duplicates found for 40 names, against 7 with these keys).
    // A record merged into another case only keeps its family's own answers: not a candidate.
    // Side by side over the reads' lane: a burst of saves does not queue their searches behind each other's writes.
    const perKey = await Promise.all(
      tokens.map((token) => {
        const filter: Record<string, unknown> = { nameTokens: token, erasedAt: null, closeReason: { $ne: "duplicate" } };
        if (excludeId) filter._id = { $ne: excludeId };
        return models.casesToRead.find(filter).limit(CANDIDATE_LIMIT).lean().exec();
      }),
    );
    // The cases sharing the most keys first: a common pair of words must not crowd out the whole name's match.
    const byId = new Map<string, { record: CaseRecord; keys: number }>();
    for (const found of perKey.flat()) {
      const id = found._id.toHexString();
      const seen = byId.get(id);
      byId.set(id, { record: found, keys: (seen?.keys ?? 0) + 1 });
    }
    const candidates = [...byId.values()]
      .sort((a, b) => b.keys - a.keys)
      .slice(0, CANDIDATE_LIMIT)
      .map((c) => c.record);
    const identity = { fullName: person.fullName, otherNames: splitNames(person.otherNames), birthYear: person.birthYear ?? undefined, province: person.province };
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

  /** Possible duplicates the actor may know of: a volunteer sees none of another province, not even a reference. */
  async function duplicatesVisibleTo(actor: Actor, duplicates: CaseRecord["possibleDuplicates"]): Promise<CaseRecord["possibleDuplicates"]> {
    if (duplicates.length === 0 || can(actor, "province.all")) return duplicates;
    const ids = duplicates.map((d) => objectId(d.caseId)).filter((id): id is Types.ObjectId => id !== null);
    const provinces = await models.cases.find({ _id: { $in: ids } }, { province: 1 }).lean().exec();
    const covered = new Set(provinces.filter((c) => coversProvince(actor, c.province)).map((c) => c._id.toHexString()));
    return duplicates.filter((d) => covered.has(d.caseId));
  }

  /**
   * The search for a case saved with its duplicates "unchecked" (registration answers the family
   * first, then searches): stores what it found, unless it was already done. Returns whether it
   * found a probable duplicate.
   */
  async function checkSavedCase(caseId: Types.ObjectId): Promise<boolean> {
    // Read over the reads' lane (the save it follows has been written): the cases' one connection carries every save.
    const record = await models.casesToRead.findById(caseId).lean().exec();
    if (!record) return false;
    if (record.duplicateReview !== "unchecked") return record.possibleDuplicates.length > 0;
    const person: DuplicateIdentity = {
      fullName: cipher.decryptOptional(record.relative.fullNameEnc) ?? "",
      otherNames: cipher.decryptOptional(record.relative.otherNamesEnc),
      birthYear: record.relative.birthYear,
      province: record.province,
    };
    const found = record.erasedAt ? [] : await findPossibleDuplicates(person, record._id);
    // Only while still unchecked and unchanged: a second run (a replayed update, the sweep) changes
    // nothing twice, and a family's edit in between leaves it unchecked for the sweep to redo.
    await models.cases
      .updateOne(
        { _id: record._id, duplicateReview: "unchecked", updatedAt: record.updatedAt },
        { $set: { possibleDuplicates: found, duplicateReview: found.length > 0 ? "pending" : "none", updatedAt: clock.now() } },
      )
      .exec();
    return found.length > 0;
  }

  /** Cases left unchecked (a crash between the save and its search), oldest first, a batch at a time. */
  async function checkLeftovers(savedBefore: Date, batch = 100): Promise<number> {
    const left = await models.casesToRead.find({ duplicateReview: "unchecked" }, { _id: 1, createdAt: 1 }).limit(batch * 4).lean().exec();
    const due = left
      .filter((c) => c.createdAt < savedBefore)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .slice(0, batch);
    for (const c of due) await checkSavedCase(c._id);
    return due.length;
  }

  return { findPossibleDuplicates, findByKeys, checkSavedCase, checkLeftovers, duplicatesVisibleTo };
}

export function createDuplicateDecisions(deps: CaseServiceDeps, store: CaseStore): Pick<CaseService, "confirmDuplicate" | "rejectDuplicates"> {
  const { models, clock, audit, actorNow } = deps;
  return {
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
          if (!isDuplicateKeyError(error)) throw error;
          // Their own link to the other case stays; this one (and its contact details) goes.
          await models.caseLinks.deleteOne({ _id: link._id }).exec();
        }
      }
      await models.cases
        .updateOne({ _id: duplicateId }, { $set: { status: "closed", closeReason: "duplicate", duplicateReview: "confirmed", updatedAt: now } })
        .exec();
      // Its families now follow the other case; nobody is left to notify about this one.
      await models.caseEvents.create({ caseId: duplicateId, at: now, actorId: store.refOf(actor.userId), actorRole: "coordinator", type: "status", from: duplicate.status, to: "closed", closeReason: "duplicate", notifiedAt: now });
      await audit.record(actor.userId, "case.duplicate.confirm", duplicate.reference, { into: canonical.reference, moved });
      return { ok: true, value: { movedFamilies: moved } };
    },
  };
}
