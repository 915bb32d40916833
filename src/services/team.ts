import { createHash, randomBytes } from "node:crypto";
import type { Clock } from "../clock.js";
import type { Models } from "../db/models/index.js";
import type { RoleGrant } from "../db/models/user.js";
import { can, invitePermission, type ActingUser, type ActorLookup, type GrantableRole } from "../domain/roles.js";
import type { UserRefCipher } from "../security/fieldCipher.js";
import type { AuditTrail } from "./audit.js";

export const INVITE_LIFETIME_MS = 48 * 60 * 60 * 1000;

export type TeamError = "forbidden" | "provinces_required" | "invite_invalid" | "invite_used" | "invite_expired" | "not_a_member" | "cannot_revoke_self";
export type Result<T> = { ok: true; value: T } | { ok: false; error: TeamError };

export interface TeamMember {
  userId: number;
  roles: { role: GrantableRole; provinces: string[] }[];
}

export interface TeamService {
  /** The code is returned once, for the link; only its hash is stored. */
  createInvite(actor: ActingUser, role: GrantableRole, provinces: string[]): Promise<Result<{ code: string; expiresAt: Date }>>;
  acceptInvite(userId: number, code: string): Promise<Result<{ role: GrantableRole; provinces: string[] }>>;
  listMembers(actor: ActingUser): Promise<Result<TeamMember[]>>;
  /** Also voids the member's unused invites. */
  revoke(actor: ActingUser, userId: number, role: GrantableRole): Promise<Result<null>>;
}

/** Invite codes travel in /start deep links: 64 chars of [A-Za-z0-9_-] at most; ours are 22. */
export function newInviteCode(): string {
  return randomBytes(16).toString("base64url");
}

/**
 * What the invites collection keeps instead of the code: a leaked copy of the database must not
 * grant a role. The code has 128 random bits, so a plain SHA-256 cannot be reversed by guessing.
 */
export function inviteCodeHash(code: string): string {
  return createHash("sha256").update(code, "utf8").digest("hex");
}

/**
 * Roles are granted and revoked here. Every method re-reads the acting user's roles (`actorNow`)
 * at the moment it acts, so an Actor built before a revocation grants nothing.
 */
export function createTeamService(
  models: Models,
  clock: Clock,
  audit: AuditTrail,
  actorNow: ActorLookup,
  cipher: UserRefCipher,
  options: {
    makeCode?: () => string;
    /** The users service forgets what it keeps of a person whose roles change here (users.forgetCached). */
    forgetProfile?: (userId: number) => void;
  } = {},
): TeamService {
  const { makeCode = newInviteCode, forgetProfile = () => undefined } = options;
  // Telegram ids in, pseudonyms stored.
  const refOf = (userId: number) => cipher.userRef(userId);
  return {
    async createInvite(acting, role, provinces) {
      const actor = await actorNow(acting.userId);
      if (!can(actor, invitePermission(role))) return { ok: false, error: "forbidden" };
      if (role === "volunteer" && provinces.length === 0) return { ok: false, error: "provinces_required" };
      const now = clock.now();
      const code = makeCode();
      const expiresAt = new Date(now.getTime() + INVITE_LIFETIME_MS);
      const hash = inviteCodeHash(code);
      await models.invites.create({ _id: hash, role, provinces: role === "volunteer" ? provinces : [], createdBy: refOf(actor.userId), createdAt: now, expiresAt });
      await audit.record(actor.userId, "invite.create", hash.slice(0, 8), { role, provinces });
      return { ok: true, value: { code, expiresAt } };
    },

    async acceptInvite(userId, code) {
      const now = clock.now();
      const hash = inviteCodeHash(code);
      const pending = await models.invites.findById(hash, { createdBy: 1, role: 1, usedBy: 1 }).lean().exec();
      // Whoever issued it must still be allowed to at this moment (a revoked member's invites are
      // voided by revoke; this also covers an admin removed from ADMIN_IDS).
      if (pending && pending.usedBy == null && !can(await actorNow(cipher.telegramIdOf(pending.createdBy)), invitePermission(pending.role))) {
        await models.invites.deleteOne({ _id: hash, usedBy: null }).exec();
        return { ok: false, error: "invite_invalid" };
      }
      // Atomic single use: only one accept can flip usedBy from null.
      const invite = await models.invites
        .findOneAndUpdate({ _id: hash, usedBy: null, expiresAt: { $gt: now } }, { $set: { usedBy: refOf(userId), usedAt: now } }, { returnDocument: "after", lean: true })
        .exec();
      if (!invite) {
        const existing = await models.invites.findById(hash).lean().exec();
        if (!existing) return { ok: false, error: "invite_invalid" };
        if (existing.usedBy != null) return { ok: false, error: "invite_used" };
        return { ok: false, error: "invite_expired" };
      }
      const user = await models.users.findById(refOf(userId)).lean().exec();
      const grants: RoleGrant[] = (user?.roles ?? []).filter((g) => g.role !== invite.role);
      const previous = (user?.roles ?? []).find((g) => g.role === invite.role);
      const provinces = invite.role === "volunteer" ? [...new Set([...(previous?.provinces ?? []), ...invite.provinces])].sort() : [];
      grants.push({ role: invite.role, provinces, grantedBy: invite.createdBy, grantedAt: now });
      forgetProfile(userId);
      await models.users
        .updateOne({ _id: refOf(userId) }, { $set: { roles: grants, lastSeenAt: now }, $setOnInsert: { firstSeenAt: now } }, { upsert: true })
        .exec();
      await audit.record(userId, "invite.accept", refOf(userId), { role: invite.role, provinces, grantedBy: invite.createdBy });
      return { ok: true, value: { role: invite.role, provinces } };
    },

    async listMembers(acting) {
      const actor = await actorNow(acting.userId);
      if (!can(actor, "team.list")) return { ok: false, error: "forbidden" };
      const users = await models.users.find({ "roles.0": { $exists: true } }).sort({ _id: 1 }).limit(200).lean().exec();
      await audit.record(actor.userId, "team.list");
      return {
        ok: true,
        value: users.map((u) => ({ userId: cipher.telegramIdOf(u._id), roles: u.roles.map((g) => ({ role: g.role, provinces: g.provinces })) })),
      };
    },

    async revoke(acting, userId, role) {
      const actor = await actorNow(acting.userId);
      if (!can(actor, "team.revoke")) return { ok: false, error: "forbidden" };
      if (userId === actor.userId) return { ok: false, error: "cannot_revoke_self" };
      // Small array replaced whole ($pull on sub-documents is limited on FerretDB).
      const user = await models.users.findById(refOf(userId)).lean().exec();
      if (!user || !user.roles.some((g) => g.role === role)) return { ok: false, error: "not_a_member" };
      forgetProfile(userId);
      await models.users.updateOne({ _id: refOf(userId) }, { $set: { roles: user.roles.filter((g) => g.role !== role) } }).exec();
      // Unused links they may no longer issue die with the role: a revoked member cannot keep bringing people in.
      const remaining = await actorNow(userId);
      const lost = (["volunteer", "coordinator"] as const).filter((r) => !can(remaining, invitePermission(r)));
      const voided = lost.length > 0 ? await models.invites.deleteMany({ createdBy: refOf(userId), usedBy: null, role: { $in: lost } }).exec() : { deletedCount: 0 };
      await audit.record(actor.userId, "role.revoke", refOf(userId), { role, invitesVoided: voided.deletedCount });
      return { ok: true, value: null };
    },
  };
}
