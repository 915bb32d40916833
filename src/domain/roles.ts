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

export type Permission =
  | "team.invite.volunteer"
  | "team.invite.coordinator"
  | "team.list"
  | "team.revoke";

const PERMISSIONS: Record<Permission, readonly Role[]> = {
  "team.invite.volunteer": ["coordinator", "admin"],
  "team.invite.coordinator": ["coordinator", "admin"],
  "team.list": ["coordinator", "admin"],
  "team.revoke": ["coordinator", "admin"],
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
