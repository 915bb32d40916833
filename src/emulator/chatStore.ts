// Users, groups, their chats with the bot and every message in them; emits a change event for each edit.
import { EventEmitter } from "node:events";
import { toChatMessage } from "./chatMessageView.js";
import type { ChatEvent, GroupRecord, NewGroup, NewUser, StoredMessage, UserRecord } from "./chatRecords.js";
import type { InlineQueryRecord } from "./queryRegistry.js";
import type { ReplyMarkup } from "./replyMarkup.js";
import type { CallbackAnswer, ChatMessage, InlineAnswer, TelegramObject } from "./types.js";

interface ChatState {
  nextMessageId: number;
  messages: Map<number, StoredMessage>;
  /** Sequence numbers of bot sends/edits, so a user can ask "what changed since my last action?". */
  botChanges: { seq: number; messageId: number }[];
  callbackAnswers: CallbackAnswer[];
  version: number;
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
  constructor() {
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

  recordCallbackAnswer(userId: number, answer: CallbackAnswer): void {
    this.chat(userId).callbackAnswers.push(answer);
    const seq = this.bump(userId);
    this.events.emit("change", { type: "callbackAnswer", userId, seq, answer } satisfies ChatEvent);
  }

  callbackAnswers(userId: number): CallbackAnswer[] {
    return [...(this.chats.get(userId)?.callbackAnswers ?? [])];
  }

  recordInlineAnswer(record: InlineQueryRecord, answer: InlineAnswer): void {
    record.answer = answer;
    const seq = this.bump(record.userId);
    this.events.emit("change", { type: "inlineAnswer", userId: record.userId, seq, answer } satisfies ChatEvent);
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
