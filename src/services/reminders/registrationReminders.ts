import type { ConversationStore } from "../../db/conversationStorage.js";
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
  reminders: Pick<ReminderService, "schedule" | "cancelByPrefix">;
  cipher: UserRefCipher;
  conversationName: string;
}): RegistrationReminders {
  const { conversations, reminders, cipher, conversationName } = deps;
  return {
    async scheduleDue(now) {
      const at = (ms: number) => new Date(now.getTime() - ms);
      // Everything that stopped between 9 days and 24 h ago; ids make repeated runs store each once.
      const idle = await conversations.idleWith(conversationName, at(STAGES[1].lateAfter), at(STAGES[0].after));
      const requests: ReminderRequest[] = [];
      for (const { key, updatedAt } of idle) {
        if (!key.startsWith(KEY_PREFIX)) continue;
        const userRef = key.slice(KEY_PREFIX.length);
        const userId = telegramIdOrNull(cipher, userRef);
        if (userId === null) continue;
        const stoppedAt = updatedAt.getTime();
        for (const { stage, after, lateAfter } of STAGES) {
          if (stoppedAt + after > now.getTime() || stoppedAt + lateAfter <= now.getTime()) continue;
          requests.push({
            id: `${registrationReminderPrefix(userRef)}${stoppedAt}:${stage}`,
            kind: "registration-unfinished",
            userId,
            subject: { kind: "registration-unfinished" },
            dueAt: new Date(stoppedAt + after),
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

/** A reference that no key of the ring reads any more belongs to nobody we can reach. */
function telegramIdOrNull(cipher: UserRefCipher, userRef: string): number | null {
  try {
    return cipher.telegramIdOf(userRef);
  } catch {
    return null;
  }
}
