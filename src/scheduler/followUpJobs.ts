import type { PetitionDeadlines } from "../services/petitions/petitionDeadlines.js";
import type { CaseCheckins } from "../services/reminders/caseCheckins.js";
import type { RegistrationReminders } from "../services/reminders/registrationReminders.js";
import type { ScheduledJob } from "./index.js";

/**
 * Issue #10's follow-ups: what they find due becomes reminders (sent by the reminder scheduler,
 * in each family's daytime) or, for a petition past its deadline, its closing and the news.
 */
export function followUpJobs(input: { registrations: RegistrationReminders; caseCheckins: CaseCheckins; petitionDeadlines: PetitionDeadlines }): ScheduledJob[] {
  const { registrations, caseCheckins, petitionDeadlines } = input;
  return [
    // Hourly: "24 h after the last answer" within the hour is precise enough, and each run costs one read of the open conversations.
    { name: "unfinished-registration-reminders", cron: "5 * * * *", run: async (now) => void (await registrations.scheduleDue(now)) },
    // 09:19 on the organisers' clock (TZ_DEFAULT): daytime for most families, so few wait for their morning.
    { name: "case-checkins", cron: "19 9 * * *", run: async (now) => void (await caseCheckins.scheduleDue(now)) },
    // A petition closes within a few minutes of its deadline.
    { name: "petition-deadlines", cron: "*/5 * * * *", run: async (now) => void (await petitionDeadlines.run(now)) },
  ];
}
