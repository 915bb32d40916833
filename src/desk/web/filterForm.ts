// The cases table's filter as typed (strings from inputs) → the contract's DeskCaseFilter.
// Dates may be typed in Solar Hijri ("۱۴۰۵/۰۹/۰۷") or Gregorian ("2026-11-28"); the server gets ISO days.
// Pure, shared with the unit tests.

import { parseCaseReference } from "../../domain/caseReference.js";
import { parseTypedDay } from "../../domain/typedDay.js";
import type { DeskCaseFilter } from "../shared/deskApi.js";

export interface FilterDraft {
  name: string;
  reference: string;
  province: string;
  status: string;
  location: string;
  registeredFrom: string;
  registeredTo: string;
  duplicatesPending: boolean;
}

export const EMPTY_DRAFT: FilterDraft = {
  name: "",
  reference: "",
  province: "",
  status: "",
  location: "",
  registeredFrom: "",
  registeredTo: "",
  duplicatesPending: false,
};

export type FilterProblem = "reference" | "registeredFrom" | "registeredTo" | "dateOrder";

export type FilterParse = { ok: true; filter: DeskCaseFilter } | { ok: false; problems: FilterProblem[] };

/** Longer names are refused by the server (src/domain/caseSearchFilter.ts SEARCH_NAME_LIMIT). */
const NAME_LIMIT = 100;

export function filterFromDraft(draft: FilterDraft): FilterParse {
  const filter: DeskCaseFilter = {};
  const problems: FilterProblem[] = [];
  const name = draft.name.trim().slice(0, NAME_LIMIT);
  // A reference typed in the name box (as /find takes it) searches by reference.
  const referenceInName = name && !draft.reference.trim() ? parseCaseReference(name) : null;
  if (referenceInName) filter.reference = referenceInName;
  else if (name) filter.name = name;
  if (draft.reference.trim()) {
    const reference = parseCaseReference(draft.reference);
    if (reference) filter.reference = reference;
    else problems.push("reference");
  }
  if (draft.province) filter.province = draft.province;
  if (draft.status) filter.status = draft.status;
  if (draft.location) filter.location = draft.location;
  for (const field of ["registeredFrom", "registeredTo"] as const) {
    if (!draft[field].trim()) continue;
    const iso = parseTypedDay(draft[field]);
    if (iso) filter[field] = iso;
    else problems.push(field);
  }
  if (filter.registeredFrom && filter.registeredTo && filter.registeredFrom > filter.registeredTo) problems.push("dateOrder");
  if (draft.duplicatesPending) filter.duplicatesPending = true;
  return problems.length > 0 ? { ok: false, problems } : { ok: true, filter };
}
