import type { Actor } from "../../domain/roles.js";

/**
 * Who is reading the desk, for one HTTP request (built by src/desk/server/deskServer.ts after the
 * init data checked out): the Telegram id from the signed init data, the roles and provinces re-read
 * from the database for this request (the services re-read them again at the moment they act), the
 * reader's stored language and time zone, and `t` in that language (the bot's own i18n).
 */
export interface DeskReader {
  userId: number;
  actor: Actor;
  locale: string;
  timeZone: string;
  t(key: string, args?: Record<string, string | number>): string;
}

/** What a data route answers: the status and the JSON body (shapes in src/desk/shared/deskApi.ts). */
export interface DeskAnswer {
  status: number;
  body: unknown;
}

/**
 * The data routes (src/desk/server/deskHandlers.ts), mounted by deskServer.ts. `body` is the parsed
 * JSON of the request (unknown: each handler checks it with zod → 400); `caseId` comes from the path.
 */
export interface DeskHandlers {
  cases(reader: DeskReader, body: unknown): Promise<DeskAnswer>;
  caseCard(reader: DeskReader, caseId: string): Promise<DeskAnswer>;
  moveStatus(reader: DeskReader, caseId: string, body: unknown): Promise<DeskAnswer>;
  overview(reader: DeskReader): Promise<DeskAnswer>;
  exportCsv(reader: DeskReader, body: unknown): Promise<DeskAnswer>;
}
