import { z } from "zod";
import type { Clock } from "../clock.js";
import type { Models } from "../db/models/index.js";
import { AUDIT_KIND_NAMES, AUDIT_KINDS, readAuditEntry, type AuditEntryView } from "../domain/auditActions.js";
import { parseLocalDateTime } from "../domain/localTime.js";
import { isErasedUser } from "../domain/personalData.js";
import { can, type ActingUser, type ActorLookup } from "../domain/roles.js";
import type { UserRefCipher } from "../security/fieldCipher.js";
import type { AuditTrail } from "./audit.js";

export const AUDIT_PAGE_SIZE = 20;
/** Pages past this are refused as forged: 20 × 5,000 entries is more than any retention period keeps. */
export const AUDIT_MAX_PAGE = 5_000;

/** The filters /audit may pass, parsed again here: nothing else ever reaches the query. */
export const auditQuerySchema = z
  .object({
    person: z.union([z.literal("me"), z.number().int().positive().max(Number.MAX_SAFE_INTEGER)]).optional(),
    day: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    kind: z.enum(AUDIT_KIND_NAMES).optional(),
    page: z.number().int().min(0).max(AUDIT_MAX_PAGE),
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/**
 * Who did it, as /team names people: a member's number, a family member, "erased" once they erased
 * their data, or "gone": someone the bot holds neither a row nor a role for (the local demo's
 * coordinator, who is never stored) — not called "erased", since they erased nothing.
 */
export type AuditActor = { kind: "member"; userId: number } | { kind: "family" } | { kind: "erased" } | { kind: "gone" };

/** One line of the trail: never the content, only who, what, when, on which subject and how many. */
export interface AuditLine {
  at: Date;
  actor: AuditActor;
  /** The action and only its whitelisted details (counts, statuses, kinds): domain/auditActions.ts. */
  entry: AuditEntryView;
  /** A case reference, job id or code; a user's pseudonym is shown as the person instead. */
  subject?: string;
  subjectPerson?: AuditActor;
}

export type AuditLogError = "forbidden" | "bad_filter";
export type AuditPage = { lines: AuditLine[]; page: number; hasMore: boolean };

export interface AuditLogService {
  /** Admins only (re-read at the moment of reading); the reading itself is audited. */
  /** `timeZone`: the reader's clock, on which the filter's day begins and ends. */
  list(actor: ActingUser, query: unknown, timeZone?: string): Promise<{ ok: true; value: AuditPage } | { ok: false; error: AuditLogError }>;
}

export function createAuditLogService(deps: { models: Models; clock: Clock; cipher: UserRefCipher; actorNow: ActorLookup; audit: AuditTrail; timeZone: string }): AuditLogService {
  const { models, cipher, actorNow, audit, timeZone } = deps;

  const isUserRef = (value: string) => {
    try {
      cipher.telegramIdOf(value);
      return true;
    } catch {
      return false;
    }
  };

  async function describePeople(refs: string[]): Promise<Map<string, AuditActor>> {
    const people = new Map<string, AuditActor>();
    const live = refs.filter((ref) => !isErasedUser(ref) && isUserRef(ref));
    const stored = live.length > 0 ? await models.users.find({ _id: { $in: live } }, { _id: 1 }).lean().exec() : [];
    const present = new Set(stored.map((u) => u._id));
    for (const ref of refs) {
      if (isErasedUser(ref) || !isUserRef(ref)) {
        people.set(ref, { kind: "erased" });
        continue;
      }
      const userId = cipher.telegramIdOf(ref);
      const actor = await actorNow(userId);
      const isTeam = actor.roles.some((role) => role !== "family");
      people.set(ref, isTeam ? { kind: "member", userId } : present.has(ref) ? { kind: "family" } : { kind: "gone" });
    }
    return people;
  }

  return {
    async list(acting, raw, readerTimeZone) {
      const actor = await actorNow(acting.userId);
      if (!can(actor, "audit.read")) return { ok: false, error: "forbidden" };
      const parsed = auditQuerySchema.safeParse(raw);
      if (!parsed.success) return { ok: false, error: "bad_filter" };
      const query = parsed.data;

      const where: { actorId?: string; at?: { $gte: Date; $lt: Date }; action?: { $in: string[] } } = {};
      if (query.person !== undefined) where.actorId = cipher.userRef(query.person === "me" ? actor.userId : query.person);
      if (query.day !== undefined) {
        const start = parseLocalDateTime(`${query.day} 00:00`, { timeZone: readerTimeZone ?? timeZone, now: new Date(0) });
        if (!start.ok) return { ok: false, error: "bad_filter" };
        where.at = { $gte: start.at, $lt: new Date(start.at.getTime() + 24 * 60 * 60 * 1000) };
      }
      if (query.kind !== undefined) where.action = { $in: [...AUDIT_KINDS[query.kind]] };
      // Uses audit_events' { actorId: 1, at: -1 } (by person) or { at: -1 } index; a kind narrows the rows read in that order.
      const found = await models.auditEvents
        .find(where)
        .sort({ at: -1, _id: -1 })
        .skip(query.page * AUDIT_PAGE_SIZE)
        .limit(AUDIT_PAGE_SIZE + 1)
        .lean()
        .exec();
      const entries = found.slice(0, AUDIT_PAGE_SIZE);
      const subjectRefs = entries.map((e) => e.subjectId).filter((s): s is string => typeof s === "string" && (isErasedUser(s) || isUserRef(s)));
      const people = await describePeople([...new Set([...entries.map((e) => e.actorId), ...subjectRefs])]);
      const lines: AuditLine[] = entries.map((entry) => {
        const subjectPerson = entry.subjectId !== undefined ? people.get(entry.subjectId) : undefined;
        return {
          at: entry.at,
          actor: people.get(entry.actorId) ?? { kind: "erased" },
          entry: readAuditEntry(entry.action, entry.details),
          ...(subjectPerson ? { subjectPerson } : entry.subjectId !== undefined ? { subject: entry.subjectId } : {}),
        };
      });
      await audit.record(actor.userId, "audit.view", undefined, {
        count: lines.length,
        page: query.page,
        byPerson: query.person !== undefined,
        byDay: query.day !== undefined,
        byKind: query.kind ?? false,
      });
      return { ok: true, value: { lines, page: query.page, hasMore: found.length > AUDIT_PAGE_SIZE } };
    },
  };
}
