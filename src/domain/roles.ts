/**
 * Who may do what. Everyone is a family member; volunteer and coordinator are granted by invite;
 * admins come from configuration. Anything not listed here is denied.
 */
export type Role = "family" | "volunteer" | "coordinator" | "admin";
export type GrantableRole = "volunteer" | "coordinator";

export interface Actor {
  userId: number;
  /** Plain array (not a Set) so an Actor survives JSON, e.g. in conversation replay logs. */
  roles: readonly Role[];
  /** Provinces a volunteer works for (empty for others). */
  provinces: readonly string[];
}

/**
 * Who asks for a privileged action. Services trust only the id and re-read the roles from the
 * database at the moment they act: a role revoked a second ago (or while a conversation was open)
 * no longer counts, whatever Actor the caller built earlier.
 */
export type ActingUser = Pick<Actor, "userId">;

/** The actor as stored right now (`users.actorNow`), for the services' checks. */
export type ActorLookup = (userId: Actor["userId"]) => Promise<Actor>;

export type Permission =
  | "team.invite.volunteer"
  | "team.invite.coordinator"
  | "team.list"
  | "team.revoke"
  /** See a case's details (volunteers: cases of their provinces only; the service checks scope). */
  | "case.view"
  /** Move a case along its status machine (scope and transitions checked by the service). */
  | "case.status"
  /** Export the cases matching a /find filter as CSV (personal data). */
  | "case.export"
  /** Confirm or reject a possible duplicate registration. */
  | "case.duplicates"
  /** Maintain the list of places where relatives are believed to be. */
  | "location.manage"
  /** Send news to families (volunteers: of their own provinces; the service checks scope). */
  | "broadcast.send"
  /** Create, edit, open, close and mark petitions delivered; see their statistics. */
  | "petition.manage"
  /** Export signatures and appeals (personal data) for delivery. */
  | "petition.export"
  /** Create, move and cancel events and see their answers (volunteers: their provinces, their own events). */
  | "event.manage"
  /**
   * Act for every province: address all provinces at once, see and move cases of any province,
   * see and steer every team member's broadcasts. Without it a volunteer acts for their own provinces.
   */
  | "province.all"
  /** Read the audit trail (/audit): who did what, when, how many records; never the content. */
  | "audit.read"
  /** See counts and charts (/stats): coordinators all provinces, volunteers their own (the service scopes). */
  | "stats.view";

const PERMISSIONS: Record<Permission, readonly Role[]> = {
  "team.invite.volunteer": ["coordinator", "admin"],
  "team.invite.coordinator": ["coordinator", "admin"],
  "team.list": ["coordinator", "admin"],
  "team.revoke": ["coordinator", "admin"],
  "case.view": ["volunteer", "coordinator", "admin"],
  "case.status": ["volunteer", "coordinator", "admin"],
  "case.duplicates": ["coordinator", "admin"],
  "case.export": ["coordinator", "admin"],
  "location.manage": ["coordinator", "admin"],
  "broadcast.send": ["volunteer", "coordinator", "admin"],
  "petition.manage": ["coordinator", "admin"],
  "petition.export": ["coordinator", "admin"],
  "event.manage": ["volunteer", "coordinator", "admin"],
  "province.all": ["coordinator", "admin"],
  "stats.view": ["volunteer", "coordinator", "admin"],
  "audit.read": ["admin"],
};

export function can(actor: Actor, permission: Permission): boolean {
  const allowed = PERMISSIONS[permission];
  if (!allowed) return false;
  return allowed.some((role) => actor.roles.includes(role));
}

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.includes(role);
}

/** The highest role, which picks the main menu. */
export function primaryRole(actor: Actor): Role {
  for (const role of ["admin", "coordinator", "volunteer"] as const) if (actor.roles.includes(role)) return role;
  return "family";
}

export function invitePermission(role: GrantableRole): Permission {
  return role === "coordinator" ? "team.invite.coordinator" : "team.invite.volunteer";
}

export function buildActor(input: { userId: number; grants: readonly { role: GrantableRole; provinces: readonly string[] }[]; isAdmin: boolean }): Actor {
  const roles = new Set<Role>(["family"]);
  const provinces = new Set<string>();
  for (const grant of input.grants) {
    roles.add(grant.role);
    if (grant.role === "volunteer") for (const p of grant.provinces) provinces.add(p);
  }
  if (input.isAdmin) roles.add("admin");
  return { userId: input.userId, roles: [...roles], provinces: [...provinces].sort() };
}

/** Whether the actor may act for this province: every province with "province.all", else a volunteer's own. */
export function coversProvince(actor: Actor, province: string): boolean {
  if (can(actor, "province.all")) return true;
  return actor.roles.includes("volunteer") && actor.provinces.includes(province);
}

/** The status-machine actor a role acts as. */
export function caseActorOf(actor: Actor): "coordinator" | "volunteer" | "family" {
  if (actor.roles.includes("coordinator") || actor.roles.includes("admin")) return "coordinator";
  if (actor.roles.includes("volunteer")) return "volunteer";
  return "family";
}
