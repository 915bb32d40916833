import { z } from "zod";

/** Telegram's public Bot API; the local emulator replaces it in tests and local mode. */
export const TELEGRAM_DEFAULT_API_ROOT = "https://api.telegram.org";

const idList = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (!value || value.trim() === "") return [] as number[];
    const ids: number[] = [];
    for (const part of value.split(",")) {
      const trimmed = part.trim();
      if (!/^\d{1,15}$/.test(trimmed)) {
        ctx.addIssue({ code: "custom", message: `"${trimmed}" is not a Telegram user id (digits only)` });
        return z.NEVER;
      }
      ids.push(Number(trimmed));
    }
    return ids;
  });

const encryptionKey = z
  .string()
  .optional()
  .refine((value) => value === undefined || value === "" || /^[A-Za-z0-9+/]{43}=$/.test(value) || /^[0-9a-fA-F]{64}$/.test(value), {
    message: "must be 32 bytes as 64 hex characters or 44 base64 characters (openssl rand -base64 32)",
  });

/** Keys a rotation reads from (comma-separated, same formats). A bad one is named by position, never echoed. */
const olderEncryptionKeys = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const keys = (value ?? "").split(",").map((key) => key.trim()).filter((key) => key !== "");
    keys.forEach((key, index) => {
      if (!/^[A-Za-z0-9+/]{43}=$/.test(key) && !/^[0-9a-fA-F]{64}$/.test(key)) {
        ctx.addIssue({ code: "custom", message: `key ${index + 1} must be 32 bytes as 64 hex characters or 44 base64 characters` });
      }
    });
    return keys;
  });

/** A retention period in whole days (at least one, at most ten years). */
const retentionDays = (fallback: number) =>
  z.coerce.number({ error: "must be a number of days" }).int("must be a whole number of days").min(1, "must be at least 1 day").max(3650, "must be at most 3650 days (ten years)").default(fallback);

const baseSchema = z.object({
  BOT_TOKEN: z
    .string()
    .regex(/^\d+:[A-Za-z0-9_-]{5,}$/, "must look like 123456:ABC-DEF (from @BotFather)")
    .optional(),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, "must start with mongodb:// or mongodb+srv://")
    .optional(),
  TELEGRAM_API_ROOT: z.url({ message: "must be a URL such as http://127.0.0.1:8081" }).default(TELEGRAM_DEFAULT_API_ROOT),
  BOT_MODE: z.enum(["polling", "webhook"]).default("polling"),
  WEBHOOK_URL: z.url({ message: "must be the public https URL Telegram posts updates to" }).optional(),
  WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16-256 characters of A-Z, a-z, 0-9, _ and -")
    .optional(),
  // The coordinator's desk (a Telegram Mini App served under /desk by the bot's HTTP server): its public
  // address. Webhook mode defaults to WEBHOOK_URL's origin + /desk/; polling mode without it has no desk.
  DESK_URL: z
    .url({ message: "must be the public https address of the desk, such as https://bot.example.org/desk/" })
    .refine((value) => /^https:\/\//.test(value) || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(value), {
      message: "must start with https:// (Telegram opens Mini Apps over https only; http only on 127.0.0.1 or localhost)",
    })
    .optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(8081),
  ADMIN_IDS: idList,
  DEFAULT_LOCALE: z.enum(["fa", "en", "sq"]).default("fa"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATA_ENCRYPTION_KEY: encryptionKey,
  DATA_ENCRYPTION_OLD_KEYS: olderEncryptionKeys,
  TZ_DEFAULT: z.string().default("Asia/Tehran"),
  DELIVERY_RATE_PER_SECOND: z.coerce.number().positive().max(1000).default(30),
  DELIVERY_PAID_RATE_PER_SECOND: z.coerce.number().positive().max(1000).default(1000),
  DELIVERY_PAID_ENABLED: z.stringbool({ error: "must be true or false" }).default(false),
  DELIVERY_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  // Retention (days): how long personal data is kept after it stopped being needed (README "Data we keep").
  RETENTION_OUTBOX_CONTENT_DAYS: retentionDays(7),
  RETENTION_DELIVERIES_DAYS: retentionDays(90),
  RETENTION_CLOSED_CASE_TEXT_DAYS: retentionDays(365),
  RETENTION_AUDIT_DAYS: retentionDays(730),
  RETENTION_IDLE_CONVERSATION_DAYS: retentionDays(30),
  // /stats reads figures a job counts this often (minutes; README "Coordinators").
  // Count the database commands the bot sends, by name (the MongoDB driver's command monitoring), served
  // as JSON at GET /metrics/database-commands: the round trips per update of npm run bench:updates.
  DATABASE_COMMAND_COUNTS: z.stringbool({ error: "must be true or false" }).default(false),
  STATS_REFRESH_MINUTES: z.coerce.number({ error: "must be a number of minutes" }).int("must be a whole number of minutes").min(1, "must be at least 1 minute").max(60, "must be at most 60 minutes").default(5),
  // Local mode only: seed invented demo cases on the first start (README "Local mode"). Never with a token.
  DEMO_DATA: z.stringbool({ error: "must be true or false" }).default(true),
});

type Parsed = z.infer<typeof baseSchema>;

/** Settings every mode reads. */
export type CommonConfig = Omit<Parsed, "BOT_TOKEN" | "MONGODB_URI" | "BOT_MODE" | "WEBHOOK_URL" | "WEBHOOK_SECRET" | "DATA_ENCRYPTION_KEY" | "EMULATOR_PORT">;

/** No BOT_TOKEN: local mode starts the emulator (and a database and a key when none is given) and polls it. */
export interface LocalConfig extends CommonConfig {
  mode: "local";
  MONGODB_URI: string | undefined;
  DATA_ENCRYPTION_KEY: string | undefined;
  EMULATOR_PORT: number;
}

/** Against Telegram: a token, a database and a key are required. */
interface TelegramConfig extends CommonConfig {
  BOT_TOKEN: string;
  MONGODB_URI: string;
  DATA_ENCRYPTION_KEY: string;
}

export interface PollingConfig extends TelegramConfig {
  mode: "polling";
}

export interface WebhookConfig extends TelegramConfig {
  mode: "webhook";
  WEBHOOK_URL: string;
  WEBHOOK_SECRET: string;
}

/** The environment, parsed: which mode the bot runs in decides which settings are present. */
export type Config = LocalConfig | PollingConfig | WebhookConfig;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * Parses the environment into a Config or throws a ConfigError that lists every bad variable.
 * Local mode (no BOT_TOKEN) starts its own database and emulator, so those become optional.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === "" ? undefined : v]));
  const result = baseSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join(".") || "(env)"}: ${issue.message}`));
  }
  const { BOT_TOKEN, MONGODB_URI, BOT_MODE, WEBHOOK_URL, WEBHOOK_SECRET, DATA_ENCRYPTION_KEY, EMULATOR_PORT, ...common } = result.data;
  const problems: string[] = [];
  if (BOT_MODE === "webhook") {
    if (!BOT_TOKEN) problems.push("BOT_TOKEN: required when BOT_MODE=webhook (without a token the bot runs in local mode, which polls the emulator)");
    if (!WEBHOOK_URL) problems.push("WEBHOOK_URL: required when BOT_MODE=webhook");
    if (!WEBHOOK_SECRET) problems.push("WEBHOOK_SECRET: required when BOT_MODE=webhook");
  }
  if (BOT_TOKEN === undefined) {
    if (problems.length > 0) throw new ConfigError(problems);
    return { mode: "local", ...common, MONGODB_URI, DATA_ENCRYPTION_KEY, EMULATOR_PORT };
  }
  if (!MONGODB_URI) problems.push("MONGODB_URI: required when BOT_TOKEN is set");
  if (common.DESK_URL?.startsWith("http://")) problems.push("DESK_URL: must start with https:// when BOT_TOKEN is set (Telegram refuses Mini App buttons with other addresses)");
  if (!DATA_ENCRYPTION_KEY) problems.push("DATA_ENCRYPTION_KEY: required when BOT_TOKEN is set (openssl rand -base64 32)");
  if (problems.length > 0 || !MONGODB_URI || !DATA_ENCRYPTION_KEY) throw new ConfigError(problems);
  const telegram: TelegramConfig = { ...common, BOT_TOKEN, MONGODB_URI, DATA_ENCRYPTION_KEY };
  if (BOT_MODE === "polling") return { mode: "polling", ...telegram };
  if (!WEBHOOK_URL || !WEBHOOK_SECRET) throw new ConfigError(problems);
  // The desk is served by the same HTTP server Telegram already reaches for the webhook.
  return { mode: "webhook", ...telegram, WEBHOOK_URL, WEBHOOK_SECRET, DESK_URL: telegram.DESK_URL ?? new URL("/desk/", WEBHOOK_URL).href };
}

/** The HTTP port alone (the Docker health check reads it without needing the rest of the configuration). */
export function httpPortOf(env: Record<string, string | undefined>): number {
  const port = baseSchema.shape.PORT.safeParse(env.PORT === "" ? undefined : env.PORT);
  return port.success ? port.data : 8080;
}
