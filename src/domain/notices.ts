import type { CaseStatus, CloseReason } from "./caseStatus.js";

/**
 * What the bot tells a user outside a conversation, as data: the delivery worker has it rendered
 * in the recipient's language at the moment it sends (the bot's MessageRenderer), so the outbox
 * stores what a message is about, not its text. A new kind of news (event reminders) is a new
 * variant here, a case in the renderer and a way to read it back (services/noticeReader.ts).
 */
/** How far a job of the outbox is: the figures its sender sees. */
export interface SendingFigures {
  total: number;
  sent: number;
  failed: number;
  skipped: number;
  pending: number;
  /** Seconds until done at the current rate, when it can be estimated. */
  etaSeconds?: number;
}

/** An event's words in one language, as the organiser wrote them. */
export interface EventNoticeText {
  locale: string;
  title: string;
  description: string;
}

export type Notice =
  /** A case the family follows moved on; the family note is written by staff for the families. */
  | { kind: "case-status"; reference: string; fullName: string; status: CaseStatus; closeReason?: CloseReason; familyNote?: string }
  /** A petition the user signed reached a milestone. */
  | { kind: "petition-milestone"; ref: string; titles: { locale: string; title: string }[]; milestone: number; goal: number }
  /** A family stopped half way through registering (24 h and 7 days later): a Continue button. */
  | { kind: "registration-unfinished" }
  /** A case without news for 30 days: what happens next, and how to add information. */
  | { kind: "case-checkin" }
  /** Some days before a petition's deadline, to families who have not signed it. */
  | { kind: "petition-last-call"; ref: string; titles: { locale: string; title: string }[]; deadline: Date }
  /** A petition closed at its deadline, to its signers who asked for news. */
  | { kind: "petition-closed"; titles: { locale: string; title: string }[]; signatures: number }
  /** An invitation to an event, with Yes / Maybe / No buttons; its time on the readers' clock (`timeZone`). */
  | { kind: "event-invitation"; eventId: string; texts: EventNoticeText[]; startsAt: Date; timeZone: string }
  /** 24 h or 1 h before an event, to those who said Yes or Maybe: the link is theirs. */
  | { kind: "event-reminder"; before: "24h" | "1h"; texts: EventNoticeText[]; startsAt: Date; timeZone: string; link: string | null }
  /** An event moved (with its new time and the buttons again) or was cancelled, to everyone who answered. */
  | { kind: "event-change"; eventId: string; change: "moved" | "cancelled"; texts: EventNoticeText[]; startsAt: Date; timeZone: string }
  /** The sender's live progress message of a broadcast (edited in place), and its final report. */
  | ({
      kind: "broadcast-progress";
      jobId: string;
      state: "scheduled" | "running" | "paused" | "cancelled" | "done";
      final: boolean;
    } & SendingFigures);
