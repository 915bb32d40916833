import type { ScheduledJob } from "./index.js";

interface ReminderJobsTarget {
  runDue(now: Date): Promise<unknown>;
  purgeDone(now: Date): Promise<unknown>;
}

/**
 * Reminders (issue #10): every minute, what fell due goes to the outbox. The first tick after a
 * start also sends what fell due while the bot was down (each reminder's late cut-off still holds).
 */
export function reminderJobs(reminders: ReminderJobsTarget): ScheduledJob[] {
  return [
    { name: "run-due-reminders", cron: "* * * * *", run: async (now) => void (await reminders.runDue(now)) },
    // Handled reminders are kept a while so a repeated request does not schedule them again.
    { name: "purge-done-reminders", cron: "37 4 * * *", run: async (now) => void (await reminders.purgeDone(now)) },
  ];
}
