// Callback, inline and Mini App queries users sent, by id, so that the bot's answers find them.
import type { InlineAnswer } from "./types.js";

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

/** A Mini App opened from an inline or menu button: its query_id lets the bot answer once (answerWebAppQuery). */
export interface WebAppQueryRecord {
  id: string;
  userId: number;
  at: number;
  answered: boolean;
}

export class QueryRegistry {
  private readonly webAppQueries = new Map<string, WebAppQueryRecord>();
  private readonly callbackQueries = new Map<string, CallbackQueryRecord>();
  private callbackCounter = 0;
  private readonly inlineQueries = new Map<string, InlineQueryRecord>();
  private inlineCounter = 0;

  constructor(private readonly now: () => number) {}

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

  addWebAppQuery(userId: number, id: string): WebAppQueryRecord {
    const record: WebAppQueryRecord = { id, userId, at: this.now(), answered: false };
    this.webAppQueries.set(id, record);
    return record;
  }

  webAppQuery(id: string): WebAppQueryRecord | undefined {
    return this.webAppQueries.get(id);
  }

  /** A user's answered inline queries, oldest first. */
  inlineAnswers(userId: number): InlineAnswer[] {
    return [...this.inlineQueries.values()].filter((q) => q.userId === userId && q.answer).map((q) => q.answer!);
  }
}
