import type { Config } from "../config.js";
import type { Clock } from "../clock.js";
import type { TeamService } from "../services/team.js";
import type { UpdateClaims } from "../services/updateClaims.js";
import type { UserService } from "../services/users.js";
import type { AuditTrail } from "../services/audit.js";
import type { StatisticsService } from "../services/statistics.js";
import type { AuditLogService } from "../services/auditLog.js";
import type { AppealService } from "../services/appeals.js";
import type { PetitionExportService } from "../services/petitionExport.js";
import type { PetitionService } from "../services/petitions.js";
import type { BroadcastService } from "../services/broadcasts.js";
import type { CaseService } from "../services/cases/caseService.js";
import type { CaseSearchService } from "../services/cases/caseSearch.js";
import type { LocationService } from "../services/locations.js";
import type { MyDataService } from "../services/myData.js";
import type { DeliveryService } from "../delivery/types.js";
import type { EventService } from "../services/events.js";
import type { ReminderService } from "../services/reminders/reminderTypes.js";
import type { PetitionDeadlines } from "../services/petitions/petitionDeadlines.js";
import type { RegistrationReminders } from "../services/reminders/registrationReminders.js";
import type { DuplicateCheckQueue } from "../services/cases/duplicateCheckQueue.js";

/** The use cases the bot's features call; built once in main.ts (or by a test). */
export interface BotServices {
  config: Pick<Config, "DEFAULT_LOCALE" | "ADMIN_IDS">;
  clock: Clock;
  users: UserService;
  team: TeamService;
  updateClaims: UpdateClaims;
  audit: AuditTrail;
  /** /audit: admins read the trail (who, what, when, how many; never the content). */
  auditLog: AuditLogService;
  cases: CaseService;
  /** The duplicate searches of new registrations, run after the family's answer (services/cases/duplicateCheckQueue.ts). */
  duplicateChecks: Pick<DuplicateCheckQueue, "add">;
  /** /find and /export: search cases by a filter kept per person, and export the result. */
  caseSearch: CaseSearchService;
  broadcasts: BroadcastService;
  locations: LocationService;
  petitions: PetitionService;
  appeals: AppealService;
  petitionExport: PetitionExportService;
  /** A person's own data: /mydata and /deletemydata. */
  myData: MyDataService;
  /** Events: invitations, answers, reminders, moves (/newevent, /events). */
  events: EventService;
  /** Counts for /stats (coordinators: everything; volunteers: their provinces). */
  statistics: StatisticsService;
  /** The outbox: enqueue messages to many users; the delivery worker sends them at Telegram's rate. */
  delivery: DeliveryService;
  /** Reminders (issue #10): schedule and cancel; a scheduler tick hands what is due to the outbox. */
  reminders: ReminderService;
  /** A petition's last call to families who have not signed, and its closing at the deadline. */
  petitionDeadlines: PetitionDeadlines;
  /** Unfinished-registration reminders: cancelled when a registration is saved or cancelled. */
  registrationReminders: Pick<RegistrationReminders, "cancelFor">;
  /** True while the database answers; checked before anything touches it. */
  isDatabaseAvailable(): boolean;
  /** The bot's @username, for deep links. */
  botUsername(): string;
  /** The https address of the coordinator's desk (a Mini App, README "Coordinator's desk"), or undefined when it is off. */
  deskUrl(): string | undefined;
}
