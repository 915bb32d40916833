// The coordinator's desk (issue #12): the JSON the desk's web page and the bot's HTTP server
// exchange. Types only (the web bundle imports them with `import type`, so nothing of this file is
// shipped); the server checks every request body with the zod schemas in src/desk/server/.
//
// Every request carries Telegram's init data: header `Authorization: tma <initData>` (the raw query
// string Telegram hands the page in `#tgWebAppData`). Answers: 200 with the JSON below; 400
// `{ error: "invalid" }` for a body that fails its schema; 401 `{ error: "unauthorized" }` for
// missing, forged, expired (older than one hour) or another bot's init data; 403
// `{ error: "forbidden" }` for a user whose role (read from the database at each request) does not
// allow the action — families always; 404 `{ error: "not_found" }`; 413 `{ error: "too_large" }` for a
// body over 64 KB; 503 `{ error: "unavailable" }` while the database is away (try again);
// 500 `{ error: "internal" }` otherwise.

export type DeskRole = "volunteer" | "coordinator" | "admin";

/** A code and its label in the reader's language. */
export interface Labelled {
  code: string;
  label: string;
}

/** GET /desk/api/session — who is looking, in which language, and the words of the page. */
export interface DeskSession {
  locale: "fa" | "en" | "sq";
  dir: "rtl" | "ltr";
  role: DeskRole;
  /** "all" for coordinators and admins; a volunteer's provinces otherwise. */
  provinces: "all" | string[];
  can: {
    /** Coordinators and admins: the families' contact details on a case. */
    seeContacts: boolean;
    /** Coordinators and admins: ask the bot for the CSV of the current filter. */
    export: boolean;
  };
  /** Every `desk-*` string of the locale files, rendered in the reader's language (keys without the `desk-` prefix). */
  strings: Record<string, string>;
  /** Choices for the filters, labelled in the reader's language. */
  choices: {
    provinces: Labelled[];
    statuses: Labelled[];
    locations: Labelled[];
    closeReasons: Labelled[];
  };
}

/** The filter of the cases table — the same fields as /find (src/domain/caseSearchFilter.ts). */
export interface DeskCaseFilter {
  name?: string;
  reference?: string;
  province?: string;
  status?: string;
  location?: string;
  /** ISO days "YYYY-MM-DD" (the page converts from Solar Hijri when the reader types one). */
  registeredFrom?: string;
  registeredTo?: string;
  duplicatesPending?: boolean;
}

export type DeskCaseSortField = "registered" | "status" | "province";

/** POST /desk/api/cases — a page of the table (20 rows), sorted and filtered on the server. */
export interface DeskCasesRequest {
  filter: DeskCaseFilter;
  sort: { field: DeskCaseSortField; direction: "asc" | "desc" };
  /** From 0. */
  page: number;
}

export interface DeskCaseRow {
  caseId: string;
  reference: string;
  fullName: string;
  status: string;
  statusLabel: string;
  province: string;
  provinceLabel: string;
  /** ISO timestamp. */
  registeredAt: string;
  /** Registered, in the reader's calendar and digits ("۷ آذر ۱۴۰۵"). */
  registeredLabel: string;
  duplicatePending: boolean;
}

export interface DeskCasesPage {
  rows: DeskCaseRow[];
  page: number;
  pages: number;
  total: number;
}

export interface DeskTimelineEntry {
  at: string;
  atLabel: string;
  /** Already in words: "Status: Being reviewed", "Registered", "Edited by the family". */
  what: string;
  familyNote?: string;
  /** Staff only. */
  internalNote?: string;
}

export interface DeskFamily {
  relationLabel: string;
  provinceLabel: string;
  city?: string;
  /** A phone number, or null: reach them through the bot. */
  phone: string | null;
}

/** GET /desk/api/cases/:caseId — one case on one screen (audited as `case.view`, like /case). */
export interface DeskCase {
  caseId: string;
  reference: string;
  status: string;
  statusLabel: string;
  closeReasonLabel?: string;
  provinceLabel: string;
  fullName: string;
  otherNames?: string;
  sexLabel?: string;
  birthYear?: number;
  leftYear?: number;
  locationLabel?: string;
  familyCount: number;
  /** Coordinators and admins only. */
  families?: DeskFamily[];
  possibleDuplicates: { caseId: string; reference: string }[];
  timeline: DeskTimelineEntry[];
  /** The statuses this reader may move the case to now (empty when none). */
  moves: Labelled[];
}

/** POST /desk/api/cases/:caseId/status — the same move as the chat's, families told through the outbox. */
export interface DeskStatusMove {
  to: string;
  /** Required when `to` is "closed". */
  closeReason?: string;
  /** Sent to the families (optional). */
  familyNote?: string;
  /** Staff only (optional). */
  internalNote?: string;
}

export interface DeskStatusMoved {
  status: string;
  statusLabel: string;
  /** Families told. */
  notified: number;
}

export interface DeskCount {
  key: string;
  label: string;
  count: number;
}

/** GET /desk/api/overview — the /stats figures, petitions and events, for charts. */
export interface DeskOverview {
  /** When the figures were counted, in words. */
  asOfLabel: string;
  totalCases: number;
  casesByProvince: DeskCount[];
  casesByStatus: DeskCount[];
  registrationsByMonth: DeskCount[];
  contactByMonth: DeskCount[];
  staleCases: number;
  signaturesByDay: DeskCount[];
  petitions: {
    ref: string;
    title: string;
    statusLabel: string;
    count: number;
    goal: number | null;
    byProvince: DeskCount[];
    byDay: DeskCount[];
  }[];
  events: { title: string; startsLabel: string; yes: number; maybe: number; no: number }[];
}

/** POST /desk/api/export — the bot sends the CSV of this filter to the reader's private chat (audited as `case.export`). */
export interface DeskExportRequest {
  filter: DeskCaseFilter;
}

export interface DeskExportSent {
  rows: number;
}
