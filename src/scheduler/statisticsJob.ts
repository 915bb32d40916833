import type { StatisticsService } from "../services/statistics.js";
import type { ScheduledJob } from "./index.js";

/** Counts the /stats figures again every `minutes` minutes (STATS_REFRESH_MINUTES). */
export function statisticsJob(statistics: Pick<StatisticsService, "refresh">, minutes: number): ScheduledJob {
  return {
    name: "refresh-statistics",
    cron: minutes === 1 ? "* * * * *" : `*/${minutes} * * * *`,
    run: async () => {
      await statistics.refresh();
    },
  };
}
