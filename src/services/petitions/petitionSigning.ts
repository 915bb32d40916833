// Signing a petition and taking a signature back (one row per user and petition).

import { isDuplicateKeyError } from "../../db/duplicateKeys.js";
import type { PetitionRecord } from "../../db/models/petition.js";
import { dayInZone } from "../../domain/petitions/calendarDay.js";
import { notSignableReason } from "../../domain/petitions/lifecycle.js";
import { eraseFromOutbox } from "../outboxErasure.js";
import type { PetitionMilestones } from "./petitionMilestones.js";
import { milestoneJobIds, plainFields, type PetitionStore } from "./petitionRecords.js";
import type { PetitionService, PetitionServiceDeps } from "./petitionTypes.js";
import { lastCallReminderId } from "./petitionDeadlines.js";

export function createPetitionSigning(
  deps: PetitionServiceDeps,
  store: PetitionStore,
  milestones: PetitionMilestones,
): Pick<PetitionService, "signatureOf" | "sign" | "withdraw"> {
  const { models, clock, timeZone } = deps;
  const fields = deps.fields ?? plainFields;
  const { refOf, countAfterWrite, findByRef } = store;
  return {
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
        if (!isDuplicateKeyError(error)) throw error;
        // One row per user and petition: signing again after a withdrawal revives it; an active one stays as it is.
        const revived = await models.petitionSignatures
          .updateOne({ petitionId: petition._id, userId, state: "withdrawn" }, { $set: { state: "active", ...personal } })
          .exec();
        if (revived.modifiedCount !== 1) return { ok: false, error: "already_signed" };
      }
      const count = await countAfterWrite(petition._id.toHexString());
      await milestones.recordMilestones(petition, count);
      // Signed after the last call was scheduled (it may be waiting for the morning): it goes.
      if (petition.lastCallScheduledAt) await deps.reminders?.cancelByPrefix(lastCallReminderId(petition._id.toHexString(), userId));
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
  };
}
