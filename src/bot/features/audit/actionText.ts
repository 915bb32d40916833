import { AUDIT_ACTION_DETAILS, auditActionLabelKey, type AuditAction, type AuditDetails, type AuditEntryView, type AuditSearchField } from "../../../domain/auditActions.js";
import { formatDigits, isPersianLocale } from "../../../domain/digits.js";

/** Label keys of the audiences a broadcast or an event went to. */
const AUDIENCE_KEYS: Readonly<Record<string, string>> = {
  families: "audit-audience-families",
  language: "audit-audience-language",
  caseStatus: "audit-audience-case-status",
  signers: "audit-audience-signers",
  eventYes: "audit-audience-event-yes",
};

/** Label keys of what a /find filter used (its values are never stored). */
const SEARCH_FIELD_KEYS: Readonly<Record<AuditSearchField, string>> = {
  name: "audit-search-name",
  reference: "audit-search-reference",
  province: "audit-search-province",
  status: "audit-search-status",
  location: "audit-search-location",
  duplicatesPending: "audit-search-duplicates",
  registeredFrom: "audit-search-dates",
  registeredTo: "audit-search-dates",
};

type Args = Record<string, string | number>;
/** The translator of the reader's language (`ctx.t`). */
export type Translate = (key: string, args?: Args) => string;

/**
 * One action as a phrase in the reader's language: "searched cases by name: 3 results". Only the
 * whitelisted details (counts, statuses, kinds) reach it; a missing one is shown as "?".
 */
export function actionText(t: Translate, view: AuditEntryView, locale: string): string {
  if (view.action === "unknown") return `\u2068${view.code}\u2069`;
  return t(auditActionLabelKey(view.action), argsOf(t, view.action, view.details, locale));
}

function argsOf(t: Translate, action: AuditAction, details: AuditDetails, locale: string): Args {
  const d = details as Record<string, unknown>;
  const missing = "?";
  const args: Args = {};
  for (const field of Object.keys(AUDIT_ACTION_DETAILS[action])) args[field] = typeof d[field] === "number" ? d[field] : missing;
  const word = (key: string | undefined) => (key ? t(key) : missing);
  switch (action) {
    case "case.search":
    case "case.export": {
      const fields = d.filter as AuditSearchField[] | undefined;
      const names = fields === undefined ? [missing] : fields.length === 0 ? [t("audit-search-all")] : [...new Set(fields.map((f) => t(SEARCH_FIELD_KEYS[f])))];
      args.filter = names.join(isPersianLocale(locale) ? "، " : ", ");
      // "listed all cases", not "searched cases by all cases".
      args.filtered = fields !== undefined && fields.length === 0 ? "all" : "some";
      break;
    }
    case "case.status":
      args.from = word(d.from ? `status-${String(d.from)}` : undefined);
      args.to = word(d.to ? `status-${String(d.to)}` : undefined);
      break;
    case "petition.status":
      args.from = word(d.from ? `pet-status-${String(d.from)}` : undefined);
      args.to = word(d.to ? `pet-status-${String(d.to)}` : undefined);
      break;
    case "broadcast.start":
    case "event.create":
      args.audience = word(AUDIENCE_KEYS[String(d.kind)]);
      break;
    case "invite.create":
    case "invite.accept":
    case "role.revoke":
      args.role = word(d.role ? `role-${String(d.role)}` : undefined);
      break;
    case "case.duplicate.confirm":
      args.into = typeof d.into === "string" ? formatDigits(d.into, locale) : missing;
      break;
    case "stats.view":
      args.scope = d.scope === undefined ? missing : d.scope === "all" ? t("audit-stats-all") : t("audit-stats-provinces", { count: d.scope as number });
      break;
    default:
      break;
  }
  return args;
}
