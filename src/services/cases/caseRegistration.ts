// A family registers a relative: the case, the family's link to it (with consent) and its first event.

import { cryptoRandomInt } from "../../clock.js";
import type { CaseRecord } from "../../db/models/case.js";
import { isDuplicateKeyError } from "../../db/duplicateKeys.js";
import { generateCaseReference } from "../../domain/caseReference.js";
import { registrationWeek } from "../../domain/registrationWeek.js";
import type { createDuplicateFinder } from "./caseDuplicates.js";
import { linkFields, nameTokensOf, relativeFields } from "./caseRecordMapping.js";
import { objectId, type CaseStore } from "./caseStore.js";
import type { CaseService, CaseServiceDeps } from "./caseTypes.js";

export function createCaseRegistration(
  deps: CaseServiceDeps,
  store: CaseStore,
  duplicates: ReturnType<typeof createDuplicateFinder>,
): Pick<CaseService, "register" | "checkDuplicates" | "checkUncheckedDuplicates"> {
  const { models, clock, cipher } = deps;
  const referenceRandom = deps.referenceRandom ?? cryptoRandomInt;
  return {
    async register({ userId: telegramId, locale, draft, consentAt, duplicateSearch = "now" }) {
      const userId = store.refOf(telegramId);
      const now = clock.now();
      // Handling is at least once (an update in flight at a crash is handled again, and the
      // conversation replays the same consent time): the second run finds what the first stored.
      const registrationKey = cipher.searchToken(`registration:${userId}:${consentAt.toISOString()}`);
      const earlier = await models.cases.findOne({ registrationKey }).lean().exec();
      let created: CaseRecord | undefined = earlier ?? undefined;
      let possibleDuplicate: boolean | "unchecked" = earlier?.duplicateReview === "unchecked" ? "unchecked" : (earlier?.possibleDuplicates.length ?? 0) > 0;
      if (!created) {
        const tokens = nameTokensOf(draft.fullName, draft.otherNames, cipher);
        const person = { fullName: draft.fullName, otherNames: draft.otherNames, birthYear: draft.birthYear, province: draft.familyProvince };
        // null: not searched yet (checkDuplicates runs it after the family's answer).
        const found = duplicateSearch === "now" ? await duplicates.findPossibleDuplicates(person) : null;
        possibleDuplicate = found ? found.length > 0 : "unchecked";
        const base = {
          status: "registered" as const,
          relative: relativeFields(draft, cipher),
          nameTokens: tokens,
          province: draft.familyProvince,
          registeredBy: userId,
          registrationKey,
          possibleDuplicates: found ?? [],
          duplicateReview: !found ? ("unchecked" as const) : found.length > 0 ? ("pending" as const) : ("none" as const),
          createdAt: now,
          registeredWeek: registrationWeek(now),
          updatedAt: now,
        };
        // A reference collision is astronomically rare, but the unique index decides.
        for (let attempt = 0; attempt < 5 && !created; attempt++) {
          try {
            created = (await models.cases.create({ ...base, reference: generateCaseReference(referenceRandom) })).toObject();
          } catch (error) {
            if (!isDuplicateKeyError(error)) throw error;
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

    async checkDuplicates(caseId) {
      const id = objectId(caseId);
      return id ? duplicates.checkSavedCase(id) : false;
    },

    async checkUncheckedDuplicates(savedBefore) {
      return duplicates.checkLeftovers(savedBefore);
    },
  };
}
