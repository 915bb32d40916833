import type { Logger } from "../logger.js";
import type { NameKeysUpgrade } from "../services/cases/nameKeysUpgrade.js";
import type { Retention } from "../services/retention.js";
import type { UpdateClaims } from "../services/updateClaims.js";
import type { ScheduledJob } from "./index.js";

const DAY_MS = 24 * 60 * 60 * 1000;

type Purge = (now: Date) => Promise<unknown>;

/** Purges that replace TTL indexes (not available on FerretDB), and the retention periods (README "Data we keep"). */
export function maintenanceJobs(updateClaims: UpdateClaims, retention: Retention): ScheduledJob[] {
  const table: [name: string, cron: string, purge: Purge][] = [
    // Telegram keeps an update it could not deliver for 24 hours: a claim older than two days can never be asked about again.
    ["purge-processed-updates", "17 * * * *", (now) => updateClaims.purgeOlderThan(new Date(now.getTime() - 2 * DAY_MS))],
    // Who received which message is kept for figures and support (RETENTION_DELIVERIES_DAYS), then forgotten.
    ["purge-old-deliveries", "41 4 * * *", (now) => retention.purgeDeliveries(now)],
    ["purge-unused-invites", "23 3 * * *", (now) => retention.purgeInvites(now)],
    // Names and notes in sent (or cancelled) messages; the job's figures stay.
    ["purge-outbox-content", "11 * * * *", (now) => retention.purgeOutboxContent(now)],
    ["purge-closed-case-text", "53 4 * * *", (now) => retention.purgeClosedCaseText(now)],
    ["purge-old-audit-entries", "7 5 * * *", (now) => retention.purgeAuditEntries(now)],
    // Unfinished conversations hold what the user typed; their user is told kindly next time.
    ["drop-idle-conversations", "29 * * * *", (now) => retention.dropIdleConversations(now)],
    // A /find filter may hold a name a coordinator typed: kept while in use, not for ever.
    ["purge-search-filters", "37 5 * * *", (now) => retention.purgeSearchFilters(now)],
  ];
  return table.map(([name, cron, purge]) => ({
    name,
    cron,
    run: async (now: Date) => {
      await purge(now);
    },
  }));
}

/** Cases stored before the name keys changed get them recomputed, 500 a minute, until all have them (then one read a minute). */
export function nameKeysJob(upgrade: NameKeysUpgrade, log: Logger): ScheduledJob {
  return {
    name: "upgrade-name-keys",
    cron: "* * * * *",
    run: async () => {
      const { rewritten, done } = await upgrade.runBatch();
      if (rewritten > 0 || !done) log.info({ rewritten, done }, "case name keys recomputed");
    },
  };
}
