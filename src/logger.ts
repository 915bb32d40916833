import { pino, type Logger } from "pino";

export type { Logger };

/**
 * Structured logs without personal data: handlers log update ids, chat types and outcomes, never
 * message text, names, contact fields, Telegram user ids or private chat ids (group chat ids, which
 * are negative, may be logged). Two lines of defence behind that rule: the redact list censors
 * fields that slip in, and every `err` is scrubbed, because error messages quote values (a duplicate
 * key error quotes the key, a cast error the value).
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      serializers: { err: scrubError },
      redact: {
        paths: REDACTED_FIELDS.flatMap((field) => [field, `*.${field}`]),
        censor: "[redacted]",
      },
    },
    destination ?? process.stdout,
  );
}

const REDACTED_FIELDS = [
  "text",
  "caption",
  "first_name",
  "last_name",
  "username",
  "phone_number",
  "contact",
  "user_id",
  "chat_id",
  "userId",
  "chatId",
  "token",
];

/** Error name, message and stack with quoted values, duplicate keys and long numbers (ids) removed. */
export function scrubError(error: unknown): unknown {
  if (typeof error === "string") return scrubErrorText(error);
  if (error instanceof Error) {
    return { name: error.name, message: scrubErrorText(error.message), ...(error.stack ? { stack: scrubErrorText(error.stack) } : {}) };
  }
  if (typeof error === "object" && error !== null) {
    const { name, message, stack } = error as { name?: unknown; message?: unknown; stack?: unknown };
    return {
      ...(typeof name === "string" ? { name } : {}),
      ...(typeof message === "string" ? { message: scrubErrorText(message) } : {}),
      ...(typeof stack === "string" ? { stack: scrubErrorText(stack) } : {}),
    };
  }
  return scrubErrorText(String(error));
}

export function scrubErrorText(text: string): string {
  return text
    .replace(/dup key: \{[^}]*\}/g, "dup key: { [redacted] }")
    .replace(/"(?:[^"\\]|\\.)*"/g, '"[redacted]"')
    .replace(/-?\d{6,}/g, "[number]");
}

export const silentLogger: Logger = pino({ level: "silent" });
