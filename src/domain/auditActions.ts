// Every action the audit trail records, in one list: the services may record only these
// (`AuditTrail.record` takes an `AuditAction`), /audit shows each with a label in the reader's
// language (a unit test fails when a locale lacks one), and the details /audit may show of each are
// whitelisted here: counts, statuses and kinds — never content. Anything else stored is not shown.

import { z } from "zod";
import { CASE_STATUSES } from "./caseStatus.js";
import { PETITION_STATUSES } from "./petitions/lifecycle.js";

const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const caseStatus = z.enum(CASE_STATUSES);
const petitionStatus = z.enum(PETITION_STATUSES);
const teamRole = z.enum(["volunteer", "coordinator"]);
/** Who a broadcast or an event invitation went to (the kinds of `services/broadcasts.ts`' audience). */
export const AUDIT_AUDIENCE_KINDS = ["families", "language", "caseStatus", "signers", "eventYes"] as const;
const audienceKind = z.enum(AUDIT_AUDIENCE_KINDS);
/** The fields a /find filter used (`filterKind` of domain/caseSearchFilter.ts: "name+province", "all"). */
export const AUDIT_SEARCH_FIELDS = ["name", "reference", "province", "status", "location", "duplicatesPending", "registeredFrom", "registeredTo"] as const;
export type AuditSearchField = (typeof AUDIT_SEARCH_FIELDS)[number];
const searchFields = z
  .string()
  .max(200)
  .transform((kind, ctx): AuditSearchField[] => {
    if (kind === "all") return [];
    const fields = kind.split("+");
    if (!fields.every((f): f is AuditSearchField => (AUDIT_SEARCH_FIELDS as readonly string[]).includes(f))) {
      ctx.addIssue({ code: "custom", message: "unknown search field" });
      return z.NEVER;
    }
    return fields;
  });
/** A case reference (the subject of a merge), never anything typed by a person. */
const caseReference = z.string().regex(/^\d{4}-\d{4}-\d$/);

/** The details /audit shows of each action; a field missing or of another shape is left out. */
export const AUDIT_ACTION_DETAILS = {
  "audit.view": { count },
  "broadcast.start": { kind: audienceKind, recipients: count },
  "broadcast.pause": {},
  "broadcast.resume": {},
  "broadcast.cancel": {},
  "case.view": { families: count, contacts: count },
  "case.search": { filter: searchFields, results: count },
  "case.export": { filter: searchFields, rows: count },
  "case.status": { from: caseStatus, to: caseStatus },
  "case.withdraw": {},
  "case.duplicate.confirm": { into: caseReference, moved: count },
  "case.duplicate.reject": {},
  "event.create": { kind: audienceKind, recipients: count },
  "event.move": { told: count },
  "event.cancel": { told: count },
  "invite.create": { role: teamRole },
  "invite.accept": { role: teamRole },
  "role.revoke": { role: teamRole, invitesVoided: count },
  "team.list": {},
  "letters.export": { letters: count },
  "location.add": {},
  "location.deactivate": {},
  "mydata.export": {},
  "mydata.erase": {},
  "petition.create": {},
  "petition.edit": { version: count },
  "petition.status": { from: petitionStatus, to: petitionStatus },
  "petition.last-call": { days: count },
  "petition.stats": {},
  "petition.export": { signatures: count, appeals: count },
  "petition.attachments": {},
  "stats.view": { scope: z.union([z.literal("all"), count]) },
} as const satisfies Record<string, z.ZodRawShape>;

export type AuditAction = keyof typeof AUDIT_ACTION_DETAILS;
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_DETAILS) as AuditAction[];

type Shape<A extends AuditAction> = (typeof AUDIT_ACTION_DETAILS)[A];
/** The shown details of one action: each field present only when it was stored in the expected shape. */
export type AuditDetails<A extends AuditAction = AuditAction> = { [K in keyof Shape<A>]?: Shape<A>[K] extends z.ZodType ? z.output<Shape<A>[K]> : never };

/** One entry as /audit may show it: a known action with its whitelisted details, or a code it does not know (an older entry). */
export type AuditEntryView = { [A in AuditAction]: { action: A; details: AuditDetails<A> } }[AuditAction] | { action: "unknown"; code: string };

export function isAuditAction(code: string): code is AuditAction {
  return Object.hasOwn(AUDIT_ACTION_DETAILS, code);
}

/** The locale key of an action's label: "case.duplicate.confirm" → "audit-action-case-duplicate-confirm". */
export function auditActionLabelKey(action: AuditAction): string {
  return `audit-action-${action.replaceAll(".", "-")}`;
}

/** Keeps only the whitelisted details of a stored entry (an unknown or malformed field is dropped, never shown). */
export function readAuditEntry(code: string, stored: Readonly<Record<string, unknown>> | undefined): AuditEntryView {
  if (!isAuditAction(code)) return { action: "unknown", code };
  const shape: Readonly<Record<string, z.ZodType>> = AUDIT_ACTION_DETAILS[code];
  const details: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(shape)) {
    const parsed = schema.safeParse(stored?.[field]);
    if (parsed.success && parsed.data !== undefined) details[field] = parsed.data;
  }
  return { action: code, details } as AuditEntryView;
}

/**
 * What an admin can ask /audit for by kind of action (`/audit exports`): the question the issue asks
 * ("who viewed, searched, exported, changed a status or roles"), each a fixed list of actions.
 */
export const AUDIT_KINDS = {
  views: ["case.view", "team.list", "stats.view", "petition.stats", "audit.view"],
  searches: ["case.search"],
  exports: ["case.export", "petition.export", "letters.export", "petition.attachments", "mydata.export"],
  statuses: ["case.status", "petition.status", "case.duplicate.confirm", "case.duplicate.reject", "case.withdraw"],
  roles: ["invite.create", "invite.accept", "role.revoke"],
} as const satisfies Record<string, readonly AuditAction[]>;
export type AuditKind = keyof typeof AUDIT_KINDS;
export const AUDIT_KIND_NAMES = Object.keys(AUDIT_KINDS) as AuditKind[];
