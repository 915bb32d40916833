import { randomBytes } from "node:crypto";
import type { Clock } from "../clock.js";
import type { Models } from "../db/models/index.js";
import type { RoleGrant } from "../db/models/user.js";
import { can, invitePermission, type Actor, type GrantableRole } from "../domain/roles.js";
import type { AuditTrail } from "./audit.js";

export const INVITE_LIFETIME_MS = 48 * 60 * 60 * 1000;

export type TeamError = "forbidden" | "provinces_required" | "invite_invalid" | "invite_used" | "invite_expired" | "not_a_member" | "cannot_revoke_self";
export type Result<T> = { ok: true; value: T } | { ok: false; error: TeamError };

export interface TeamMember {
  userId: number;
  roles: { role: GrantableRole; provinces: string[] }[];
}

export interface TeamService {
  createInvite(actor: Actor, role: GrantableRole, provinces: string[]): Promise<Result<{ code: string; expiresAt: Date }>>;
  acceptInvite(userId: number, code: string): Promise<Result<{ role: GrantableRole; provinces: string[] }>>;
  listMembers(actor: Actor): Promise<Result<TeamMember[]>>;
  revoke(actor: Actor, userId: number, role: GrantableRole): Promise<Result<null>>;
}

/** Invite codes travel in /start deep links: 64 chars of [A-Za-z0-9_-] at most; ours are 22. */
export function newInviteCode(): string {
  return randomBytes(16).toString("base64url");
}

export function createTeamService(models: Models, clock: Clock, audit: AuditTrail, makeCode: () => string = newInviteCode): TeamService {
  return {
    async createInvite(actor, role, provinces) {
      if (!can(actor, invitePermission(role))) return { ok: false, error: "forbidden" };
      if (role === "volunteer" && provinces.length === 0) return { ok: false, error: "provinces_required" };
      const now = clock.now();
      const code = makeCode();
      const expiresAt = new Date(now.getTime() + INVITE_LIFETIME_MS);
      await models.invites.create({ _id: code, role, provinces: role === "volunteer" ? provinces : [], createdBy: actor.userId, createdAt: now, expiresAt });
      await audit.record(actor.userId, "invite.create", code.slice(0, 4), { role, provinces });
      return { ok: true, value: { code, expiresAt } };
    },

    async acceptInvite(userId, code) {
      const now = clock.now();
      // Atomic single use: only one accept can flip usedBy from null.
      const invite = await models.invites
        .findOneAndUpdate({ _id: code, usedBy: null, expiresAt: { $gt: now } }, { $set: { usedBy: userId, usedAt: now } }, { returnDocument: "after", lean: true })
        .exec();
      if (!invite) {
        const existing = await models.invites.findById(code).lean().exec();
        if (!existing) return { ok: false, error: "invite_invalid" };
        if (existing.usedBy != null) return { ok: false, error: "invite_used" };
        return { ok: false, error: "invite_expired" };
      }
      const user = await models.users.findById(userId).lean().exec();
      const grants: RoleGrant[] = (user?.roles ?? []).filter((g) => g.role !== invite.role);
      const previous = (user?.roles ?? []).find((g) => g.role === invite.role);
      const provinces = invite.role === "volunteer" ? [...new Set([...(previous?.provinces ?? []), ...invite.provinces])].sort() : [];
      grants.push({ role: invite.role, provinces, grantedBy: invite.createdBy, grantedAt: now });
      await models.users
        .updateOne({ _id: userId }, { $set: { roles: grants, lastSeenAt: now }, $setOnInsert: { firstSeenAt: now } }, { upsert: true })
        .exec();
      await audit.record(userId, "invite.accept", String(userId), { role: invite.role, provinces, grantedBy: invite.createdBy });
      return { ok: true, value: { role: invite.role, provinces } };
    },

    async listMembers(actor) {
      if (!can(actor, "team.list")) return { ok: false, error: "forbidden" };
      const users = await models.users.find({ "roles.0": { $exists: true } }).sort({ _id: 1 }).limit(200).lean().exec();
      await audit.record(actor.userId, "team.list");
      return {
        ok: true,
        value: users.map((u) => ({ userId: u._id, roles: u.roles.map((g) => ({ role: g.role, provinces: g.provinces })) })),
      };
    },

    async revoke(actor, userId, role) {
      if (!can(actor, "team.revoke")) return { ok: false, error: "forbidden" };
      if (userId === actor.userId) return { ok: false, error: "cannot_revoke_self" };
      // Small array replaced whole ($pull on sub-documents is limited on FerretDB).
      const user = await models.users.findById(userId).lean().exec();
      if (!user || !user.roles.some((g) => g.role === role)) return { ok: false, error: "not_a_member" };
      await models.users.updateOne({ _id: userId }, { $set: { roles: user.roles.filter((g) => g.role !== role) } }).exec();
      await audit.record(actor.userId, "role.revoke", String(userId), { role });
      return { ok: true, value: null };
    },
  };
}
