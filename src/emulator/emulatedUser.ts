// A simulated person in a private chat with the bot: sends messages, presses buttons, waits for replies.
import type { StoredMessage, UserRecord } from "./chatRecords.js";
import { toChatMessage, webAppUrlOf } from "./chatMessageView.js";
import { enqueueMembershipChange, enqueueUpdate, nowSeconds, privateChat, telegramUser, type EmulatorState } from "./emulatorState.js";
import type { FileKind, NewFile } from "./fileStore.js";
import type { CallbackAnswer, ChatMessage, InlineAnswer, TelegramObject } from "./types.js";
import { waitForChange } from "./waitForChange.js";
import { effectiveMenuButton } from "./methods/botSettings.js";
import { launchWebApp, type WebAppLaunch } from "./webApps.js";

const defaultWaitMs = 5000;

export class EmulatedUser {
  /** Store sequence number of this user's last send or press; replies are counted after it. */
  private lastActionSeq = 0;
  private lastInlineQueryId: string | undefined;

  /** @internal Created by TelegramEmulator.createUser. */
  constructor(
    private readonly state: EmulatorState,
    private readonly record: UserRecord,
  ) {}

  get id(): number {
    return this.record.id;
  }

  get firstName(): string {
    return this.record.firstName;
  }

  get languageCode(): string | undefined {
    return this.record.languageCode;
  }

  set languageCode(code: string | undefined) {
    if (code === undefined) delete this.record.languageCode;
    else this.record.languageCode = code;
  }

  sendText(text: string): number {
    const command = /^\/\S+/.exec(text);
    const entities = command ? [{ type: "bot_command", offset: 0, length: command[0].length }] : undefined;
    return this.sendContent({ text, ...(entities ? { entities } : {}) });
  }

  sendCommand(command: string, payload?: string): number {
    const name = command.startsWith("/") ? command : `/${command}`;
    return this.sendText(payload ? `${name} ${payload}` : name);
  }

  sendPhoto(opts: { caption?: string; fileSize?: number } = {}): number {
    return this.sendFile("photo", { kind: "photo", ...size(opts.fileSize) }, opts.caption);
  }

  sendVoice(opts: { duration?: number; fileSize?: number } = {}): number {
    return this.sendFile("voice", { kind: "voice", ...size(opts.fileSize), ...(opts.duration ? { duration: opts.duration } : {}) });
  }

  sendDocument(opts: { fileName?: string; mimeType?: string; fileSize?: number; caption?: string } = {}): number {
    const file: NewFile = {
      kind: "document",
      ...size(opts.fileSize),
      ...(opts.fileName ? { fileName: opts.fileName } : {}),
      ...(opts.mimeType ? { mimeType: opts.mimeType } : {}),
    };
    return this.sendFile("document", file, opts.caption);
  }

  sendSticker(): number {
    return this.sendFile("sticker", { kind: "sticker" });
  }

  sendVideo(opts: { duration?: number } = {}): number {
    return this.sendFile("video", { kind: "video", ...(opts.duration ? { duration: opts.duration } : {}) });
  }

  sendContact(opts: { phoneNumber?: string } = {}): number {
    const contact = { phone_number: opts.phoneNumber ?? "+989120000000", first_name: this.record.firstName, user_id: this.id };
    return this.sendContent({ contact });
  }

  pressButton(label: string | RegExp, opts: { messageId?: number } = {}): number {
    // Labels are matched as the user sees them: invisible isolation marks (FSI/PDI) are ignored.
    const matches = (text: string) => (typeof label === "string" ? visibleText(text) === label : label.test(visibleText(text)));
    const candidates = this.visibleBotMessages()
      .filter((m) => opts.messageId === undefined || m.messageId === opts.messageId)
      .reverse();
    for (const message of candidates) {
      const button = inlineButtons(message).find((b) => typeof b.callback_data === "string" && matches(String(b.text)));
      if (button) return this.pressCallback(message.messageId, button.callback_data as string);
    }
    throw new Error(`No inline button ${String(label)} to press for user ${this.id}. Visible buttons: ${this.describeButtons()}`);
  }

  /** Presses a callback button by its data (what the web page and the driver API use). */
  pressCallback(messageId: number, callbackData: string): number {
    const stored = this.state.store.message(this.id, messageId);
    if (!stored || stored.from !== "bot") throw new Error(`User ${this.id} has no bot message ${messageId} to press a button on`);
    this.beginAction();
    const query = this.state.queries.addCallbackQuery(this.id, messageId, callbackData);
    return enqueueUpdate(this.state, {
      callback_query: {
        id: query.id,
        from: telegramUser(this.record),
        message: stored.message,
        chat_instance: this.chatInstance(),
        data: callbackData,
      },
    });
  }

  /**
   * Presses a Mini App (web_app) button — on the newest bot message that has one with this label, else
   * on the reply keyboard — and opens it as a Telegram client does: the URL with signed init data.
   * Nothing reaches the bot; the page talks to its own server.
   */
  openWebApp(label: string | RegExp, opts: { messageId?: number } = {}): WebAppLaunch {
    const matches = (text: string) => (typeof label === "string" ? visibleText(text) === visibleText(label) : label.test(visibleText(text)));
    const candidates = this.visibleBotMessages()
      .filter((m) => opts.messageId === undefined || m.messageId === opts.messageId)
      .reverse();
    for (const message of candidates) {
      const button = inlineButtons(message).find((b) => webAppUrlOf(b) !== undefined && matches(String(b.text)));
      if (button) {
        const title = visibleText(String(button.text));
        return launchWebApp(this.state, this.record, { url: webAppUrlOf(button)!, title, source: "inline_button", chatInstance: this.chatInstance() });
      }
    }
    if (opts.messageId === undefined) {
      const keyboardButton = this.activeReplyKeyboardButtons().find((b) => webAppUrlOf(b) !== undefined && matches(String(b.text)));
      if (keyboardButton) {
        return launchWebApp(this.state, this.record, { url: webAppUrlOf(keyboardButton)!, title: visibleText(String(keyboardButton.text)), source: "keyboard_button" });
      }
    }
    throw new Error(`No Mini App button ${String(label)} to open for user ${this.id}. Visible buttons: ${this.describeButtons()}`);
  }

  /**
   * The Mini App of a reply keyboard button sends data back (Telegram.WebApp.sendData): Telegram
   * closes the app and the bot receives a message with `web_app_data` ({ data, button_text }).
   */
  sendWebAppData(buttonText: string, data: string): number {
    const button = this.activeReplyKeyboardButtons().find((b) => webAppUrlOf(b) !== undefined && visibleText(String(b.text)) === visibleText(buttonText));
    if (!button) throw new Error(`No Mini App button "${buttonText}" on the reply keyboard of user ${this.id}`);
    const bytes = Buffer.byteLength(data, "utf8");
    if (bytes < 1 || bytes > 4096) throw new Error(`Mini App data must be 1-4096 bytes, got ${bytes}`);
    return this.sendContent({ web_app_data: { data, button_text: String(button.text) } });
  }

  /** The menu button beside this user's composer (setChatMenuButton: this chat's, else the bot's default). */
  menuButton(): TelegramObject {
    return effectiveMenuButton(this.state, this.id);
  }

  /** Presses the menu button when it opens a Mini App. */
  openMenuButton(): WebAppLaunch {
    const button = this.menuButton();
    const url = webAppUrlOf(button);
    if (button.type !== "web_app" || url === undefined) throw new Error(`The menu button of user ${this.id} opens no Mini App (type ${String(button.type)})`);
    return launchWebApp(this.state, this.record, { url, title: String(button.text), source: "menu_button" });
  }

  pressReplyButton(label: string): number {
    const keyboard = this.activeReplyKeyboard();
    const button = keyboard.flat().find((text) => visibleText(text) === label);
    if (button === undefined) {
      const visible = keyboard.length > 0 ? keyboard.map((row) => row.map((b) => `"${b}"`).join(", ")).join(" / ") : "none";
      throw new Error(`No reply keyboard button "${label}" for user ${this.id}. Visible reply buttons: ${visible}`);
    }
    return this.sendText(button);
  }

  /** Types "@bot <query>" in some chat (`chatType`, default "sender"): the bot receives an inline_query update to answer. */
  sendInlineQuery(query: string, opts: { offset?: string; chatType?: "sender" | "private" | "group" | "supergroup" | "channel" } = {}): number {
    this.beginAction();
    const record = this.state.queries.addInlineQuery(this.id, query);
    this.lastInlineQueryId = record.id;
    return enqueueUpdate(this.state, {
      inline_query: { id: record.id, from: telegramUser(this.record), query, offset: opts.offset ?? "", chat_type: opts.chatType ?? "sender" },
    });
  }

  /** The bot's answers to this user's inline queries, oldest first. */
  inlineAnswers(): InlineAnswer[] {
    return this.state.queries.inlineAnswers(this.id);
  }

  /** Waits for the answer to this user's most recent inline query. */
  waitForInlineAnswer(opts: { timeoutMs?: number } = {}): Promise<InlineAnswer> {
    const queryId = this.lastInlineQueryId;
    if (queryId === undefined) return Promise.reject(new Error(`User ${this.id} has sent no inline query`));
    return this.waitFor(() => this.state.queries.inlineQuery(queryId)?.answer, opts.timeoutMs, "an answer to the inline query");
  }

  transcript(): ChatMessage[] {
    return this.state.store.transcript(this.id);
  }

  botMessages(): ChatMessage[] {
    return this.transcript().filter((m) => m.from === "bot");
  }

  lastBotMessage(): ChatMessage | undefined {
    return this.botMessages().at(-1);
  }

  callbackAnswers(): CallbackAnswer[] {
    return this.state.store.callbackAnswers(this.id);
  }

  waitForReplies(opts: { count?: number; timeoutMs?: number } = {}): Promise<ChatMessage[]> {
    const count = opts.count ?? 1;
    return this.waitFor(
      () => {
        const changed = this.changedSinceAction();
        return changed.length >= count ? changed : undefined;
      },
      opts.timeoutMs,
      `${count} bot message(s)`,
    );
  }

  async waitForReply(opts: { timeoutMs?: number } = {}): Promise<ChatMessage> {
    const [first] = await this.waitForReplies({ count: 1, ...opts });
    return first!;
  }

  waitForText(match: string | RegExp, opts: { timeoutMs?: number } = {}): Promise<ChatMessage> {
    const test = (text: string) => (typeof match === "string" ? visibleText(text).includes(match) : match.test(visibleText(text)));
    return this.waitFor(
      () => this.changedSinceAction().find((m) => test(m.text ?? m.caption ?? "")),
      opts.timeoutMs,
      `a bot message matching ${String(match)}`,
    );
  }

  private waitFor<T>(check: () => T | undefined, timeoutMs = defaultWaitMs, what: string): Promise<T> {
    return waitForChange(
      this.state.store,
      this.id,
      check,
      timeoutMs,
      () => `User ${this.id} waited ${timeoutMs} ms for ${what} after their last action.\n${this.transcriptTail()}`,
    );
  }

  private changedSinceAction(): ChatMessage[] {
    return this.state.store.botChangesSince(this.id, this.lastActionSeq).map(toChatMessage);
  }

  private sendFile(kind: FileKind, file: NewFile, caption?: string): number {
    const stored = this.state.files.create(file);
    return this.sendContent({ [kind]: stored.telegramValue, ...(caption ? { caption } : {}) });
  }

  /** Any message (re)starts the chat; after a block it also tells the bot it is a member again. */
  private sendContent(content: TelegramObject): number {
    this.beginAction();
    const { store } = this.state;
    if (this.record.blockedBot) {
      store.updateUser(this.record, { blockedBot: false });
      enqueueMembershipChange(this.state, this.record, "kicked", "member");
    }
    if (!this.record.started) store.updateUser(this.record, { started: true });
    const stored = store.addMessage(this.id, "user", (messageId) => ({
      message_id: messageId,
      from: telegramUser(this.record),
      chat: privateChat(this.record),
      date: nowSeconds(this.state),
      ...content,
    }));
    return enqueueUpdate(this.state, { message: stored.message });
  }

  private beginAction(): void {
    this.lastActionSeq = this.state.store.markAction();
  }

  private visibleBotMessages(): StoredMessage[] {
    return this.state.store.visibleMessages(this.id).filter((m) => m.from === "bot");
  }

  private activeReplyKeyboard(): string[][] {
    return this.activeReplyKeyboardRows().map((row) => row.map((b) => String(b.text)));
  }

  private activeReplyKeyboardButtons(): TelegramObject[] {
    return this.activeReplyKeyboardRows().flat();
  }

  /** The newest bot message that set or removed a reply keyboard decides what is shown. */
  private activeReplyKeyboardRows(): TelegramObject[][] {
    for (const message of this.visibleBotMessages().reverse()) {
      if (message.markup?.kind === "keyboard") return message.markup.markup.keyboard;
      if (message.markup?.kind === "remove") return [];
    }
    return [];
  }

  /** Telegram's chat_instance: stable per user and bot, shared by callback queries and Mini App launches. */
  private chatInstance(): string {
    return String(-(this.id * 7919 + this.state.bot.id));
  }

  private describeButtons(): string {
    const lines = this.visibleBotMessages()
      .map((m) => ({ id: m.messageId, buttons: inlineButtons(m).map((b) => `"${String(b.text)}"`) }))
      .filter((m) => m.buttons.length > 0)
      .map((m) => `#${m.id}: ${m.buttons.join(", ")}`);
    return lines.length > 0 ? lines.join("; ") : "none";
  }

  private transcriptTail(): string {
    const tail = this.transcript().slice(-8);
    if (tail.length === 0) return "Transcript: (empty)";
    return ["Transcript tail:", ...tail.map(describeMessage)].join("\n");
  }
}

export function inlineButtons(message: StoredMessage): TelegramObject[] {
  return message.markup?.kind === "inline" ? message.markup.markup.inline_keyboard.flat() : [];
}

export function describeMessage(m: ChatMessage): string {
  const body = m.text ?? m.caption ?? (m.photo ? "[photo]" : m.document ? "[document]" : m.voice ? "[voice]" : "[other]");
  const buttons = m.inlineKeyboard ? ` {${m.inlineKeyboard.flat().map((b) => b.text).join(" | ")}}` : "";
  return `  ${m.from === "bot" ? "bot " : "user"} #${m.messageId}${m.edited ? " (edited)" : ""}: ${body}${buttons}`;
}

const size = (fileSize: number | undefined) => (fileSize !== undefined ? { fileSize } : {});

/** Text as the user sees it: Unicode isolation marks (LRI/RLI/FSI/PDI) are invisible. */
export function visibleText(text: string): string {
  return text.replace(/[\u2066-\u2069]/g, "");
}
