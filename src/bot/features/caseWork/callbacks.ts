import { z } from "zod";
import { CASE_STATUSES, CLOSE_REASONS } from "../../../domain/caseStatus.js";
import { defineCallback } from "../../callbackData.js";

const objectId = z.string().regex(/^[a-f0-9]{24}$/);

/** Move a case to a status: `cst:<caseId>:<status>`. */
export const moveCase = defineCallback("cst", { caseId: objectId, to: z.enum(CASE_STATUSES) });
/** Confirm that a registration is a duplicate of another case. */
export const confirmDuplicate = defineCallback("cdp", { caseId: objectId, of: objectId });
/** Not the same person: clear the flag. */
export const rejectDuplicates = defineCallback("cdr", { caseId: objectId });
/** Inside the status conversation. */
export const closeReasonButton = defineCallback("csr", { reason: z.enum(CLOSE_REASONS) });
export const statusControl = defineCallback("csx", { action: z.enum(["skip", "confirm", "cancel"]) });
/** Locations list management. */
export const locationAction = defineCallback("loc", { action: z.enum(["add", "remove"]), code: z.string().regex(/^(loc_[a-f0-9]{8}|new)$/) });
/** /find: a page of the current filter's results (the page is checked again by the service). */
export const findPage = defineCallback("fpg", { page: z.string().regex(/^\d{1,6}$/) });
/** /find: open a result's case card. */
export const findOpen = defineCallback("fco", { reference: z.string().regex(/^\d{4}-\d{4}-\d$/) });
/** /find: a filter button (show its choices, toggle duplicates pending, or clear everything). */
export const findFilter = defineCallback("ffm", { field: z.enum(["province", "status", "location", "dates", "dup", "clear"]) });
/** /find: a chosen value for a filter ("any" lifts it). */
export const findChoice = defineCallback("ffs", { field: z.enum(["province", "status", "location", "dates"]), value: z.string().regex(/^[a-z0-9_]{1,30}$/) });
