// A group, supergroup or channel where emulated users post and into which the bot can be added.
import type { GroupRecord, StoredMessage } from "./chatRecords.js";
import { toChatMessage } from "./chatMessageView.js";
import { describeMessage, inlineButtons, visibleText, type EmulatedUser } from "./emulatedUser.js";
import { botUser, enqueueGroupMembershipChange, enqueueUpdate, groupChat, nowSeconds, telegramUser, type EmulatorState } from "./emulatorState.js";
import type { ChatMessage, TelegramObject } from "./types.js";
import { waitForChange } from "./waitForChange.js";

const defaultWaitMs = 5000;

/**
 * Every message posted here reaches the bot while it is a member (as for a bot that is an
 * administrator or has privacy mode off), so tests see what the bot does with each of them.
 */
export class EmulatedGroup {
  /** Store sequence number of the last post or press by any member; replies are counted after it. */
  private lastActionSeq = 0;

  /** @internal Created by TelegramEmulator.createGroup. */
  constructor(
    private readonly state: EmulatorState,
    private readonly record: GroupRecord,
  ) {}

  get id(): number {
    return this.record.id;
  }

  get type(): GroupRecord["type"] {
    return this.record.type;
  }

  get title(): string {
    return this.record.title;
  }

  /** "left" until someone adds the bot, and again after the bot called leaveChat. */
  get botStatus(): GroupRecord["botStatus"] {
    return this.record.botStatus;
  }

  addMember(user: EmulatedUser): void {
    if (this.record.memberIds.includes(user.id)) return;
    this.state.store.updateGroup(this.record, { memberIds: [...this.record.memberIds, user.id] });
  }

  /**
   * A member adds the bot. The bot receives my_chat_member (left → member, or administrator, which
   * is the only way into a channel) and, in groups, the service message listing the new member.
   */
  addBot(by: EmulatedUser, opts: { asAdministrator?: boolean } = {}): number {
    this.assertMember(by);
    if (this.record.botStatus !== "left") throw new Error(`The bot is already in ${this.record.type} ${this.id}`);
    const status = opts.asAdministrator || this.record.type === "channel" ? "administrator" : "member";
    this.beginAction();
    this.state.store.updateGroup(this.record, { botStatus: status });
    const from = this.userObject(by);
    const updateId = enqueueGroupMembershipChange(this.state, this.record, from, "left", status);
    if (this.record.type !== "channel") {
      const stored = this.state.store.addMessage(this.id, "user", (messageId) => ({
        message_id: messageId,
        from,
        chat: groupChat(this.record),
        date: nowSeconds(this.state),
        new_chat_members: [botUser(this.state)],
        new_chat_member: botUser(this.state),
        new_chat_participant: botUser(this.state),
      }));
      enqueueUpdate(this.state, { message: stored.message });
    }
    return updateId;
  }

  /**
   * A member posts text (in a channel: the channel posts it); a leading /command and every @username
   * get their entities, as in Telegram. Returns the update id, or undefined when the bot is not in the chat.
   */
  sendText(from: EmulatedUser, text: string, opts: { replyTo?: number } = {}): number | undefined {
    this.assertMember(from);
    const entities: TelegramObject[] = [];
    const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
    if (command) entities.push({ type: "bot_command", offset: 0, length: command[0].length });
    for (const mention of text.matchAll(/(?<![\w/])@[A-Za-z0-9_]{5,32}/g)) {
      if (command && mention.index < command[0].length) continue;
      entities.push({ type: "mention", offset: mention.index, length: mention[0].length });
    }
    const replied = opts.replyTo !== undefined ? this.state.store.message(this.id, opts.replyTo) : undefined;
    if (opts.replyTo !== undefined && !replied) throw new Error(`No message ${opts.replyTo} in ${this.record.type} ${this.id} to reply to`);
    this.beginAction();
    const channel = this.record.type === "channel";
    const stored = this.state.store.addMessage(this.id, "user", (messageId) => ({
      message_id: messageId,
      ...(channel ? { sender_chat: groupChat(this.record) } : { from: this.userObject(from) }),
      chat: groupChat(this.record),
      date: nowSeconds(this.state),
      ...(replied ? { reply_to_message: withoutNestedReply(replied.message) } : {}),
      text,
      ...(entities.length > 0 ? { entities } : {}),
    }));
    if (this.record.botStatus === "left") return undefined;
    return enqueueUpdate(this.state, { [channel ? "channel_post" : "message"]: stored.message });
  }

  /** `/command` (or `/command@bot` with `addressed`), optionally with a payload. */
  sendCommand(from: EmulatedUser, command: string, opts: { payload?: string; addressed?: boolean } = {}): number | undefined {
    const name = command.replace(/^\//, "");
    const target = opts.addressed ? `@${this.state.bot.username}` : "";
    return this.sendText(from, `/${name}${target}${opts.payload ? ` ${opts.payload}` : ""}`);
  }

  /** "@bot <text>" */
  mentionBot(from: EmulatedUser, text: string): number | undefined {
    return this.sendText(from, `@${this.state.bot.username} ${text}`);
  }

  /** A member presses a callback button on a bot message in this chat, by its data (forged data too). */
  pressCallback(from: EmulatedUser, messageId: number, callbackData: string): number {
    this.assertMember(from);
    const stored = this.state.store.message(this.id, messageId);
    if (!stored || stored.from !== "bot") throw new Error(`${this.record.type} ${this.id} has no bot message ${messageId} to press a button on`);
    this.beginAction();
    const query = this.state.queries.addCallbackQuery(from.id, messageId, callbackData);
    return enqueueUpdate(this.state, {
      callback_query: {
        id: query.id,
        from: this.userObject(from),
        message: stored.message,
        chat_instance: String(this.id * 7919 - this.state.bot.id),
        data: callbackData,
      },
    });
  }

  pressButton(from: EmulatedUser, label: string | RegExp): number {
    const matches = (text: string) => (typeof label === "string" ? visibleText(text) === label : label.test(visibleText(text)));
    for (const message of this.visibleBotMessages().reverse()) {
      const button = inlineButtons(message).find((b) => typeof b.callback_data === "string" && matches(String(b.text)));
      if (button) return this.pressCallback(from, message.messageId, button.callback_data as string);
    }
    throw new Error(`No inline button ${String(label)} to press in ${this.record.type} ${this.id}`);
  }

  transcript(): ChatMessage[] {
    return this.state.store.transcript(this.id);
  }

  botMessages(): ChatMessage[] {
    return this.transcript().filter((m) => m.from === "bot");
  }

  /** Bot messages sent or edited here since the last post or press of any member. */
  repliesSinceLastAction(): ChatMessage[] {
    return this.state.store.botChangesSince(this.id, this.lastActionSeq).map(toChatMessage);
  }

  waitForReplies(opts: { count?: number; timeoutMs?: number } = {}): Promise<ChatMessage[]> {
    const count = opts.count ?? 1;
    return this.waitFor(() => {
      const changed = this.repliesSinceLastAction();
      return changed.length >= count ? changed : undefined;
    }, opts.timeoutMs, `${count} bot message(s)`);
  }

  waitForText(match: string | RegExp, opts: { timeoutMs?: number } = {}): Promise<ChatMessage> {
    const test = (text: string) => (typeof match === "string" ? visibleText(text).includes(match) : match.test(visibleText(text)));
    return this.waitFor(() => this.repliesSinceLastAction().find((m) => test(m.text ?? m.caption ?? "")), opts.timeoutMs, `a bot message matching ${String(match)}`);
  }

  /** Resolves once the bot has left (leaveChat). */
  waitForBotToLeave(opts: { timeoutMs?: number } = {}): Promise<true> {
    return this.waitFor(() => (this.record.botStatus === "left" ? true : undefined), opts.timeoutMs, "the bot to leave");
  }

  private waitFor<T>(check: () => T | undefined, timeoutMs = defaultWaitMs, what: string): Promise<T> {
    return waitForChange(this.state.store, this.id, check, timeoutMs, () => {
      const tail = this.transcript().slice(-8).map(describeMessage).join("\n");
      return `${this.record.type} ${this.id} waited ${timeoutMs} ms for ${what} after the last action.\n${tail || "(empty)"}`;
    });
  }

  private userObject(user: EmulatedUser): TelegramObject {
    const record = this.state.store.user(user.id);
    if (!record) throw new Error(`User ${user.id} does not exist`);
    return telegramUser(record);
  }

  private assertMember(user: EmulatedUser): void {
    if (!this.record.memberIds.includes(user.id)) throw new Error(`User ${user.id} is not a member of ${this.record.type} ${this.id}`);
  }

  private beginAction(): void {
    this.lastActionSeq = this.state.store.markAction();
  }

  private visibleBotMessages(): StoredMessage[] {
    return this.state.store.visibleMessages(this.id).filter((m) => m.from === "bot");
  }
}

function withoutNestedReply(message: TelegramObject): TelegramObject {
  const { reply_to_message: _nested, ...rest } = message;
  return rest;
}
