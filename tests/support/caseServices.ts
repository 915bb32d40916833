import type { Clock } from "../../src/clock.js";
import type { Models } from "../../src/db/models/index.js";
import type { ActorLookup } from "../../src/domain/roles.js";
import type { FieldCipher } from "../../src/security/fieldCipher.js";
import { createAuditTrail } from "../../src/services/audit.js";
import { createCaseService, type CaseService } from "../../src/services/cases/caseService.js";

/**
 * The case service for tests of the cases themselves: a real audit trail, and an outbox that
 * takes every job (counting its recipients) and sends nothing.
 */
export function caseServiceWithoutOutbox(deps: { models: Models; clock: Clock; cipher: FieldCipher; actorNow: ActorLookup }): CaseService {
  return createCaseService({
    ...deps,
    audit: createAuditTrail(deps.models, deps.clock, deps.cipher),
    delivery: {
      enqueue: async (_job, recipients) => {
        let count = 0;
        for await (const _recipient of recipients) count++;
        return { created: true, recipients: count };
      },
      withdrawRecipient: async () => 0,
    },
    defaultLocale: "fa",
  });
}
