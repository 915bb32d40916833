import type { Clock } from "../clock.js";
import type { Models } from "../db/models/index.js";

export interface AuditTrail {
  record(actorId: number, action: string, subjectId?: string, details?: Record<string, unknown>): Promise<void>;
}

export function createAuditTrail(models: Models, clock: Clock): AuditTrail {
  return {
    async record(actorId, action, subjectId, details) {
      await models.auditEvents.create({ at: clock.now(), actorId, action, subjectId, details });
    },
  };
}
