// Standalone emulator process (npm run emulator): configured from the environment, stops on SIGTERM/SIGINT.
import { z } from "zod";
import { TelegramEmulator } from "./emulator.js";
import type { EmulatorFaults, EmulatorLimits, EmulatorOptions } from "./types.js";

const number = z.coerce.number();
const fraction = z.coerce.number().min(0).max(1);

const envSchema = z.object({
  EMULATOR_HOST: z.string().min(1).default("127.0.0.1"),
  EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(8081),
  EMULATOR_TOKEN: z
    .string()
    .regex(/^\d+:[A-Za-z0-9_-]+$/, "must look like <bot id>:<secret>")
    .optional(),
  EMULATOR_BOT_USERNAME: z.string().regex(/^[A-Za-z0-9_]{5,32}$/).optional(),
  EMULATOR_GLOBAL_PER_SECOND: number.positive().optional(),
  EMULATOR_PAID_PER_SECOND: number.positive().optional(),
  EMULATOR_PER_CHAT_PER_SECOND: number.positive().optional(),
  EMULATOR_PER_CHAT_BURST: number.int().positive().optional(),
  EMULATOR_SERVER_ERROR_RATE: fraction.optional(),
  EMULATOR_TIMEOUT_RATE: fraction.optional(),
  EMULATOR_TIMEOUT_MS: number.int().min(0).optional(),
  EMULATOR_BLOCKED_RATE: fraction.optional(),
  EMULATOR_BLOCKED_USER_IDS: z
    .string()
    .regex(/^\s*(\d+\s*(,\s*\d+\s*)*)?$/, "must be a comma-separated list of user ids")
    .transform((list) => list.split(",").map((s) => s.trim()).filter(Boolean).map(Number))
    .optional(),
  EMULATOR_SEED: number.int().optional(),
  EMULATOR_LONG_POLL_MAX_SECONDS: number.int().positive().optional(),
  EMULATOR_CALL_LOG_LIMIT: number.int().positive().optional(),
});

type Env = z.output<typeof envSchema>;

/** Only keys that were set, so defaults inside the emulator stay in one place. */
function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function optionsFromEnv(env: Env): EmulatorOptions {
  const limits: Partial<EmulatorLimits> = defined({
    globalPerSecond: env.EMULATOR_GLOBAL_PER_SECOND,
    paidPerSecond: env.EMULATOR_PAID_PER_SECOND,
    perChatPerSecond: env.EMULATOR_PER_CHAT_PER_SECOND,
    perChatBurst: env.EMULATOR_PER_CHAT_BURST,
  });
  const faults: Partial<EmulatorFaults> = defined({
    serverErrorRate: env.EMULATOR_SERVER_ERROR_RATE,
    timeoutRate: env.EMULATOR_TIMEOUT_RATE,
    timeoutMs: env.EMULATOR_TIMEOUT_MS,
    blockedRate: env.EMULATOR_BLOCKED_RATE,
    blockedUserIds: env.EMULATOR_BLOCKED_USER_IDS,
    seed: env.EMULATOR_SEED,
  });
  return {
    host: env.EMULATOR_HOST,
    port: env.EMULATOR_PORT,
    limits,
    faults,
    ...defined({ token: env.EMULATOR_TOKEN, botUsername: env.EMULATOR_BOT_USERNAME, longPollMaxSeconds: env.EMULATOR_LONG_POLL_MAX_SECONDS, callLogLimit: env.EMULATOR_CALL_LOG_LIMIT }),
  };
}

async function main(): Promise<void> {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    console.error(`Invalid emulator environment:\n${problems}`);
    process.exit(2);
  }
  const emulator = await TelegramEmulator.start(optionsFromEnv(parsed.data));
  console.log(`emulator listening ${emulator.apiRoot}`);
  console.log(`web chat ${emulator.webUrl} (token ${emulator.token})`);
  const shutdown = () => {
    void emulator.stop().then(() => process.exit(0));
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

await main();
