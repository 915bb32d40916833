import type { Clock } from "../clock.js";
import type { Models } from "../db/models/index.js";
import type { AuditAction } from "../domain/auditActions.js";
import type { UserRefCipher } from "../security/fieldCipher.js";

export interface AuditTrail {
  /**
   * @param actorId the Telegram id of who acted; stored as their pseudonym
   * @param action one of the actions /audit knows (domain/auditActions.ts: each has a label and a whitelist of details it shows)
   * @param subjectId what it concerns (a case reference, a job id, a user's pseudonym — never a Telegram id)
   * @param details counts, codes and statuses only: never personal content
   */
  record(actorId: number, action: AuditAction, subjectId?: string, details?: Record<string, unknown>): Promise<void>;
}

export function createAuditTrail(models: Models, clock: Clock, cipher: UserRefCipher): AuditTrail {
  return {
    async record(actorId, action, subjectId, details) {
      await models.auditEvents.create({ at: clock.now(), actorId: cipher.userRef(actorId), action, subjectId, details });
    },
  };
}
