// Public shapes of the emulator. Other parts of the project code against these exact names.

export interface EmulatorLimits {
  /** Per-bot cap on sending methods (send*, copyMessage, forwardMessage) per second. */
  globalPerSecond: number;
  /** Cap for sending calls made with `allow_paid_broadcast: true`. */
  paidPerSecond: number;
  perChatPerSecond: number;
  /** Token-bucket burst for one chat. */
  perChatBurst: number;
}

export interface EmulatorFaults {
  /** 0..1 fraction of sending-method calls answered with 500/502. */
  serverErrorRate: number;
  /** 0..1 fraction of sending-method calls that hang `timeoutMs`, then lose their socket. */
  timeoutRate: number;
  timeoutMs: number;
  /** Sends to these chats get 403 "Forbidden: bot was blocked by the user". */
  blockedUserIds: number[];
  /** 0..1 fraction of users (chosen by a stable hash of id and seed) who blocked the bot. Extension. */
  blockedRate?: number;
  /** Seed of the PRNG used for fault draws, so runs repeat exactly. */
  seed?: number;
  /**
   * Sending calls to these chats are held (the request stays open, unanswered) until the chat is
   * taken off the list, then run as usual: one slow chat. Extension.
   */
  heldChatIds?: number[];
  /**
   * The Bot API is down: every call, of any method, gets no answer. `reset` drops its connection at
   * once (like a refused connection); `hang` keeps it open, unanswered, until the fault is lifted,
   * then drops it. A call already under way when the fault starts is dropped the same way instead of
   * running. Extension.
   */
  unreachable?: "hang" | "reset" | null;
  /**
   * A 429 storm on sending methods: this fraction of calls to a chat is answered 429 with
   * `retryAfterSeconds`. A chat's first call after its wait is over is let through (a client that
   * obeys gets its call done on the next attempt); one that comes before the wait is over is answered
   * 429 again and logged with `retryAfterViolationMs`. Extension.
   */
  floodStorm?: { rate: number; retryAfterSeconds: number } | null;
}

export interface EmulatorOptions {
  host?: string;
  port?: number;
  token?: string;
  botUsername?: string;
  limits?: Partial<EmulatorLimits>;
  faults?: Partial<EmulatorFaults>;
  /** Injected clock in milliseconds. */
  now?: () => number;
  /** Cap on the getUpdates `timeout` in seconds. */
  longPollMaxSeconds?: number;
  /**
   * The first update_id handed out. Telegram's ids only grow; a long-lived local setup whose bot
   * remembers handled ids across restarts should start each run higher (e.g. from the clock).
   */
  firstUpdateId?: number;
  /** Keep only the latest this many calls in the call log (counters stay exact); unbounded when absent. */
  callLogLimit?: number;
}

export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  at: number;
  ok: boolean;
  errorCode?: number;
  description?: string;
  retryAfter?: number;
  /** How much too early this call came after a 429 of the flood storm for its chat (only then). */
  retryAfterViolationMs?: number;
  /** The call came while the Bot API was unreachable (`faults.unreachable`): it got no answer. */
  unanswered?: boolean;
  paid?: boolean;
}

export interface InlineButtonView {
  text: string;
  callbackData?: string;
  url?: string;
  switchInlineQuery?: string;
  /** A Mini App button: the URL it opens (with signed init data) when pressed. */
  webAppUrl?: string;
}

export interface ChatMessage {
  messageId: number;
  from: "user" | "bot";
  date: number;
  text?: string;
  caption?: string;
  /** file_id of the largest size */
  photo?: string;
  document?: string;
  voice?: string;
  /** Extensions for what a user can send besides the fields above. */
  sticker?: string;
  video?: string;
  contact?: string;
  /** Data a Mini App sent back (web_app_data.data). */
  webAppData?: string;
  /** The bot through which the user sent it ("via @bot": a Mini App's answerWebAppQuery). */
  viaBot?: string;
  parseMode?: string;
  entities?: unknown[];
  inlineKeyboard?: InlineButtonView[][];
  replyKeyboard?: string[][];
  /** Reply keyboard buttons that open a Mini App: label → URL. */
  replyKeyboardWebApps?: Record<string, string>;
  removeKeyboard?: boolean;
  edited: boolean;
  editCount: number;
}

/** A bot's answerInlineQuery to a user's inline query ("@bot …" typed in any chat). */
export interface InlineAnswer {
  queryId: string;
  query: string;
  /** InlineQueryResult objects exactly as the bot sent them. */
  results: TelegramObject[];
  cacheTime?: number;
  isPersonal?: boolean;
  nextOffset?: string;
  at: number;
}

export interface CallbackAnswer {
  text?: string;
  showAlert?: boolean;
  at: number;
}

/** A Telegram object as it travels over the wire (Message, Update, User ...). */
export type TelegramObject = Record<string, unknown>;
