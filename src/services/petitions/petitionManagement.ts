// Organisers create petitions, edit their text until the first signature, and move their status;
// everyone reads them.

import { randomInt } from "node:crypto";
import { isDuplicateKeyError } from "../../db/duplicateKeys.js";
import type { PetitionRecord } from "../../db/models/petition.js";
import { utcOffsetMinutes } from "../../domain/petitions/calendarDay.js";
import { parseDeadline } from "../../domain/petitions/content.js";
import { canTransition, notSignableReason } from "../../domain/petitions/lifecycle.js";
import { generatePetitionRef } from "../../domain/petitions/petitionRef.js";
import { can } from "../../domain/roles.js";
import { petitionView, type PetitionStore } from "./petitionRecords.js";
import type { PetitionService, PetitionServiceDeps } from "./petitionTypes.js";

const MANAGEMENT_LIST_LIMIT = 50;

export function createPetitionManagement(
  deps: PetitionServiceDeps,
  store: PetitionStore,
): Pick<PetitionService, "create" | "editText" | "changeStatus" | "get" | "listOpen" | "listForManagement" | "parseDeadline"> {
  const { models, clock, audit, timeZone, actorNow } = deps;
  const random = deps.random ?? (() => randomInt(0, 2 ** 32) / 2 ** 32);
  const { refOf, countActive, findByRef, withCount, recordVersion } = store;
  return {
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
          if (!isDuplicateKeyError(error) || attempt >= 3) throw error;
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

    parseDeadline(raw) {
      const now = clock.now();
      return parseDeadline(raw, now, utcOffsetMinutes(timeZone, now));
    },
  };
}
