import type { PetitionService } from "../services/petitions.js";
import type { ScheduledJob } from "./index.js";

/** Repairs a milestone whose news was recorded but not handed to the outbox (a crash in between). */
export function petitionJobs(petitions: PetitionService): ScheduledJob[] {
  return [
    {
      name: "petition-milestone-news",
      cron: "*/5 * * * *",
      run: async () => {
        await petitions.notifyPendingMilestones();
      },
    },
  ];
}
