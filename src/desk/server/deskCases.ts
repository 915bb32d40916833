// The desk's cases: the table (the /find search, in an order and 20 rows a page), one case on one
// screen (the /case card, by id) and a status move (the chat's move; families told through the
// outbox). Bodies are checked here with zod; the services re-read the role at the moment they act.

import { z } from "zod";
import { allowedTargets, CASE_STATUSES, CLOSE_REASONS } from "../../domain/caseStatus.js";
import { SEARCH_PAGE_LIMIT } from "../../domain/caseSearchFilter.js";
import { parseFreeText } from "../../domain/registration/answers.js";
import { can, caseActorOf } from "../../domain/roles.js";
import type { CaseError, CaseService, StaffCaseView } from "../../services/cases/caseTypes.js";
import { CASE_SORT_FIELDS, type CaseSearchService } from "../../services/cases/caseSearch.js";
import type { LocationService } from "../../services/locations.js";
import type { DeskCase, DeskCaseRow, DeskCasesPage, DeskStatusMoved } from "../shared/deskApi.js";
import { dayLabel, locationLabel, momentLabel, provinceLabel, provinceOrderFor, statusLabel, timelineWhat } from "./deskLabels.js";
import type { DeskAnswer, DeskReader } from "./deskReader.js";

/** Rows of the desk's table. */
export const DESK_PAGE_SIZE = 20;
/** As in the chat's status conversation. */
const NOTE_LIMIT = 500;

export const invalid: DeskAnswer = { status: 400, body: { error: "invalid" } };
export const forbidden: DeskAnswer = { status: 403, body: { error: "forbidden" } };
const notFound: DeskAnswer = { status: 404, body: { error: "not_found" } };

/**
 * The table's filter as the page sends it: a field left empty ("", false) is no filter. The values
 * themselves are checked by the search's own schema (caseSearchFilterSchema, strict), so a forged
 * one is refused there as it is for /find.
 */
const deskFilterSchema = z.record(z.string(), z.union([z.string(), z.boolean()])).transform((filter) => Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== "" && value !== false)));

const casesRequestSchema = z.strictObject({
  filter: deskFilterSchema,
  sort: z.strictObject({ field: z.enum(CASE_SORT_FIELDS), direction: z.enum(["asc", "desc"]) }),
  page: z.number().int().min(0).max(SEARCH_PAGE_LIMIT - 1),
});

export const exportRequestSchema = z.strictObject({ filter: deskFilterSchema });

/** Free text as the chat takes it (invisible marks and control characters out, at most NOTE_LIMIT); empty is none. */
const noteSchema = z
  .string()
  .max(NOTE_LIMIT * 4)
  .transform((raw, ctx) => {
    if (raw.trim() === "") return undefined;
    const parsed = parseFreeText(raw, NOTE_LIMIT, { multiline: true });
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  })
  .optional();

const statusMoveSchema = z.strictObject({
  to: z.enum(CASE_STATUSES),
  closeReason: z.enum(CLOSE_REASONS).optional(),
  familyNote: noteSchema,
  internalNote: noteSchema,
});

/** A refusal of the case service as an HTTP answer: who may not (403), what is not there (404), a move that cannot be (400), or one overtaken (409). */
function refusal(error: CaseError): DeskAnswer {
  switch (error) {
    case "forbidden":
      return forbidden;
    case "not_found":
      return notFound;
    case "not_allowed":
      return { status: 403, body: { error } };
    case "conflict":
    case "closed":
      return { status: 409, body: { error } };
    case "same_status":
    case "reason_required":
    case "reason_not_allowed":
      return { status: 400, body: { error } };
  }
}

export interface DeskCasesDeps {
  cases: Pick<CaseService, "findForStaffById" | "changeStatus">;
  caseSearch: Pick<CaseSearchService, "search">;
  locations: Pick<LocationService, "listActive">;
}

export function createDeskCases(deps: DeskCasesDeps) {
  const { cases, caseSearch, locations } = deps;

  /** The card in the reader's words; contacts only when the service gave them (coordinators and admins). */
  async function deskCaseOf(reader: DeskReader, view: StaffCaseView): Promise<DeskCase> {
    const activeLocations = view.location ? await locations.listActive() : [];
    return {
      caseId: view.caseId,
      reference: view.reference,
      status: view.status,
      statusLabel: statusLabel(reader, view.status),
      ...(view.closeReason ? { closeReasonLabel: reader.t(`close-reason-${view.closeReason}`) } : {}),
      provinceLabel: provinceLabel(reader, view.province),
      fullName: view.fullName,
      ...(view.otherNames ? { otherNames: view.otherNames } : {}),
      ...(view.sex === "male" || view.sex === "female" ? { sexLabel: reader.t(`sex-${view.sex}`) } : {}),
      ...(view.birthYear ? { birthYear: view.birthYear } : {}),
      ...(view.leftYear ? { leftYear: view.leftYear } : {}),
      ...(view.location ? { locationLabel: locationLabel(reader, view.location, activeLocations) } : {}),
      familyCount: view.familyCount,
      ...(view.families
        ? {
            families: view.families.map((family) => ({
              relationLabel: reader.t(`pet-relation-${family.relation}`),
              provinceLabel: provinceLabel(reader, family.province),
              ...(family.city ? { city: family.city } : {}),
              phone: family.reach.kind === "phone" ? family.reach.phone : null,
            })),
          }
        : {}),
      // As the chat's card: the flagged cases while the review is open.
      possibleDuplicates: view.duplicateReview === "pending" ? view.possibleDuplicates.map((d) => ({ caseId: d.caseId, reference: d.reference })) : [],
      timeline: view.timeline.map((entry) => ({
        at: entry.at.toISOString(),
        atLabel: momentLabel(reader, entry.at),
        what: timelineWhat(reader, entry),
        ...(entry.familyNote ? { familyNote: entry.familyNote } : {}),
        ...(entry.internalNote ? { internalNote: entry.internalNote } : {}),
      })),
      // The rule of the chat's status buttons (allowedTargets), for the role read for this request.
      moves: can(reader.actor, "case.status") ? allowedTargets(view.status, caseActorOf(reader.actor)).map((to) => ({ code: to, label: statusLabel(reader, to) })) : [],
    };
  }

  return {
    /** A page of the table: the /find search (kept as the person's current filter, audited as `case.search`). */
    async cases(reader: DeskReader, body: unknown): Promise<DeskAnswer> {
      const request = casesRequestSchema.safeParse(body);
      if (!request.success) return invalid;
      const { filter, sort, page } = request.data;
      const result = await caseSearch.search(reader.actor, filter, { sort, page, pageSize: DESK_PAGE_SIZE, provinceOrder: provinceOrderFor(reader) });
      if (!result.ok) return result.error === "forbidden" ? forbidden : invalid;
      const found = result.value;
      const rows: DeskCaseRow[] = found.hits.map((hit) => ({
        caseId: hit.caseId,
        reference: hit.reference,
        fullName: hit.fullName,
        status: hit.status,
        statusLabel: statusLabel(reader, hit.status),
        province: hit.province,
        provinceLabel: provinceLabel(reader, hit.province),
        registeredAt: hit.registeredAt.toISOString(),
        registeredLabel: dayLabel(reader, hit.registeredAt),
        duplicatePending: hit.duplicateReview === "pending",
      }));
      const answer: DeskCasesPage = { rows, page: found.page, pages: found.pages, total: found.total };
      return { status: 200, body: answer };
    },

    /** One case (audited as `case.view`, like /case); a forged or unknown id is 404, another province's case 403. */
    async caseCard(reader: DeskReader, caseId: string): Promise<DeskAnswer> {
      const result = await cases.findForStaffById(reader.actor, caseId);
      if (!result.ok) return refusal(result.error);
      return { status: 200, body: await deskCaseOf(reader, result.value) };
    },

    /** The chat's status move: the same service, the families told through the outbox. */
    async moveStatus(reader: DeskReader, caseId: string, body: unknown): Promise<DeskAnswer> {
      const request = statusMoveSchema.safeParse(body);
      if (!request.success) return invalid;
      const { to, closeReason, familyNote, internalNote } = request.data;
      const result = await cases.changeStatus(reader.actor, caseId, {
        to,
        ...(closeReason ? { reason: closeReason } : {}),
        ...(familyNote ? { familyNote } : {}),
        ...(internalNote ? { internalNote } : {}),
      });
      if (!result.ok) return refusal(result.error);
      const moved: DeskStatusMoved = { status: result.value.status, statusLabel: statusLabel(reader, result.value.status), notified: result.value.notified };
      return { status: 200, body: moved };
    },
  };
}
