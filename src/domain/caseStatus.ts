// Where a family's case stands, and who may move it on. A case is reviewed, verified, then
// volunteers reach out until contact is established; a coordinator can close it with a reason
// and reopen it. A family may only withdraw its own case.

export const CASE_STATUSES = [
  "registered",
  "under_review",
  "verified",
  "outreach",
  "contact_established",
  "closed",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CLOSE_REASONS = ["reunited", "withdrawn_by_family", "duplicate", "not_found", "other"] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const CASE_ACTORS = ["family", "volunteer", "coordinator", "system"] as const;
export type CaseActor = (typeof CASE_ACTORS)[number];

export interface TransitionRequest {
  to: CaseStatus;
  actor: CaseActor;
  /** Required when closing, refused otherwise. */
  reason?: CloseReason;
  /** Free text for the audit trail ("needs the year he left"); not interpreted here. */
  note?: string;
}

export type TransitionResult =
  | { ok: true; status: CaseStatus; closeReason?: CloseReason }
  | { ok: false; error: "not_allowed" | "same_status" | "reason_required" | "reason_not_allowed" };

/** Who may move a case along each edge, closing excepted (see CLOSERS). */
const TRANSITIONS: Readonly<Record<CaseStatus, Partial<Record<CaseStatus, readonly CaseActor[]>>>> = {
  registered: { under_review: ["volunteer", "coordinator"] },
  under_review: { verified: ["coordinator"], registered: ["coordinator"] },
  verified: { outreach: ["volunteer", "coordinator"] },
  outreach: { contact_established: ["volunteer", "coordinator"] },
  contact_established: { outreach: ["coordinator"] },
  closed: { under_review: ["coordinator"] },
};

/** Who may close an open case, and with which reasons. */
const CLOSERS: Readonly<Partial<Record<CaseActor, readonly CloseReason[]>>> = {
  coordinator: CLOSE_REASONS,
  family: ["withdrawn_by_family"],
};

export function isCaseStatus(s: string): s is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(s);
}

export function isCloseReason(s: string): s is CloseReason {
  return (CLOSE_REASONS as readonly string[]).includes(s);
}

export function isCaseActor(s: string): s is CaseActor {
  return (CASE_ACTORS as readonly string[]).includes(s);
}

export function isClosed(status: CaseStatus): boolean {
  return status === "closed";
}

function mayClose(current: CaseStatus, actor: CaseActor): boolean {
  return !isClosed(current) && CLOSERS[actor] !== undefined;
}

/** The statuses an actor may move a case to from its current status. */
export function allowedTargets(current: CaseStatus, actor: CaseActor): CaseStatus[] {
  return CASE_STATUSES.filter(
    (to) => (TRANSITIONS[current][to]?.includes(actor) ?? false) || (to === "closed" && mayClose(current, actor)),
  );
}

export function transition(current: CaseStatus, request: TransitionRequest): TransitionResult {
  const { to, actor, reason } = request;
  if (to === current) return { ok: false, error: "same_status" };

  if (to === "closed") {
    if (!mayClose(current, actor)) return { ok: false, error: "not_allowed" };
    if (reason === undefined) return { ok: false, error: "reason_required" };
    if (!CLOSERS[actor]?.includes(reason)) return { ok: false, error: "not_allowed" };
    return { ok: true, status: "closed", closeReason: reason };
  }

  if (!TRANSITIONS[current][to]?.includes(actor)) return { ok: false, error: "not_allowed" };
  if (reason !== undefined) return { ok: false, error: "reason_not_allowed" };
  return { ok: true, status: to };
}
