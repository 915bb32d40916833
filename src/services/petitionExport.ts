import type { Types } from "mongoose";
import type { Clock } from "../clock.js";
import type { Models } from "../db/models/index.js";
import type { AppealRecord } from "../db/models/appeal.js";
import type { PetitionRecord } from "../db/models/petition.js";
import { csvDocument, type CsvValue } from "../domain/petitions/csv.js";
import { provinceName } from "../domain/provinces.js";
import { can, type ActingUser, type ActorLookup } from "../domain/roles.js";
import type { UserRef } from "../security/fieldCipher.js";
import type { AuditTrail } from "./audit.js";
import { petitionView, plainFields, type FieldSealer, type PetitionResult, type PetitionView } from "./petitions.js";

/** Columns of the signatures file, documented in the README ("Petitions"). */
export const SIGNATURE_COLUMNS = [
  "number",
  "signed_at",
  "signed_day",
  "name",
  "name_shown",
  "province",
  "province_fa",
  "country",
  "relation",
  "text_version",
  "appeals",
] as const;

/** Columns of the appeals file; `attachment` names the file the bot sends with the same caption. */
export const APPEAL_COLUMNS = ["appeal", "created_at", "signer_number", "name", "kind", "text", "attachment", "telegram_file_id", "file_size_bytes", "duration_seconds"] as const;

export const LETTER_COLUMNS = ["letter", "created_at", "to", "from", "kind", "text", "attachment", "telegram_file_id", "file_size_bytes", "duration_seconds"] as const;

export interface ExportAttachment {
  /** "A-0003" (appeal) or "L-0007" (letter): the caption it is sent with and its row in the file. */
  label: string;
  kind: "photo" | "voice";
  fileId: string;
}

export interface PetitionExport {
  petition: PetitionView;
  totals: {
    signatures: number;
    withdrawals: number;
    appeals: number;
    byProvince: { province: string | null; count: number }[];
    firstSignedAt: Date | null;
    lastSignedAt: Date | null;
    textVersions: number[];
  };
  signaturesCsv: string;
  appealsCsv: string;
  attachments: ExportAttachment[];
  exportedAt: Date;
}

export interface LettersExport {
  count: number;
  lettersCsv: string;
  attachments: ExportAttachment[];
  exportedAt: Date;
}

export interface PetitionExportService {
  exportPetition(actor: ActingUser, ref: string): Promise<PetitionResult<PetitionExport>>;
  exportLetters(actor: ActingUser): Promise<PetitionResult<LettersExport>>;
  /** The photos and voice messages of an export ("letters" or a petition ref), numbered as in its file. */
  attachments(actor: ActingUser, scope: string): Promise<PetitionResult<ExportAttachment[]>>;
}

const extensionOf = (kind: AppealRecord["kind"]) => (kind === "photo" ? "jpg" : kind === "voice" ? "ogg" : "");
const label = (prefix: string, n: number) => `${prefix}-${String(n).padStart(4, "0")}`;

/** Appeals numbered in the order they were written: "A-0001" in a petition's files, "L-0001" for letters. */
function numberAppeals(records: readonly AppealRecord[], prefix: "A" | "L"): { label: string; record: AppealRecord }[] {
  return records.map((record, index) => ({ label: label(prefix, index + 1), record }));
}

function attachmentsOf(numbered: readonly { label: string; record: AppealRecord }[], fields: FieldSealer): ExportAttachment[] {
  return numbered.flatMap(({ label: name, record }) =>
    (record.kind === "photo" || record.kind === "voice") && record.fileId ? [{ label: name, kind: record.kind, fileId: fields.decryptOptional(record.fileId) ?? "" }] : [],
  );
}

function attachmentCells(appeal: AppealRecord, name: string, fields: FieldSealer): CsvValue[] {
  if (appeal.kind === "text" || !appeal.fileId) return ["", "", "", ""];
  return [`${name}.${extensionOf(appeal.kind)}`, fields.decryptOptional(appeal.fileId) ?? "", appeal.fileSize ?? null, appeal.durationSeconds ?? null];
}

export function createPetitionExportService(deps: { models: Models; clock: Clock; audit: AuditTrail; fields?: FieldSealer; actorNow: ActorLookup }): PetitionExportService {
  const { models, clock, audit, actorNow } = deps;
  const fields = deps.fields ?? plainFields;

  /** Active signatures in signing order, and the appeals given with them (an appeal without its signature is not delivered). */
  async function loadPetitionAppeals(petitionId: Types.ObjectId) {
    const signatures = await models.petitionSignatures.find({ petitionId, state: "active" }).sort({ signedAt: 1, _id: 1 }).lean().exec();
    const appeals = await models.appeals.find({ petitionId, state: "active" }).sort({ createdAt: 1, _id: 1 }).lean().exec();
    const signerNumber = new Map(signatures.map((s, i) => [s.userId, i + 1]));
    return { signatures, signerNumber, numbered: numberAppeals(appeals.filter((a) => signerNumber.has(a.userId)), "A") };
  }

  const loadLetters = () => models.appeals.find({ petitionId: null, state: "active" }).sort({ createdAt: 1, _id: 1 }).lean().exec();

  return {
    async exportPetition(acting, ref) {
      const actor = await actorNow(acting.userId);
      if (!can(actor, "petition.export")) return { ok: false, error: "forbidden" };
      const petition = await models.petitions.findOne({ ref }).lean<PetitionRecord>().exec();
      if (!petition) return { ok: false, error: "not_found" };
      const exportedAt = clock.now();

      const { signatures, signerNumber, numbered } = await loadPetitionAppeals(petition._id);
      const withdrawals = await models.petitionWithdrawals.countDocuments({ petitionId: petition._id }).exec();
      const appealLabels = new Map<UserRef, string[]>();
      const appealRows = numbered.map(({ label: name, record: appeal }): CsvValue[] => {
        const number = signerNumber.get(appeal.userId)!;
        appealLabels.set(appeal.userId, [...(appealLabels.get(appeal.userId) ?? []), name]);
        const signature = signatures[number - 1]!;
        return [
          name,
          appeal.createdAt.toISOString(),
          number,
          signature.nameDisplay === "anonymous" ? "" : fields.decryptOptional(signature.name),
          appeal.kind,
          fields.decryptOptional(appeal.text),
          ...attachmentCells(appeal, name, fields),
        ];
      });

      const provinceCounts = new Map<string | null, number>();
      const versions = new Set<number>();
      const signatureRows = signatures.map((s, index): CsvValue[] => {
        provinceCounts.set(s.province ?? null, (provinceCounts.get(s.province ?? null) ?? 0) + 1);
        versions.add(s.textVersion);
        return [
          index + 1,
          s.signedAt.toISOString(),
          s.signedDay,
          s.nameDisplay === "anonymous" ? "" : fields.decryptOptional(s.name),
          s.nameDisplay,
          s.province ? provinceName(s.province, "en") : "",
          s.province ? provinceName(s.province, "fa") : "",
          fields.decryptOptional(s.country),
          s.relation ?? "",
          s.textVersion,
          (appealLabels.get(s.userId) ?? []).join(" "),
        ];
      });

      await audit.record(actor.userId, "petition.export", ref, { signatures: signatures.length, appeals: appealRows.length });
      return {
        ok: true,
        value: {
          petition: petitionView(petition),
          totals: {
            signatures: signatures.length,
            withdrawals,
            appeals: appealRows.length,
            byProvince: [...provinceCounts].map(([province, count]) => ({ province, count })).sort((a, b) => b.count - a.count),
            firstSignedAt: signatures[0]?.signedAt ?? null,
            lastSignedAt: signatures.at(-1)?.signedAt ?? null,
            textVersions: [...versions].sort((a, b) => a - b),
          },
          signaturesCsv: csvDocument(SIGNATURE_COLUMNS, signatureRows),
          appealsCsv: csvDocument(APPEAL_COLUMNS, appealRows),
          attachments: attachmentsOf(numbered, fields),
          exportedAt,
        },
      };
    },

    async exportLetters(acting) {
      const actor = await actorNow(acting.userId);
      if (!can(actor, "petition.export")) return { ok: false, error: "forbidden" };
      const letters = await loadLetters();
      const numbered = numberAppeals(letters, "L");
      const rows = numbered.map(({ label: name, record: letter }): CsvValue[] => [
        name,
        letter.createdAt.toISOString(),
        fields.decryptOptional(letter.recipientName),
        fields.decryptOptional(letter.senderName),
        letter.kind,
        fields.decryptOptional(letter.text),
        ...attachmentCells(letter, name, fields),
      ]);
      await audit.record(actor.userId, "letters.export", undefined, { letters: letters.length });
      return { ok: true, value: { count: letters.length, lettersCsv: csvDocument(LETTER_COLUMNS, rows), attachments: attachmentsOf(numbered, fields), exportedAt: clock.now() } };
    },

    async attachments(acting, scope) {
      const actor = await actorNow(acting.userId);
      if (!can(actor, "petition.export")) return { ok: false, error: "forbidden" };
      if (scope === "letters") return { ok: true, value: attachmentsOf(numberAppeals(await loadLetters(), "L"), fields) };
      const petition = await models.petitions.findOne({ ref: scope }, { _id: 1 }).lean().exec();
      if (!petition) return { ok: false, error: "not_found" };
      await audit.record(actor.userId, "petition.attachments", scope);
      return { ok: true, value: attachmentsOf((await loadPetitionAppeals(petition._id)).numbered, fields) };
    },
  };
}
