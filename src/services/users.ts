import { buildActor, type Actor } from "../domain/roles.js";
import type { Clock } from "../clock.js";
import type { Models } from "../db/models/index.js";
import type { UserRecord } from "../db/models/user.js";
import type { UserRefCipher, UserRef } from "../security/fieldCipher.js";
import { DEFAULT_TIME_ZONE, canonicalTimeZone, effectiveTimeZone } from "../domain/timeZones.js";
import type { ReminderKind } from "./reminders/reminderTypes.js";

export interface UserProfile {
  id: number;
  locale?: string;
  actor: Actor;
}

/** What /settings shows: the zone in effect (the default when none was chosen) and the reminders switched off. */
export interface UserSettings {
  locale?: string;
  timeZone: string;
  /** False while the user never chose a zone (the default, Asia/Tehran, applies). */
  timeZoneChosen: boolean;
  reminderOptOuts: ReminderKind[];
}

export interface UserService {
  /** Records that the user wrote (creating the record on first contact) and returns who they are. */
  touch(userId: number): Promise<UserProfile>;
  setLocale(userId: number, locale: string): Promise<void>;
  markUnreachable(userId: number): Promise<void>;
  /**
   * Telegram answered 403 for these users (blocked the bot, deactivated): later broadcasts skip
   * them. Called by the outbox, which knows users only by their pseudonyms.
   */
  markManyUnreachable(userRefs: readonly UserRef[]): Promise<void>;
  get(userId: number): Promise<UserProfile | null>;
  /** The user's roles as stored at this moment; privileged services call it right before they act. */
  actorNow(userId: number): Promise<Actor>;
  /** The user's chosen locale, cached briefly: read on every update, also inside conversations. */
  localeOf(userId: number): Promise<string | undefined>;
  settingsOf(userId: number): Promise<UserSettings>;
  /** Stores an IANA zone in its canonical spelling; null (nothing stored) for a zone the platform does not know. */
  setTimeZone(userId: number, timeZone: string): Promise<string | null>;
  /** Switches one kind of reminder on or off for the user; returns the kinds now switched off. */
  setReminder(userId: number, kind: ReminderKind, on: boolean): Promise<ReminderKind[]>;
  /** Forgets what this process remembers of the user (after they erased their data: a new user next time). */
  forgetCached(userId: number): void;
}

const LOCALE_CACHE_MS = 60_000;
/**
 * How long a family's profile (no role, not an admin) is reused by `touch` without asking the
 * database: most updates come from families, and on FerretDB v1 each read of `users` scans every
 * user (bench:updates: with 50,000 users known, that read bounded the whole bot). A person writes
 * every few seconds, so a minute saves nearly every read. Staff profiles are never reused: their
 * roles are read at every update. What the reuse costs: a family's last-seen time is written at
 * most once a minute, and a language chosen through another bot process (webhook mode with
 * several) shows up to a minute later. Every change made through this process forgets the entry.
 */
const FAMILY_PROFILE_MS = 60_000;
const FAMILY_PROFILES_MAX = 50_000;

/** Speaks Telegram ids with the bot; stores only pseudonyms (`refOf`). */
export function createUserService(models: Models, clock: Clock, adminIds: readonly number[], cipher: UserRefCipher, defaultTimeZone: string = DEFAULT_TIME_ZONE): UserService {
  const refOf = (userId: number): UserRef => cipher.userRef(userId);
  const toProfile = (userId: number, record: UserRecord): UserProfile => ({
    id: userId,
    locale: record.locale ?? undefined,
    actor: buildActor({ userId, grants: record.roles ?? [], isAdmin: adminIds.includes(userId) }),
  });

  const localeCache = new Map<number, { locale: string | undefined; at: number }>();
  /** Keyed by pseudonym, so the outbox, which knows only pseudonyms, can forget entries too. */
  const familyProfiles = new Map<UserRef, { profile: UserProfile; at: number }>();
  const forgetProfile = (userId: number) => familyProfiles.delete(refOf(userId));
  const remember = (userId: number, locale: string | undefined) => {
    if (localeCache.size > 10_000) localeCache.clear();
    localeCache.set(userId, { locale, at: Date.now() });
  };

  return {
    async touch(userId) {
      const now = clock.now();
      const ref = refOf(userId);
      const cached = familyProfiles.get(ref);
      const age = cached ? now.getTime() - cached.at : Number.POSITIVE_INFINITY;
      if (cached && age >= 0 && age < FAMILY_PROFILE_MS) return cached.profile;
      const record = await models.users
        .findOneAndUpdate(
          { _id: refOf(userId) },
          { $set: { lastSeenAt: now, unreachableSince: null }, $setOnInsert: { firstSeenAt: now, roles: [] } },
          { upsert: true, returnDocument: "after", lean: true },
        )
        .exec();
      if (!record) throw new Error("user upsert returned nothing");
      remember(userId, record.locale ?? undefined);
      const profile = toProfile(userId, record);
      if ((record.roles ?? []).length === 0 && !adminIds.includes(userId)) {
        if (familyProfiles.size >= FAMILY_PROFILES_MAX) familyProfiles.clear();
        familyProfiles.set(ref, { profile, at: now.getTime() });
      } else familyProfiles.delete(ref);
      return profile;
    },
    async setLocale(userId, locale) {
      forgetProfile(userId);
      await models.users.updateOne({ _id: refOf(userId) }, { $set: { locale } }).exec();
      remember(userId, locale);
    },
    async markUnreachable(userId) {
      // So their next update, when they are back, is written down (touch clears the mark).
      forgetProfile(userId);
      await models.users.updateOne({ _id: refOf(userId) }, { $set: { unreachableSince: clock.now() } }).exec();
    },
    async markManyUnreachable(userRefs) {
      if (userRefs.length === 0) return;
      for (const ref of userRefs) familyProfiles.delete(ref);
      await models.users.updateMany({ _id: { $in: [...userRefs] }, unreachableSince: null }, { $set: { unreachableSince: clock.now() } }).exec();
    },
    async get(userId) {
      const record = await models.users.findById(refOf(userId)).lean().exec();
      return record ? toProfile(userId, record) : null;
    },
    async actorNow(userId) {
      const record = await models.users.findById(refOf(userId), { roles: 1 }).lean().exec();
      return buildActor({ userId, grants: record?.roles ?? [], isAdmin: adminIds.includes(userId) });
    },
    async settingsOf(userId) {
      const record = await models.users.findById(refOf(userId), { locale: 1, timeZone: 1, reminderOptOuts: 1 }).lean().exec();
      return {
        ...(record?.locale ? { locale: record.locale } : {}),
        timeZone: effectiveTimeZone(record?.timeZone, defaultTimeZone),
        timeZoneChosen: Boolean(record?.timeZone),
        reminderOptOuts: record?.reminderOptOuts ?? [],
      };
    },
    async setTimeZone(userId, timeZone) {
      const zone = canonicalTimeZone(timeZone);
      if (!zone) return null;
      await models.users.updateOne({ _id: refOf(userId) }, { $set: { timeZone: zone } }).exec();
      return zone;
    },
    async setReminder(userId, kind, on) {
      // A small list replaced whole (see DATABASE.md: no positional updates on FerretDB).
      const record = await models.users.findById(refOf(userId), { reminderOptOuts: 1 }).lean().exec();
      const current = record?.reminderOptOuts ?? [];
      const next = on ? current.filter((k) => k !== kind) : current.includes(kind) ? current : [...current, kind];
      await models.users.updateOne({ _id: refOf(userId) }, { $set: { reminderOptOuts: next } }).exec();
      return next;
    },
    forgetCached(userId) {
      localeCache.delete(userId);
      forgetProfile(userId);
    },
    async localeOf(userId) {
      const cached = localeCache.get(userId);
      if (cached && Date.now() - cached.at < LOCALE_CACHE_MS) return cached.locale;
      const record = await models.users.findById(refOf(userId), { locale: 1 }).lean().exec();
      remember(userId, record?.locale ?? undefined);
      return record?.locale ?? undefined;
    },
  };
}
