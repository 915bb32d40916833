/**
 * The contract of the delivery engine (the outbox): features decide what to say, the engine
 * decides when, at Telegram's rate, and records what happened to every message.
 *
 * Users are named by their pseudonyms (security/fieldCipher.ts `UserRef`) everywhere in the
 * outbox; only the worker turns one into a chat id, at the moment it sends.
 */
import type { DeliveryKind, JobState, JobSubject } from "../db/models/deliveryJob.js";
import type { Notice, SendingFigures } from "../domain/notices.js";
import type { UserRef } from "../security/fieldCipher.js";

/** One message as a recipient sees it, already localised. */
export interface OutgoingContent {
  /** Message text, or the caption when a photo/document is attached (≤ 1024 then). */
  text: string;
  parseMode?: "HTML";
  photoFileId?: string;
  documentFileId?: string;
  inlineKeyboard?: { text: string; callbackData?: string; url?: string }[][];
}

export type { DeliveryKind, JobState, JobSubject };

/** A subject's message in one language, and the language it is in (the asked one, or the default). */
export interface RenderedMessage {
  content: OutgoingContent;
  locale: string;
}

/**
 * Renders a job's subject at send time (wired by the app: read the subject, then the bot's
 * MessageRenderer). Null when the subject is gone (erased): the message is not sent.
 */
export type SubjectRenderer = (subject: JobSubject, locale: string) => Promise<RenderedMessage | null>;

/** The one port for "text in a user's language, decided outside the bot layer"; built once from the bot's i18n. */
export interface MessageRenderer {
  readonly locales: readonly string[];
  readonly defaultLocale: string;
  /** The notice in `locale`, or in the default locale when there is no such language. */
  render(locale: string, notice: Notice): RenderedMessage;
}

export interface DeliveryJobInput {
  /** Idempotency key: enqueueing the same jobId again adds no job and no duplicate recipient. */
  jobId: string;
  kind: DeliveryKind;
  /** Pseudonym of the person who started it (a volunteer), if any. */
  createdBy?: UserRef;
  /**
   * Exactly one of these. Composed content (a broadcast: the message is what its sender wrote),
   * per locale; a recipient gets theirs, else the default locale's. Stored encrypted.
   */
  contentByLocale?: Record<string, OutgoingContent>;
  /** Or what the job is about, rendered at send time (news about a case, a petition). */
  subject?: JobSubject;
  defaultLocale: string;
  /** Not sent before this time (scheduled broadcasts). */
  notBefore?: Date;
  /** Use allow_paid_broadcast and the paid rate (operator setting). */
  paid?: boolean;
  /** Recipients in their night (22:00–08:00 in `Recipient.timeZone`) get it at their next 08:00. */
  daytimeOnly?: boolean;
  /** Where the engine edits a live progress message: the sender's private chat, by their pseudonym. */
  progressChat?: { userRef: UserRef; messageId?: number; locale: string };
}

export interface Recipient {
  /** The recipient's pseudonym. */
  userId: UserRef;
  locale?: string;
  /** The recipient's IANA time zone (daytime-only jobs; absent = Asia/Tehran). */
  timeZone?: string;
}

export type DeliveryState = "pending" | "sending" | "sent" | "failed" | "skipped";

export interface DeliveryProgress extends SendingFigures {
  jobId: string;
  state: JobState;
}

export interface DeliveryService {
  enqueue(job: DeliveryJobInput, recipients: Iterable<Recipient> | AsyncIterable<Recipient>): Promise<{ created: boolean; recipients: number }>;
  pause(jobId: string): Promise<boolean>;
  resume(jobId: string): Promise<boolean>;
  cancel(jobId: string): Promise<boolean>;
  /**
   * The recipient withdrew what these jobs announce (a family withdrew its case): nothing more of
   * them is sent to that recipient; others still receive theirs. Returns how many were still open.
   */
  withdrawRecipient(jobIds: string[], userId: UserRef): Promise<number>;
  progress(jobId: string): Promise<DeliveryProgress | null>;
  listJobs(filter?: { createdBy?: UserRef; kind?: DeliveryKind; limit?: number }): Promise<DeliveryProgress[]>;
}

/** What the progress listener learns about a job besides its counts. */
export interface DeliveryJobSummary {
  jobId: string;
  kind: DeliveryKind;
  createdBy?: UserRef;
  paid: boolean;
  /** Resolved by the worker: the numeric chat id the progress message lives in. */
  progressChat?: { chatId: number; messageId?: number; locale: string };
  createdAt: Date;
}

/**
 * Called by the dispatcher at most every few seconds while a job runs, and once with
 * `final: true` when it is done or cancelled (the bot edits a live progress message with it).
 */
export type DeliveryProgressListener = (job: DeliveryJobSummary, progress: DeliveryProgress, final: boolean) => void | Promise<void>;
