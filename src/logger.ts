import { pino, type Logger } from "pino";

export type { Logger };

/**
 * Structured logs without personal data: handlers log ids and outcomes, never message text,
 * names or contact fields. The redact list is a second line of defence for payloads that slip in.
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: ["text", "*.text", "caption", "*.caption", "first_name", "*.first_name", "last_name", "*.last_name", "phone_number", "*.phone_number", "username", "*.username", "token", "*.token"],
        censor: "[redacted]",
      },
    },
    destination ?? process.stdout,
  );
}

export const silentLogger: Logger = pino({ level: "silent" });
