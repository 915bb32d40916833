// Users, their private chats with the bot and every message in them; emits a change event for each edit.
import { EventEmitter } from "node:events";
import type { ReplyMarkup } from "./replyMarkup.js";
import type { CallbackAnswer, ChatMessage, InlineAnswer, TelegramObject } from "./types.js";
import { toChatMessage } from "./chatMessageView.js";

export interface UserRecord {
  id: number;
  firstName: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
  /** The chat exists for the bot once the user has sent anything. */
  started: boolean;
  blockedBot: boolean;
}

/** A group, supergroup or channel the emulated users share; the bot is in it only after being added. */
export interface GroupRecord {
  id: number;
  type: "group" | "supergroup" | "channel";
  title: string;
  /** Users who post in the group (channels: the admins who post). */
  memberIds: number[];
  /** The bot's membership, as my_chat_member reports it. */
  botStatus: "left" | "member" | "administrator";
}

export interface NewGroup {
  id?: number;
  type?: GroupRecord["type"];
  title?: string;
  memberIds?: number[];
  /** The bot was added before (as a member), without an update being queued: like a group from an older release. */
  withBot?: boolean;
}

export interface StoredMessage {
  chatId: number;
  messageId: number;
  from: "user" | "bot";
  /** The Message object as Telegram would return it now. */
  message: TelegramObject;
  deleted: boolean;
  editCount: number;
  parseMode?: string;
  markup?: ReplyMarkup;
}

interface ChatState {
  nextMessageId: number;
  messages: Map<number, StoredMessage>;
  /** Sequence numbers of bot sends/edits, so a user can ask "what changed since my last action?". */
  botChanges: { seq: number; messageId: number }[];
  callbackAnswers: CallbackAnswer[];
  version: number;
}

export interface CallbackQueryRecord {
  id: string;
  userId: number;
  messageId: number;
  data: string;
  at: number;
  answered: boolean;
}

export interface InlineQueryRecord {
  id: string;
  userId: number;
  query: string;
  at: number;
  answer?: InlineAnswer;
}

export type ChatEvent =
  | { type: "upsert"; userId: number; seq: number; change: "sent" | "edited"; message: ChatMessage }
  | { type: "delete"; userId: number; seq: number; messageId: number }
  | { type: "callbackAnswer"; userId: number; seq: number; answer: CallbackAnswer }
  | { type: "inlineAnswer"; userId: number; seq: number; answer: InlineAnswer }
  | { type: "user"; userId: number; seq: number; user: UserRecord }
  /** A group's record changed (the bot joined or left); `userId` is the group's chat id. */
  | { type: "group"; userId: number; seq: number; group: GroupRecord };

export interface NewUser {
  id?: number;
  firstName?: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
  /** The user has written to the bot already (the chat exists), without an update being queued. */
  started?: boolean;
}

const firstAutoUserId = 100001;
/** Real ids: basic groups are small negatives, supergroups and channels -100…. */
const firstAutoGroupId: Record<GroupRecord["type"], number> = { group: -4_000_000_001, supergroup: -1_002_000_000_001, channel: -1_003_000_000_001 };

export class ChatStore {
  readonly events = new EventEmitter();
  private seq = 0;
  private nextUserId = firstAutoUserId;
  private readonly users = new Map<number, UserRecord>();
  private readonly groups = new Map<number, GroupRecord>();
  private readonly chats = new Map<number, ChatState>();
  private readonly callbackQueries = new Map<string, CallbackQueryRecord>();
  private callbackCounter = 0;
  private readonly inlineQueries = new Map<string, InlineQueryRecord>();
  private inlineCounter = 0;

  constructor(private readonly now: () => number) {
    // SSE clients and waiting tests each hold a listener.
    this.events.setMaxListeners(0);
  }

  get currentSeq(): number {
    return this.seq;
  }

  createUser(input: NewUser = {}): UserRecord {
    let id = input.id;
    if (id === undefined) {
      while (this.users.has(this.nextUserId)) this.nextUserId += 1;
      id = this.nextUserId++;
    }
    if (this.users.has(id)) throw new Error(`User ${id} already exists`);
    const user: UserRecord = {
      id,
      firstName: input.firstName ?? `User ${id}`,
      ...(input.lastName ? { lastName: input.lastName } : {}),
      ...(input.username ? { username: input.username } : {}),
      ...(input.languageCode ? { languageCode: input.languageCode } : {}),
      started: input.started === true,
      blockedBot: false,
    };
    this.users.set(id, user);
    this.emitUser(user);
    return user;
  }

  user(id: number): UserRecord | undefined {
    return this.users.get(id);
  }

  listUsers(): UserRecord[] {
    return [...this.users.values()];
  }

  updateUser(user: UserRecord, change: Partial<Pick<UserRecord, "started" | "blockedBot">>): void {
    Object.assign(user, change);
    this.emitUser(user);
  }

  createGroup(input: NewGroup = {}): GroupRecord {
    const type = input.type ?? "group";
    let id = input.id;
    if (id === undefined) {
      id = firstAutoGroupId[type];
      while (this.groups.has(id)) id -= 1;
    }
    if (id >= 0) throw new Error(`Group ids are negative, got ${id}`);
    if (this.groups.has(id)) throw new Error(`Group ${id} already exists`);
    const group: GroupRecord = { id, type, title: input.title ?? `Group ${-id}`, memberIds: [...(input.memberIds ?? [])], botStatus: input.withBot ? "member" : "left" };
    this.groups.set(id, group);
    return group;
  }

  group(id: number): GroupRecord | undefined {
    return this.groups.get(id);
  }

  updateGroup(group: GroupRecord, change: Partial<Pick<GroupRecord, "botStatus" | "memberIds">>): void {
    Object.assign(group, change);
    const seq = this.bump(group.id);
    this.events.emit("change", { type: "group", userId: group.id, seq, group: { ...group, memberIds: [...group.memberIds] } } satisfies ChatEvent);
  }

  /** A chat the bot may talk to: the user exists and has started it. */
  startedUser(chatId: number): UserRecord | undefined {
    const user = this.users.get(chatId);
    return user?.started ? user : undefined;
  }

  addMessage(
    chatId: number,
    from: "user" | "bot",
    build: (messageId: number) => TelegramObject,
    meta: { parseMode?: string; markup?: ReplyMarkup } = {},
  ): StoredMessage {
    const chat = this.chat(chatId);
    const messageId = chat.nextMessageId++;
    const stored: StoredMessage = { chatId, messageId, from, message: build(messageId), deleted: false, editCount: 0, ...meta };
    chat.messages.set(messageId, stored);
    this.emitUpsert(stored, "sent");
    return stored;
  }

  message(chatId: number, messageId: number): StoredMessage | undefined {
    const stored = this.chats.get(chatId)?.messages.get(messageId);
    return stored && !stored.deleted ? stored : undefined;
  }

  replaceMessage(stored: StoredMessage, message: TelegramObject, meta: { parseMode?: string; markup?: ReplyMarkup | undefined }): void {
    stored.message = message;
    stored.editCount += 1;
    if ("parseMode" in meta) stored.parseMode = meta.parseMode;
    if ("markup" in meta) stored.markup = meta.markup;
    this.emitUpsert(stored, "edited");
  }

  deleteMessage(stored: StoredMessage): void {
    stored.deleted = true;
    const seq = this.bump(stored.chatId);
    this.events.emit("change", { type: "delete", userId: stored.chatId, seq, messageId: stored.messageId } satisfies ChatEvent);
  }

  transcript(chatId: number): ChatMessage[] {
    const chat = this.chats.get(chatId);
    if (!chat) return [];
    return [...chat.messages.values()].filter((m) => !m.deleted).map(toChatMessage);
  }

  visibleMessages(chatId: number): StoredMessage[] {
    const chat = this.chats.get(chatId);
    return chat ? [...chat.messages.values()].filter((m) => !m.deleted) : [];
  }

  /** Bot messages sent or edited after `afterSeq`, each once, in the order of their first change. */
  botChangesSince(chatId: number, afterSeq: number): StoredMessage[] {
    const chat = this.chats.get(chatId);
    if (!chat) return [];
    const seen = new Set<number>();
    const result: StoredMessage[] = [];
    for (const change of chat.botChanges) {
      if (change.seq <= afterSeq || seen.has(change.messageId)) continue;
      seen.add(change.messageId);
      const stored = chat.messages.get(change.messageId);
      if (stored && !stored.deleted) result.push(stored);
    }
    return result;
  }

  version(chatId: number): number {
    return this.chats.get(chatId)?.version ?? 0;
  }

  addCallbackQuery(userId: number, messageId: number, data: string): CallbackQueryRecord {
    this.callbackCounter += 1;
    // Telegram callback ids are long decimal strings; uniqueness is all that matters here.
    const id = `${userId}${String(this.callbackCounter).padStart(8, "0")}`;
    const record: CallbackQueryRecord = { id, userId, messageId, data, at: this.now(), answered: false };
    this.callbackQueries.set(id, record);
    return record;
  }

  callbackQuery(id: string): CallbackQueryRecord | undefined {
    return this.callbackQueries.get(id);
  }

  recordCallbackAnswer(userId: number, answer: CallbackAnswer): void {
    this.chat(userId).callbackAnswers.push(answer);
    const seq = this.bump(userId);
    this.events.emit("change", { type: "callbackAnswer", userId, seq, answer } satisfies ChatEvent);
  }

  callbackAnswers(userId: number): CallbackAnswer[] {
    return [...(this.chats.get(userId)?.callbackAnswers ?? [])];
  }

  addInlineQuery(userId: number, query: string): InlineQueryRecord {
    this.inlineCounter += 1;
    const id = `${userId}${String(this.inlineCounter).padStart(9, "0")}`;
    const record: InlineQueryRecord = { id, userId, query, at: this.now() };
    this.inlineQueries.set(id, record);
    return record;
  }

  inlineQuery(id: string): InlineQueryRecord | undefined {
    return this.inlineQueries.get(id);
  }

  recordInlineAnswer(record: InlineQueryRecord, answer: InlineAnswer): void {
    record.answer = answer;
    const seq = this.bump(record.userId);
    this.events.emit("change", { type: "inlineAnswer", userId: record.userId, seq, answer } satisfies ChatEvent);
  }

  /** A user's answered inline queries, oldest first. */
  inlineAnswers(userId: number): InlineAnswer[] {
    return [...this.inlineQueries.values()].filter((q) => q.userId === userId && q.answer).map((q) => q.answer!);
  }

  /** Marks a user action; replies are counted from here. */
  markAction(): number {
    this.seq += 1;
    return this.seq;
  }

  private emitUpsert(stored: StoredMessage, change: "sent" | "edited"): void {
    const seq = this.bump(stored.chatId);
    if (stored.from === "bot") this.chat(stored.chatId).botChanges.push({ seq, messageId: stored.messageId });
    const event: ChatEvent = { type: "upsert", userId: stored.chatId, seq, change, message: toChatMessage(stored) };
    this.events.emit("change", event);
  }

  private emitUser(user: UserRecord): void {
    const seq = this.bump(user.id);
    this.events.emit("change", { type: "user", userId: user.id, seq, user: { ...user } } satisfies ChatEvent);
  }

  private bump(chatId: number): number {
    this.seq += 1;
    this.chat(chatId).version = this.seq;
    return this.seq;
  }

  private chat(chatId: number): ChatState {
    let chat = this.chats.get(chatId);
    if (!chat) {
      chat = { nextMessageId: 1, messages: new Map(), botChanges: [], callbackAnswers: [], version: 0 };
      this.chats.set(chatId, chat);
    }
    return chat;
  }
}
