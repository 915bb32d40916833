import type { JobSubject } from "../../db/models/deliveryJob.js";
import type { UserRef } from "../../security/fieldCipher.js";

/**
 * Reminders: everything time-driven that is said to one user (issue #10). What is due is stored in
 * the database, not in timers; a scheduler tick (every minute, under a lease) hands what fell due
 * to the outbox, grouped by subject, so every message leaves through the outbox (rate limits,
 * retries, exactly once).
 *
 * CONTRACT shared by the scheduler (services/reminders/), the features that schedule reminders
 * (events, registration, cases, petitions) and /settings. Change it only together.
 */

/** A kind of reminder: the user can switch each off in /settings (except event changes they answered). */
export type ReminderKind =
  | "registration-unfinished" // 24 h and 7 days after a family stopped mid-registration
  | "event-24h" // 24 h before an event, to Yes/Maybe
  | "event-1h" // 1 h before an event, to Yes/Maybe
  | "event-change" // an event moved or was cancelled, to everyone who answered
  | "case-checkin" // a case without news for 30 days
  | "petition-last-call"; // N days before a petition's deadline, to families who have not signed

/** Kinds a user may switch off in /settings. */
export const OPTIONAL_REMINDER_KINDS = ["registration-unfinished", "event-24h", "event-1h", "case-checkin", "petition-last-call"] as const satisfies readonly ReminderKind[];

export interface ReminderRequest {
  /**
   * Idempotency key: scheduling the same id twice stores it once (e.g.
   * `event-24h:<eventId>:<userRef>`, `reg-unfinished-24h:<userRef>:<startedAtMs>`). A moved event
   * cancels the old ids and schedules new ones.
   */
  id: string;
  kind: ReminderKind;
  /** The recipient's pseudonym (`cipher.userRef`): the outbox turns it into a chat id when it sends. */
  userRef: UserRef;
  /** What the message is about, rendered at send time (a JobSubject variant per kind; ids only). */
  subject: JobSubject;
  dueAt: Date;
  /** After this moment the reminder is pointless and is dropped (e.g. the event began). */
  lateAfter?: Date | null;
  /**
   * "respect": never delivered between 22:00 and 08:00 in the recipient's time zone (it waits
   * for the morning); "ignore": delivered when due (the 1 h reminder of an event that itself
   * falls in the night).
   */
  quietHours: "respect" | "ignore";
  /**
   * The language the user spoke to us in when this was scheduled (their case's, their answer's).
   * Used when they never chose one with /language; a choice made later wins.
   */
  locale?: string;
}

export interface ReminderService {
  schedule(requests: ReminderRequest[]): Promise<{ stored: number }>;
  /** Cancels pending reminders whose id starts with the prefix (an event moved, a registration finished). */
  cancelByPrefix(idPrefix: string): Promise<number>;
  /**
   * One scheduler tick: hands every reminder due at `now` to the outbox (grouped by kind and
   * subject into one job), defers those in their recipient's night to the next 08:00 local time,
   * drops late ones and those the user switched off. Safe to run from two processes at once.
   */
  runDue(now: Date): Promise<{ sent: number; deferred: number; dropped: number }>;
}
