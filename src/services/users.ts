import { buildActor, type Actor } from "../domain/roles.js";
import type { Clock } from "../clock.js";
import type { Models } from "../db/models/index.js";
import type { UserRecord } from "../db/models/user.js";
import type { UserRefCipher, UserRef } from "../security/fieldCipher.js";

export interface UserProfile {
  id: number;
  locale?: string;
  actor: Actor;
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
  /** Forgets what this process remembers of the user (after they erased their data: a new user next time). */
  forgetCached(userId: number): void;
}

const LOCALE_CACHE_MS = 60_000;

/** Speaks Telegram ids with the bot; stores only pseudonyms (`refOf`). */
export function createUserService(models: Models, clock: Clock, adminIds: readonly number[], cipher: UserRefCipher): UserService {
  const refOf = (userId: number): UserRef => cipher.userRef(userId);
  const toProfile = (userId: number, record: UserRecord): UserProfile => ({
    id: userId,
    locale: record.locale ?? undefined,
    actor: buildActor({ userId, grants: record.roles ?? [], isAdmin: adminIds.includes(userId) }),
  });

  const localeCache = new Map<number, { locale: string | undefined; at: number }>();
  const remember = (userId: number, locale: string | undefined) => {
    if (localeCache.size > 10_000) localeCache.clear();
    localeCache.set(userId, { locale, at: Date.now() });
  };

  return {
    async touch(userId) {
      const now = clock.now();
      const record = await models.users
        .findOneAndUpdate(
          { _id: refOf(userId) },
          { $set: { lastSeenAt: now, unreachableSince: null }, $setOnInsert: { firstSeenAt: now, roles: [] } },
          { upsert: true, returnDocument: "after", lean: true },
        )
        .exec();
      if (!record) throw new Error("user upsert returned nothing");
      remember(userId, record.locale ?? undefined);
      return toProfile(userId, record);
    },
    async setLocale(userId, locale) {
      await models.users.updateOne({ _id: refOf(userId) }, { $set: { locale } }).exec();
      remember(userId, locale);
    },
    async markUnreachable(userId) {
      await models.users.updateOne({ _id: refOf(userId) }, { $set: { unreachableSince: clock.now() } }).exec();
    },
    async markManyUnreachable(userRefs) {
      if (userRefs.length === 0) return;
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
    forgetCached(userId) {
      localeCache.delete(userId);
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
