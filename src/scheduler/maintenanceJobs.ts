import type { Models } from "../db/models/index.js";
import type { UpdateClaims } from "../services/updateClaims.js";
import type { ScheduledJob } from "./index.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Purges that replace TTL indexes (not available on FerretDB). */
export function maintenanceJobs(models: Models, updateClaims: UpdateClaims): ScheduledJob[] {
  return [
    {
      name: "purge-processed-updates",
      cron: "17 * * * *",
      run: async (now) => {
        await updateClaims.purgeOlderThan(new Date(now.getTime() - 7 * DAY_MS));
      },
    },
    {
      // Who received which message is kept for three months (figures, support), then forgotten.
      name: "purge-old-deliveries",
      cron: "41 4 * * *",
      run: async (now) => {
        await models.deliveries.deleteMany({ at: { $lt: new Date(now.getTime() - 90 * DAY_MS) } }).exec();
      },
    },
    {
      name: "purge-unused-invites",
      cron: "23 3 * * *",
      run: async (now) => {
        // Used invites stay as the record of who granted a role; unused ones go a week after expiry.
        await models.invites.deleteMany({ usedBy: null, expiresAt: { $lt: new Date(now.getTime() - 7 * DAY_MS) } }).exec();
      },
    },
  ];
}
