import { Types } from "mongoose";
import { z } from "zod";
import type { Clock } from "../clock.js";
import type { EventRecord, EventText } from "../db/models/event.js";
import type { Models } from "../db/models/index.js";
import type { DeliveryService, Recipient } from "../delivery/types.js";
import { attends, eventReminderPlan, type EventState, type RsvpAnswer } from "../domain/events.js";
import { can, type ActingUser, type Actor, type ActorLookup } from "../domain/roles.js";
import type { UserRef, UserRefCipher } from "../security/fieldCipher.js";
import type { AuditTrail } from "./audit.js";
import { checkAudience, resolveAudience, type Audience, type BroadcastError } from "./broadcasts.js";
import type { ReminderRequest, ReminderService } from "./reminders/reminderTypes.js";

export type EventError = BroadcastError | "past" | "not_open";
export type EventResult<T> = { ok: true; value: T } | { ok: false; error: EventError };

const textSchema = z.strictObject({ locale: z.string().regex(/^[a-z]{2,3}$/), title: z.string().trim().min(1).max(200), description: z.string().trim().max(2000) });
const newEventSchema = z.strictObject({
  texts: z.array(textSchema).min(1).refine((texts) => texts.some((t) => t.locale === "fa"), { message: "the Persian text is required" }),
  startsAt: z.date(),
  link: z.url().max(300).nullable(),
});
export type NewEvent = z.infer<typeof newEventSchema> & { audience: Audience };

/** What an invited person sees of an event. */
export interface EventView {
  id: string;
  texts: EventText[];
  startsAt: Date;
  state: EventState;
  /** Only for those who answered Yes or Maybe. */
  link: string | null;
}

/** Answers by province and by language, for the organiser. */
export interface RsvpCounts {
  total: Record<RsvpAnswer, number>;
  byProvince: Record<string, Record<RsvpAnswer, number>>;
  byLocale: Record<string, Record<RsvpAnswer, number>>;
}

export interface EventSummary {
  id: string;
  texts: EventText[];
  startsAt: Date;
  state: EventState;
  link: string | null;
  counts: RsvpCounts;
}

export interface EventService {
  /** Stores the event and sends the invitation to its audience through the outbox. */
  create(actor: ActingUser, input: NewEvent): Promise<EventResult<{ eventId: string; recipients: number }>>;
  /** Upcoming and recent events the actor may manage, newest first. */
  list(actor: ActingUser): Promise<EventResult<EventSummary[]>>;
  card(actor: ActingUser, eventId: string): Promise<EventResult<EventSummary>>;
  /** An invited person's answer (changeable); schedules or cancels their reminders. */
  /** `locale`: the language the person reads the bot in now (kept for their reminders and the counts). */
  answer(userId: number, eventId: string, answer: RsvpAnswer, locale?: string): Promise<EventResult<{ event: EventView; timeZone: string }>>;
  move(actor: ActingUser, eventId: string, startsAt: Date): Promise<EventResult<{ told: number }>>;
  /** The zone a person's clock shows (chosen in /settings, else the default): organisers type times on it. */
  timeZoneOf(userId: number): Promise<string>;
  cancel(actor: ActingUser, eventId: string): Promise<EventResult<{ told: number }>>;
}

const emptyCounts = (): Record<RsvpAnswer, number> => ({ yes: 0, maybe: 0, no: 0 });

/**
 * Events (issue #10): an organiser invites an audience (as for broadcasts), each person answers
 * Yes / Maybe / No, and those who come get reminders 24 h and 1 h before. Volunteers reach and
 * manage only their provinces' events; roles are re-read at the moment of acting.
 */
export function createEventService(deps: {
  models: Models;
  clock: Clock;
  delivery: DeliveryService;
  reminders: Pick<ReminderService, "schedule" | "cancelByPrefix">;
  audit: AuditTrail;
  actorNow: ActorLookup;
  cipher: UserRefCipher;
  defaultLocale: string;
  /** The zone of a reader who never chose one (TZ_DEFAULT, Asia/Tehran). */
  defaultTimeZone: string;
}): EventService {
  const { models, clock, delivery, reminders, audit, actorNow, cipher, defaultLocale, defaultTimeZone } = deps;
  const objectId = (id: string) => (Types.ObjectId.isValid(id) && /^[0-9a-f]{24}$/.test(id) ? new Types.ObjectId(id) : null);

  async function timeZonesOf(refs: UserRef[]): Promise<Map<UserRef, string>> {
    const zones = new Map<UserRef, string>();
    for (let i = 0; i < refs.length; i += 1000) {
      const users = await models.users.find({ _id: { $in: refs.slice(i, i + 1000) }, timeZone: { $exists: true } }, { timeZone: 1 }).lean().exec();
      for (const u of users) if (u.timeZone) zones.set(u._id, u.timeZone);
    }
    return zones;
  }

  /** One outbox job per time zone of the recipients (most share Tehran's): each renders on its readers' clock. */
  async function sendPerZone(
    recipients: Recipient[],
    job: (timeZone: string) => Parameters<DeliveryService["enqueue"]>[0],
  ): Promise<number> {
    const zones = await timeZonesOf(recipients.map((r) => r.userId));
    const byZone = new Map<string, Recipient[]>();
    for (const r of recipients) {
      const zone = zones.get(r.userId) ?? defaultTimeZone;
      byZone.set(zone, [...(byZone.get(zone) ?? []), r]);
    }
    let total = 0;
    for (const [zone, group] of byZone) total += (await delivery.enqueue(job(zone), group)).recipients;
    return total;
  }

  /** Who may steer an event: coordinators any, a volunteer the ones they created. */
  async function managed(acting: ActingUser, eventId: string): Promise<EventResult<{ actor: Actor; event: EventRecord }>> {
    const actor = await actorNow(acting.userId);
    if (!can(actor, "event.manage")) return { ok: false, error: "forbidden" };
    const id = objectId(eventId);
    const event = id ? await models.events.findById(id).lean().exec() : null;
    if (!event) return { ok: false, error: "not_found" };
    if (!can(actor, "province.all") && event.createdBy !== cipher.userRef(actor.userId)) return { ok: false, error: "forbidden" };
    return { ok: true, value: { actor, event } };
  }

  async function countsOf(eventIds: Types.ObjectId[]): Promise<Map<string, RsvpCounts>> {
    const counts = new Map<string, RsvpCounts>();
    for (const id of eventIds) counts.set(id.toHexString(), { total: emptyCounts(), byProvince: {}, byLocale: {} });
    const rows = await models.eventRsvps.find({ eventId: { $in: eventIds } }, { eventId: 1, answer: 1, province: 1, locale: 1 }).lean().exec();
    for (const row of rows) {
      const c = counts.get(row.eventId.toHexString());
      if (!c) continue;
      const province = row.province ?? "unknown";
      c.total[row.answer] += 1;
      (c.byProvince[province] ??= emptyCounts())[row.answer] += 1;
      (c.byLocale[row.locale] ??= emptyCounts())[row.answer] += 1;
    }
    return counts;
  }

  const summaryOf = (event: EventRecord, counts: RsvpCounts): EventSummary => ({
    id: event._id.toHexString(),
    texts: event.texts,
    startsAt: event.startsAt,
    state: event.state,
    link: event.link,
    counts,
  });

  const reminderPrefix = (before: "24h" | "1h", eventId: string, ref?: UserRef) => `event-${before}:${eventId}:${ref ?? ""}`;

  /**
   * The reminders of one person who comes, on their clock. Ids end with the moment of the answer
   * or the move: a cancelled id is never stored again, so Yes → No → Yes and a move schedule afresh.
   */
  function remindersFor(event: EventRecord, ref: UserRef, timeZone: string, locale: string): ReminderRequest[] {
    const stamp = clock.now().getTime();
    const eventId = event._id.toHexString();
    return eventReminderPlan(event.startsAt, timeZone, clock.now()).map((plan) => ({
      id: `${reminderPrefix(plan.before, eventId, ref)}:${stamp}`,
      kind: plan.before === "24h" ? "event-24h" : "event-1h",
      userRef: ref,
      locale,
      subject: { kind: "event-reminder", eventId, before: plan.before, timeZone },
      dueAt: plan.dueAt,
      lateAfter: plan.lateAfter,
      quietHours: plan.quietHours,
    }));
  }

  async function cancelReminders(eventId: string, ref?: UserRef): Promise<void> {
    await reminders.cancelByPrefix(reminderPrefix("24h", eventId, ref));
    await reminders.cancelByPrefix(reminderPrefix("1h", eventId, ref));
  }

  /** Tells everyone who answered that the event moved or was cancelled. */
  async function tellAnswered(actor: Actor, event: EventRecord, change: "moved" | "cancelled"): Promise<number> {
    const eventId = event._id.toHexString();
    const rsvps = await models.eventRsvps.find({ eventId: event._id }, { userId: 1, locale: 1 }).lean().exec();
    if (rsvps.length === 0) return 0;
    const stamp = clock.now().getTime();
    return sendPerZone(
      rsvps.map((r) => ({ userId: r.userId, locale: r.locale })),
      (timeZone) => ({
        jobId: `event-change:${eventId}:${stamp}:${timeZone}`,
        kind: "event",
        createdBy: cipher.userRef(actor.userId),
        subject: { kind: "event-change", eventId, change, timeZone },
        defaultLocale,
      }),
    );
  }

  return {
    async timeZoneOf(userId) {
      const ref = cipher.userRef(userId);
      return (await timeZonesOf([ref])).get(ref) ?? defaultTimeZone;
    },

    async create(acting, input) {
      const actor = await actorNow(acting.userId);
      if (!can(actor, "event.manage")) return { ok: false, error: "forbidden" };
      const problem = checkAudience(actor, input.audience);
      if (problem) return { ok: false, error: problem };
      const parsed = newEventSchema.safeParse({ texts: input.texts, startsAt: input.startsAt, link: input.link });
      if (!parsed.success) return { ok: false, error: "bad_audience" };
      if (input.startsAt.getTime() <= clock.now().getTime()) return { ok: false, error: "past" };
      const recipients = await resolveAudience(models, input.audience);
      if (recipients.length === 0) return { ok: false, error: "empty_audience" };
      const now = clock.now();
      const created = await models.events.create({
        texts: parsed.data.texts,
        startsAt: input.startsAt,
        link: parsed.data.link,
        audience: input.audience,
        createdBy: cipher.userRef(actor.userId),
        state: "scheduled",
        createdAt: now,
        changedAt: null,
      });
      const eventId = created._id.toHexString();
      const sent = await sendPerZone(recipients, (timeZone) => ({
        jobId: `event-invitation:${eventId}:${timeZone}`,
        kind: "event",
        createdBy: cipher.userRef(actor.userId),
        subject: { kind: "event-invitation", eventId, timeZone },
        defaultLocale,
      }));
      await audit.record(actor.userId, "event.create", eventId, { kind: input.audience.kind, provinces: input.audience.provinces, recipients: sent });
      return { ok: true, value: { eventId, recipients: sent } };
    },

    async list(acting) {
      const actor = await actorNow(acting.userId);
      if (!can(actor, "event.manage")) return { ok: false, error: "forbidden" };
      const filter = can(actor, "province.all") ? {} : { createdBy: cipher.userRef(actor.userId) };
      const events = await models.events.find(filter).sort({ startsAt: -1 }).limit(10).lean().exec();
      const counts = await countsOf(events.map((e) => e._id));
      return { ok: true, value: events.map((e) => summaryOf(e, counts.get(e._id.toHexString())!)) };
    },

    async card(acting, eventId) {
      const found = await managed(acting, eventId);
      if (!found.ok) return found;
      const counts = await countsOf([found.value.event._id]);
      return { ok: true, value: summaryOf(found.value.event, counts.get(eventId)!) };
    },

    async answer(userId, eventId, answer, readerLocale) {
      const id = objectId(eventId);
      const event = id ? await models.events.findById(id).lean().exec() : null;
      if (!event) return { ok: false, error: "not_found" };
      const view = (withLink: boolean): EventView => ({ id: eventId, texts: event.texts, startsAt: event.startsAt, state: event.state, link: withLink ? event.link : null });
      if (event.state === "cancelled" || event.startsAt.getTime() <= clock.now().getTime()) return { ok: false, error: "not_open" };
      const ref = cipher.userRef(userId);
      // Only someone the event invites (or who answered already) may answer: a forged button
      // with a guessed event id must not hand out the link.
      const invited =
        (await models.eventRsvps.exists({ eventId: event._id, userId: ref }).exec()) !== null ||
        (await resolveAudience(models, event.audience as Audience, { only: ref })).length > 0;
      if (!invited) return { ok: false, error: "not_found" };
      const [user, link] = await Promise.all([
        models.users.findById(ref, { locale: 1, timeZone: 1 }).lean().exec(),
        models.caseLinks.findOne({ userId: ref, withdrawnAt: null }, { familyProvince: 1, locale: 1 }).lean().exec(),
      ]);
      const timeZone = user?.timeZone ?? defaultTimeZone;
      const rsvpLocale = user?.locale ?? readerLocale ?? link?.locale ?? defaultLocale;
      await models.eventRsvps.updateOne(
        { eventId: event._id, userId: ref },
        { $set: { answer, province: link?.familyProvince ?? null, locale: rsvpLocale, answeredAt: clock.now() } },
        { upsert: true },
      );
      await cancelReminders(eventId, ref);
      if (attends(answer)) await reminders.schedule(remindersFor(event, ref, timeZone, rsvpLocale));
      return { ok: true, value: { event: view(attends(answer)), timeZone } };
    },

    async move(acting, eventId, startsAt) {
      const found = await managed(acting, eventId);
      if (!found.ok) return found;
      const { actor, event } = found.value;
      if (event.state === "cancelled") return { ok: false, error: "not_open" };
      if (startsAt.getTime() <= clock.now().getTime()) return { ok: false, error: "past" };
      await models.events.updateOne({ _id: event._id }, { $set: { startsAt, state: "moved", changedAt: clock.now() } });
      const moved: EventRecord = { ...event, startsAt, state: "moved" };
      await cancelReminders(eventId);
      // Those who come get reminders on the new clock, in the language they answered in.
      const coming = await models.eventRsvps.find({ eventId: event._id, answer: { $in: ["yes", "maybe"] } }, { userId: 1, locale: 1 }).lean().exec();
      const zones = await timeZonesOf(coming.map((r) => r.userId));
      const requests = coming.flatMap((r) => remindersFor(moved, r.userId, zones.get(r.userId) ?? defaultTimeZone, r.locale));
      if (requests.length > 0) await reminders.schedule(requests);
      const told = await tellAnswered(actor, moved, "moved");
      await audit.record(actor.userId, "event.move", eventId, { told });
      return { ok: true, value: { told } };
    },

    async cancel(acting, eventId) {
      const found = await managed(acting, eventId);
      if (!found.ok) return found;
      const { actor, event } = found.value;
      if (event.state === "cancelled") return { ok: false, error: "not_open" };
      await models.events.updateOne({ _id: event._id }, { $set: { state: "cancelled", changedAt: clock.now() } });
      await cancelReminders(eventId);
      const told = await tellAnswered(actor, { ...event, state: "cancelled" }, "cancelled");
      await audit.record(actor.userId, "event.cancel", eventId, { told });
      return { ok: true, value: { told } };
    },
  };
}
