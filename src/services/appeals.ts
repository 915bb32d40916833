import type { Clock } from "../clock.js";
import type { Models } from "../db/models/index.js";
import type { AppealContent } from "../domain/petitions/content.js";
import type { UserRefCipher } from "../security/fieldCipher.js";
import { plainFields, type FieldSealer } from "./petitions.js";

export type AppealError = "not_found" | "not_open" | "not_signed" | "too_many";
export type AppealResult<T> = { ok: true; value: T } | { ok: false; error: AppealError };

/** Enough for a letter in several parts (text, a photo of the handwritten page, a voice message). */
export const MAX_APPEALS_PER_SIGNATURE = 5;
export const MAX_ACTIVE_LETTERS_PER_USER = 20;

export interface AppealService {
  /** A personal appeal given with an active signature on an open petition. */
  addToSignature(userId: number, ref: string, content: AppealContent): Promise<AppealResult<{ id: string }>>;
  /** A standalone letter to a relative in the camp, collected for a delegation to deliver. */
  addLetter(userId: number, input: { recipientName: string; senderName: string; content: AppealContent }): Promise<AppealResult<{ id: string }>>;
}

export function createAppealService(deps: { models: Models; clock: Clock; fields?: FieldSealer; cipher: UserRefCipher }): AppealService {
  const { models, clock, cipher } = deps;
  const fields = deps.fields ?? plainFields;

  const contentFields = (content: AppealContent) => ({
    kind: content.kind,
    text: content.kind === "voice" ? null : (fields.encryptOptional(content.text) ?? null),
    // A file id lets anyone holding the bot token download the photo or voice: encrypted like text.
    fileId: content.kind === "text" ? null : (fields.encryptOptional(content.fileId) ?? null),
    fileUniqueId: content.kind === "text" ? null : (fields.encryptOptional(content.fileUniqueId) ?? null),
    fileSize: content.kind === "text" ? null : (content.fileSize ?? null),
    durationSeconds: content.kind === "voice" ? content.durationSeconds : null,
  });

  return {
    async addToSignature(telegramId, ref, content) {
      const userId = cipher.userRef(telegramId);
      const petition = await models.petitions.findOne({ ref }, { _id: 1, status: 1 }).lean().exec();
      if (!petition) return { ok: false, error: "not_found" };
      if (petition.status !== "open") return { ok: false, error: "not_open" };
      const signed = await models.petitionSignatures.exists({ petitionId: petition._id, userId, state: "active" }).exec();
      if (!signed) return { ok: false, error: "not_signed" };
      const existing = await models.appeals.countDocuments({ petitionId: petition._id, userId, state: "active" }).exec();
      if (existing >= MAX_APPEALS_PER_SIGNATURE) return { ok: false, error: "too_many" };
      const created = await models.appeals.create({ petitionId: petition._id, userId, state: "active", createdAt: clock.now(), ...contentFields(content) });
      return { ok: true, value: { id: created._id.toHexString() } };
    },

    async addLetter(telegramId, input) {
      const userId = cipher.userRef(telegramId);
      const existing = await models.appeals.countDocuments({ petitionId: null, userId, state: "active" }).exec();
      if (existing >= MAX_ACTIVE_LETTERS_PER_USER) return { ok: false, error: "too_many" };
      const created = await models.appeals.create({
        petitionId: null,
        userId,
        state: "active",
        createdAt: clock.now(),
        recipientName: fields.encryptOptional(input.recipientName) ?? null,
        senderName: fields.encryptOptional(input.senderName) ?? null,
        ...contentFields(input.content),
      });
      return { ok: true, value: { id: created._id.toHexString() } };
    },
  };
}
