import { buildActor, type Actor } from "../domain/roles.js";
import type { Clock } from "../clock.js";
import type { Models } from "../db/models/index.js";
import type { UserRecord } from "../db/models/user.js";

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
  /** Telegram answered 403 for these users (blocked the bot, deactivated): later broadcasts skip them. */
  markManyUnreachable(userIds: readonly number[]): Promise<void>;
  get(userId: number): Promise<UserProfile | null>;
  /** The user's roles as stored at this moment; privileged services call it right before they act. */
  actorNow(userId: number): Promise<Actor>;
  /** The user's chosen locale, cached briefly: read on every update, also inside conversations. */
  localeOf(userId: number): Promise<string | undefined>;
}

const LOCALE_CACHE_MS = 60_000;

export function createUserService(models: Models, clock: Clock, adminIds: readonly number[]): UserService {
  const toProfile = (record: UserRecord): UserProfile => ({
    id: record._id,
    locale: record.locale ?? undefined,
    actor: buildActor({ userId: record._id, grants: record.roles ?? [], isAdmin: adminIds.includes(record._id) }),
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
          { _id: userId },
          { $set: { lastSeenAt: now, unreachableSince: null }, $setOnInsert: { firstSeenAt: now, roles: [] } },
          { upsert: true, returnDocument: "after", lean: true },
        )
        .exec();
      if (!record) throw new Error("user upsert returned nothing");
      remember(userId, record.locale ?? undefined);
      return toProfile(record);
    },
    async setLocale(userId, locale) {
      await models.users.updateOne({ _id: userId }, { $set: { locale } }).exec();
      remember(userId, locale);
    },
    async markUnreachable(userId) {
      await models.users.updateOne({ _id: userId }, { $set: { unreachableSince: clock.now() } }).exec();
    },
    async markManyUnreachable(userIds) {
      if (userIds.length === 0) return;
      await models.users.updateMany({ _id: { $in: [...userIds] }, unreachableSince: null }, { $set: { unreachableSince: clock.now() } }).exec();
    },
    async get(userId) {
      const record = await models.users.findById(userId).lean().exec();
      return record ? toProfile(record) : null;
    },
    async actorNow(userId) {
      const record = await models.users.findById(userId, { roles: 1 }).lean().exec();
      return buildActor({ userId, grants: record?.roles ?? [], isAdmin: adminIds.includes(userId) });
    },
    async localeOf(userId) {
      const cached = localeCache.get(userId);
      if (cached && Date.now() - cached.at < LOCALE_CACHE_MS) return cached.locale;
      const record = await models.users.findById(userId, { locale: 1 }).lean().exec();
      remember(userId, record?.locale ?? undefined);
      return record?.locale ?? undefined;
    },
  };
}
