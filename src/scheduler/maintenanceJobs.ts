import type { Retention } from "../services/retention.js";
import type { UpdateClaims } from "../services/updateClaims.js";
import type { ScheduledJob } from "./index.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Purges that replace TTL indexes (not available on FerretDB), and the retention periods (README "Data we keep"). */
export function maintenanceJobs(updateClaims: UpdateClaims, retention: Retention): ScheduledJob[] {
  return [
    {
      name: "purge-processed-updates",
      cron: "17 * * * *",
      run: async (now) => {
        await updateClaims.purgeOlderThan(new Date(now.getTime() - 7 * DAY_MS));
      },
    },
    {
      // Who received which message is kept for figures and support (RETENTION_DELIVERIES_DAYS), then forgotten.
      name: "purge-old-deliveries",
      cron: "41 4 * * *",
      run: async (now) => {
        await retention.purgeDeliveries(now);
      },
    },
    {
      name: "purge-unused-invites",
      cron: "23 3 * * *",
      run: async (now) => {
        await retention.purgeInvites(now);
      },
    },
    {
      // Names and notes in sent (or cancelled) messages; the job's figures stay.
      name: "purge-outbox-content",
      cron: "11 * * * *",
      run: async (now) => {
        await retention.purgeOutboxContent(now);
      },
    },
    {
      name: "purge-closed-case-text",
      cron: "53 4 * * *",
      run: async (now) => {
        await retention.purgeClosedCaseText(now);
      },
    },
    {
      name: "purge-old-audit-entries",
      cron: "7 5 * * *",
      run: async (now) => {
        await retention.purgeAuditEntries(now);
      },
    },
    {
      // Unfinished conversations hold what the user typed; their user is told kindly next time.
      name: "drop-idle-conversations",
      cron: "29 * * * *",
      run: async (now) => {
        await retention.dropIdleConversations(now);
      },
    },
  ];
}
