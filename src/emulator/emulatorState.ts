// Everything one emulated bot account owns, shared by the Bot API methods and the user side.
import { BotActivity } from "./botActivity.js";
import type { GroupRecord, UserRecord } from "./chatRecords.js";
import { ChatStore } from "./chatStore.js";
import { CallLog } from "./callLog.js";
import { FaultInjector } from "./faults.js";
import { FileStore } from "./fileStore.js";
import { QueryRegistry } from "./queryRegistry.js";
import { SendRateLimiter } from "./rateLimiter.js";
import { UpdateQueue } from "./updateQueue.js";
import { WebhookDelivery, type WebhookReplyHandler } from "./webhookDelivery.js";
import type { EmulatorOptions, TelegramObject } from "./types.js";

export interface BotSettings {
  /** setMyCommands lists keyed by scope and language, like Telegram stores them. */
  commands: Map<string, TelegramObject[]>;
  menuButtons: Map<string, TelegramObject>;
  texts: Map<string, string>;
}

export interface EmulatorState {
  readonly token: string;
  readonly bot: { id: number; firstName: string; username: string };
  readonly now: () => number;
  readonly longPollMaxSeconds: number;
  readonly store: ChatStore;
  readonly queries: QueryRegistry;
  readonly files: FileStore;
  readonly queue: UpdateQueue;
  readonly webhook: WebhookDelivery;
  readonly limiter: SendRateLimiter;
  readonly faults: FaultInjector;
  readonly log: CallLog;
  readonly settings: BotSettings;
  /** Calls in flight and updates not yet handled: what "the bot is quiet" is measured on. */
  readonly activity: BotActivity;
}

export const defaultToken = "123456:TEST-TOKEN";
export const defaultBotUsername = "family_reach_test_bot";
/** Real update ids are large; starting high catches code that assumes small numbers. */
const defaultFirstUpdateId = 700_000_001;

export function createEmulatorState(options: EmulatorOptions, onWebhookReply: WebhookReplyHandler): EmulatorState {
  const token = options.token ?? defaultToken;
  const botId = Number(token.split(":")[0]);
  if (!Number.isSafeInteger(botId) || botId <= 0) throw new Error(`Emulator token must look like "<bot id>:<secret>", got "${token}"`);
  const now = options.now ?? Date.now;
  // The queue reports every change to `activity`, which is created right after it.
  const queue: UpdateQueue = new UpdateQueue(options.firstUpdateId ?? defaultFirstUpdateId, () => activity.touch());
  const activity = new BotActivity(() => queue.unconfirmed);
  const username = options.botUsername ?? defaultBotUsername;
  return {
    token,
    bot: { id: botId, firstName: botFirstName(username), username },
    now,
    longPollMaxSeconds: options.longPollMaxSeconds ?? 50,
    store: new ChatStore(),
    queries: new QueryRegistry(now),
    files: new FileStore(),
    queue,
    webhook: new WebhookDelivery(queue, now, onWebhookReply, (what) => activity.begin(what)),
    limiter: new SendRateLimiter(options.limits ?? {}, now),
    faults: new FaultInjector(options.faults ?? {}),
    log: new CallLog(options.callLogLimit),
    settings: { commands: new Map(), menuButtons: new Map(), texts: new Map() },
    activity,
  };
}

function botFirstName(username: string): string {
  const words = username.replace(/_?bot$/i, "").split("_").filter(Boolean);
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" ") || "Test Bot";
}

export const nowSeconds = (state: EmulatorState): number => Math.floor(state.now() / 1000);

export function botUser(state: EmulatorState): TelegramObject {
  return { id: state.bot.id, is_bot: true, first_name: state.bot.firstName, username: state.bot.username };
}

export function telegramUser(user: UserRecord): TelegramObject {
  return {
    id: user.id,
    is_bot: false,
    first_name: user.firstName,
    ...(user.lastName ? { last_name: user.lastName } : {}),
    ...(user.username ? { username: user.username } : {}),
    ...(user.languageCode ? { language_code: user.languageCode } : {}),
  };
}

export function privateChat(user: UserRecord): TelegramObject {
  return {
    id: user.id,
    type: "private",
    first_name: user.firstName,
    ...(user.lastName ? { last_name: user.lastName } : {}),
    ...(user.username ? { username: user.username } : {}),
  };
}

export function groupChat(group: GroupRecord): TelegramObject {
  return { id: group.id, title: group.title, type: group.type };
}

/** The bot's ChatMember object for a status, with the rights Telegram lists for an administrator. */
export function botChatMember(state: EmulatorState, status: GroupRecord["botStatus"], chatType: GroupRecord["type"]): TelegramObject {
  if (status !== "administrator") return { user: botUser(state), status };
  return {
    user: botUser(state),
    status,
    can_be_edited: false,
    is_anonymous: false,
    can_manage_chat: true,
    can_delete_messages: true,
    can_manage_video_chats: true,
    can_restrict_members: true,
    can_promote_members: false,
    can_change_info: true,
    can_invite_users: true,
    can_post_stories: chatType === "channel",
    can_edit_stories: chatType === "channel",
    can_delete_stories: chatType === "channel",
    ...(chatType === "channel" ? { can_post_messages: true, can_edit_messages: true } : { can_pin_messages: true, can_manage_topics: false }),
  };
}

/** The my_chat_member update for a change of the bot's status in a group; `from` is who changed it. */
export function enqueueGroupMembershipChange(
  state: EmulatorState,
  group: GroupRecord,
  from: TelegramObject,
  before: GroupRecord["botStatus"],
  after: GroupRecord["botStatus"],
): number {
  return enqueueUpdate(state, {
    my_chat_member: {
      chat: groupChat(group),
      from,
      date: nowSeconds(state),
      old_chat_member: botChatMember(state, before, group.type),
      new_chat_member: botChatMember(state, after, group.type),
    },
  });
}

/** Adds an update with a fresh update_id and returns that id. */
export function enqueueUpdate(state: EmulatorState, body: TelegramObject): number {
  const updateId = state.queue.allocateId();
  state.queue.push({ update_id: updateId, ...body });
  return updateId;
}

/** The my_chat_member update Telegram sends when a user blocks or unblocks the bot. */
export function enqueueMembershipChange(
  state: EmulatorState,
  user: UserRecord,
  from: "member" | "kicked",
  to: "member" | "kicked",
): number {
  const member = (status: string) => ({ user: botUser(state), status, ...(status === "kicked" ? { until_date: 0 } : {}) });
  return enqueueUpdate(state, {
    my_chat_member: {
      chat: privateChat(user),
      from: telegramUser(user),
      date: nowSeconds(state),
      old_chat_member: member(from),
      new_chat_member: member(to),
    },
  });
}
