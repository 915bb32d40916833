import type { ConversationStore } from "../../db/conversationStorage.js";
import type { Models } from "../../db/models/index.js";
import type { UserRefCipher } from "../../security/fieldCipher.js";
import type { ReminderRequest, ReminderService } from "./reminderTypes.js";

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** The two reminders of a registration left half way, after the family's last answer. */
// Each is requested on every run while it is due and not yet late (2 days: a bot down that long
// still sends it); the scheduler stores an id once and keeps it 30 days after sending.
const STAGES = [
  { stage: "24h", after: DAY_MS, lateAfter: 3 * DAY_MS },
  { stage: "7d", after: 7 * DAY_MS, lateAfter: 9 * DAY_MS },
] as const;
/** How soon after a save the conversation's last write comes when only the time-zone question is left. */
const SAVED_WINDOW_MS = 10 * 60 * 1000;
/** Conversations are keyed `conv:<userRef>` (bot/features/idleConversations). */
const KEY_PREFIX = "conv:";

/** The id prefix of every unfinished-registration reminder of one user (cancelled once they save or cancel). */
export const registrationReminderPrefix = (userRef: string) => `reg-unfinished:${userRef}:`;

export interface RegistrationReminders {
  /**
   * The scheduler job: every registration whose last answer is 24 h (or 7 days) old gets its
   * reminder scheduled, due 24 h (7 days) after that answer. Nothing is written while a family
   * is answering: the job reads the stored conversations' `updatedAt` instead.
   */
  scheduleDue(now: Date): Promise<number>;
  /** The registration was saved or cancelled: its pending reminders go. */
  cancelFor(userId: number): Promise<void>;
}

/**
 * Unfinished registrations (issue #10). The reminder's id carries the moment of the last answer,
 * so a family who comes back and stops again gets a fresh pair; each pair is 24 h and 7 days,
 * then never again. A family who answered meanwhile is no longer "idle since" that moment, so a
 * stale pair is never scheduled.
 */
export function createRegistrationReminders(deps: {
  conversations: Pick<ConversationStore<unknown>, "idleWith">;
  models: Pick<Models, "caseLinks">;
  reminders: Pick<ReminderService, "schedule" | "cancelByPrefix">;
  cipher: UserRefCipher;
  conversationName: string;
}): RegistrationReminders {
  const { conversations, models, reminders, cipher, conversationName } = deps;
  /**
   * A family abroad is asked for its time zone right after the save, inside the same conversation:
   * one who leaves that question open has saved, and is not reminded. Seen as a case link of theirs
   * created in the minutes before the conversation's last write (one read by the userId index).
   */
  async function savedJustBefore(waiting: { userRef: string; updatedAt: Date }[]): Promise<Set<string>> {
    if (waiting.length === 0) return new Set();
    const links = await models.caseLinks.find({ userId: { $in: waiting.map((w) => w.userRef) } }, { userId: 1, createdAt: 1 }).lean().exec();
    const lastWrite = new Map(waiting.map((w) => [w.userRef, w.updatedAt.getTime()]));
    return new Set(
      links.filter((link) => {
        const write = lastWrite.get(link.userId)!;
        return link.createdAt.getTime() <= write && write - link.createdAt.getTime() < SAVED_WINDOW_MS;
      }).map((link) => link.userId),
    );
  }

  return {
    async scheduleDue(now) {
      const at = (ms: number) => new Date(now.getTime() - ms);
      // Everything that stopped between 9 days and 24 h ago; ids make repeated runs store each once.
      const idle = await conversations.idleWith(conversationName, at(STAGES[1].lateAfter), at(STAGES[0].after));
      const refOf = (key: string) => key.slice(KEY_PREFIX.length);
      const waiting = idle.filter(({ key }) => key.startsWith(KEY_PREFIX));
      const saved = await savedJustBefore(waiting.map(({ key, updatedAt }) => ({ userRef: refOf(key), updatedAt })));
      const requests: ReminderRequest[] = [];
      for (const { key, updatedAt } of waiting) {
        const userRef = refOf(key);
        if (saved.has(userRef)) continue;
        const stoppedAt = updatedAt.getTime();
        for (const { stage, after, lateAfter } of STAGES) {
          if (stoppedAt + after > now.getTime() || stoppedAt + lateAfter <= now.getTime()) continue;
          requests.push({
            id: `${registrationReminderPrefix(userRef)}${stoppedAt}:${stage}`,
            kind: "registration-unfinished",
            userRef,
            subject: { kind: "registration-unfinished" },
            // Found at most an hour late: due now (a request for a minute the scheduler has passed is never read).
            dueAt: new Date(Math.max(stoppedAt + after, now.getTime())),
            lateAfter: new Date(stoppedAt + lateAfter),
            quietHours: "respect",
          });
        }
      }
      if (requests.length === 0) return 0;
      return (await reminders.schedule(requests)).stored;
    },
    async cancelFor(userId) {
      await reminders.cancelByPrefix(registrationReminderPrefix(cipher.userRef(userId)));
    },
  };
}
