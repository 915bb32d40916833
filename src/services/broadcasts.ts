import { randomBytes } from "node:crypto";
import { Types } from "mongoose";
import { z } from "zod";
import type { Clock } from "../clock.js";
import type { Models } from "../db/models/index.js";
import type { DeliveryProgress, DeliveryService, OutgoingContent, Recipient } from "../delivery/types.js";
import { CASE_STATUSES } from "../domain/caseStatus.js";
import { isProvinceCode } from "../domain/provinces.js";
import { effectiveTimeZone } from "../domain/timeZones.js";
import { can, type ActingUser, type Actor, type ActorLookup } from "../domain/roles.js";
import type { UserRef, UserRefCipher } from "../security/fieldCipher.js";
import type { AuditTrail } from "./audit.js";

/** Who a broadcast goes to. `provinces: "all"` is for coordinators; volunteers name their own. */
export const audienceSchema = z.object({
  kind: z.enum(["families", "language", "caseStatus", "signers", "eventYes"]),
  provinces: z.union([z.literal("all"), z.array(z.string()).min(1)]),
  locale: z.string().regex(/^[a-z]{2,3}$/).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  petitionId: z.string().regex(/^[a-f0-9]{24}$/).optional(),
  /** "eventYes": those who answered Yes to this event. */
  eventId: z.string().regex(/^[a-f0-9]{24}$/).optional(),
});
export type Audience = z.infer<typeof audienceSchema>;

export type BroadcastError = "forbidden" | "province_not_allowed" | "bad_audience" | "empty_audience" | "not_found";
export type BroadcastResult<T> = { ok: true; value: T } | { ok: false; error: BroadcastError };

export interface AudienceSize {
  total: number;
  byLocale: Record<string, number>;
}

export interface BroadcastService {
  /** Who would receive it (for the preview), after checking the sender may reach them. */
  measure(actor: ActingUser, audience: Audience): Promise<BroadcastResult<AudienceSize>>;
  start(
    actor: ActingUser,
    input: {
      audience: Audience;
      contentByLocale: Record<string, OutgoingContent>;
      notBefore?: Date;
      /** Recipients in their night (22:00–08:00 in their time zone) get it at their 08:00, the others at once. */
      daytimeOnly?: boolean;
      progressChat: { chatId: number; messageId?: number; locale: string };
    },
  ): Promise<BroadcastResult<{ jobId: string; recipients: number }>>;
  control(actor: ActingUser, jobId: string, action: "pause" | "resume" | "cancel"): Promise<BroadcastResult<null>>;
  list(actor: ActingUser): Promise<BroadcastResult<DeliveryProgress[]>>;
}

/** Whether an actor may address this audience (the sender's own permission is checked by the caller). */
export function checkAudience(actor: Actor, audience: Audience): BroadcastError | null {
  const parsed = audienceSchema.safeParse(audience);
  if (!parsed.success) return "bad_audience";
  if (audience.kind === "language" && !audience.locale) return "bad_audience";
  if (audience.kind === "caseStatus" && !audience.status) return "bad_audience";
  if (audience.kind === "signers" && !audience.petitionId) return "bad_audience";
  if (audience.kind === "eventYes" && !audience.eventId) return "bad_audience";
  const wide = can(actor, "province.all");
  if (audience.provinces === "all") return wide ? null : "province_not_allowed";
  if (!audience.provinces.every((p) => p === "abroad" || isProvinceCode(p))) return "bad_audience";
  if (!wide && !audience.provinces.every((p) => actor.provinces.includes(p))) return "province_not_allowed";
  return null;
}

/** The people an audience names right now, each with the language they read; `only` asks about one person. */
export async function resolveAudience(models: Models, audience: Audience, options: { only?: UserRef } = {}): Promise<Recipient[]> {
  const person = options.only ? { userId: options.only } : {};
  const inProvinces = (province: string | null | undefined) => audience.provinces === "all" || (province != null && audience.provinces.includes(province));
  const byUser = new Map<UserRef, string>();
  if (audience.kind === "eventYes") {
    // Those who answered Yes to an event; the province is the one copied into their answer.
    const rsvps = await models.eventRsvps.find({ eventId: new Types.ObjectId(audience.eventId), answer: "yes", ...person }, { userId: 1, province: 1, locale: 1 }).lean().exec();
    for (const r of rsvps) if (inProvinces(r.province ?? "abroad")) byUser.set(r.userId, r.locale);
  } else if (audience.kind === "signers") {
    const signatures = await models.petitionSignatures
      .find({ petitionId: new Types.ObjectId(audience.petitionId), state: "active", ...person }, { userId: 1, province: 1, locale: 1 })
      .lean()
      .exec();
    for (const s of signatures) if (inProvinces(s.province ?? "abroad")) byUser.set(s.userId, s.locale);
  } else {
    const filter: Record<string, unknown> = { withdrawnAt: null, ...person };
    if (audience.kind === "caseStatus") {
      const ids = await models.cases.find({ status: audience.status }, { _id: 1 }).lean().exec();
      filter.caseId = { $in: ids.map((c) => c._id) };
    }
    const links = await models.caseLinks.find(filter, { userId: 1, familyProvince: 1, locale: 1 }).lean().exec();
    for (const link of links) if (inProvinces(link.familyProvince)) byUser.set(link.userId, link.locale);
  }
  // The language a person chose last (/language) wins over the one they registered in.
  const ids = [...byUser.keys()];
  for (let i = 0; i < ids.length; i += 1000) {
    const users = await models.users.find({ _id: { $in: ids.slice(i, i + 1000) }, locale: { $exists: true } }, { locale: 1 }).lean().exec();
    for (const u of users) if (u.locale) byUser.set(u._id, u.locale);
  }
  const recipients = [...byUser].map(([userId, locale]) => ({ userId, locale }));
  return audience.kind === "language" ? recipients.filter((r) => r.locale === audience.locale) : recipients;
}

/**
 * Volunteers and coordinators reach families. Audiences are resolved on the server from the
 * registrations and signatures, and a volunteer can only reach the provinces they serve — as
 * stored at the moment of sending (`actorNow`), not when the compose conversation began.
 */
export function createBroadcastService(deps: {
  models: Models;
  clock: Clock;
  delivery: DeliveryService;
  audit: AuditTrail;
  defaultLocale: string;
  actorNow: ActorLookup;
  cipher: UserRefCipher;
  /** The zone of a recipient who chose none (TZ_DEFAULT), for "deliver in each recipient's daytime". */
  defaultTimeZone?: string;
}): BroadcastService {
  const { models, delivery, audit, defaultLocale, actorNow } = deps;
  const refOf = (userId: number): UserRef => deps.cipher.userRef(userId);

  function checkSender(actor: Actor, audience: Audience): BroadcastError | null {
    return can(actor, "broadcast.send") ? checkAudience(actor, audience) : "forbidden";
  }
  const resolve = (audience: Audience) => resolveAudience(models, audience);

  /** Each recipient's time zone as stored now, else the default (the worker decides per recipient whether it is night there). */
  async function withTimeZones(recipients: Recipient[]): Promise<Recipient[]> {
    const zones = new Map<UserRef, string>();
    for (let i = 0; i < recipients.length; i += 1000) {
      const ids = recipients.slice(i, i + 1000).map((r) => r.userId);
      const users = await models.users.find({ _id: { $in: ids }, timeZone: { $exists: true } }, { timeZone: 1 }).lean().exec();
      for (const u of users) if (u.timeZone) zones.set(u._id, u.timeZone);
    }
    return recipients.map((r) => ({ ...r, timeZone: effectiveTimeZone(zones.get(r.userId), deps.defaultTimeZone) }));
  }

  return {
    async measure(acting, audience) {
      const actor = await actorNow(acting.userId);
      const problem = checkSender(actor, audience);
      if (problem) return { ok: false, error: problem };
      const recipients = await resolve(audience);
      const byLocale: Record<string, number> = {};
      for (const r of recipients) byLocale[r.locale ?? defaultLocale] = (byLocale[r.locale ?? defaultLocale] ?? 0) + 1;
      return { ok: true, value: { total: recipients.length, byLocale } };
    },

    async start(acting, input) {
      const actor = await actorNow(acting.userId);
      const problem = checkSender(actor, input.audience);
      if (problem) return { ok: false, error: problem };
      const resolved = await resolve(input.audience);
      if (resolved.length === 0) return { ok: false, error: "empty_audience" };
      const recipients = input.daytimeOnly ? await withTimeZones(resolved) : resolved;
      const jobId = `broadcast:${randomBytes(6).toString("hex")}`;
      await delivery.enqueue(
        {
          jobId,
          kind: "broadcast",
          createdBy: refOf(actor.userId),
          contentByLocale: input.contentByLocale,
          defaultLocale,
          notBefore: input.notBefore,
          ...(input.daytimeOnly ? { daytimeOnly: true } : {}),
          // The sender's private chat (chat id = their Telegram id), stored by pseudonym.
          progressChat: { userRef: refOf(input.progressChat.chatId), messageId: input.progressChat.messageId, locale: input.progressChat.locale },
        },
        recipients,
      );
      await audit.record(actor.userId, "broadcast.start", jobId, { kind: input.audience.kind, provinces: input.audience.provinces, recipients: recipients.length, daytimeOnly: input.daytimeOnly === true });
      return { ok: true, value: { jobId, recipients: recipients.length } };
    },

    async control(acting, jobId, action) {
      const actor = await actorNow(acting.userId);
      if (!can(actor, "broadcast.send")) return { ok: false, error: "forbidden" };
      const owned = await models.deliveryJobs.findOne({ _id: jobId, kind: "broadcast" }, { createdBy: 1 }).lean().exec();
      if (!owned) return { ok: false, error: "not_found" };
      const wide = can(actor, "province.all");
      if (!wide && owned.createdBy !== refOf(actor.userId)) return { ok: false, error: "forbidden" };
      const done = action === "pause" ? await delivery.pause(jobId) : action === "resume" ? await delivery.resume(jobId) : await delivery.cancel(jobId);
      if (!done) return { ok: false, error: "not_found" };
      await audit.record(actor.userId, `broadcast.${action}`, jobId);
      return { ok: true, value: null };
    },

    async list(acting) {
      const actor = await actorNow(acting.userId);
      if (!can(actor, "broadcast.send")) return { ok: false, error: "forbidden" };
      const wide = can(actor, "province.all");
      return { ok: true, value: await delivery.listJobs({ kind: "broadcast", limit: 20, ...(wide ? {} : { createdBy: refOf(actor.userId) }) }) };
    },
  };
}
