import { describe, expect, it } from "vitest";
import { ConfigError, httpPortOf, parseConfig } from "../../src/config.js";

const production = {
  BOT_TOKEN: "123456:ABCdef_ghi-jkl",
  MONGODB_URI: "mongodb://mongo:27017/family_reach",
  DATA_ENCRYPTION_KEY: "a".repeat(64),
};

function problems(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("runs in local mode with no token, with Persian as the default locale", () => {
    const config = parseConfig({});
    expect(config.mode).toBe("local");
    expect(config.DEFAULT_LOCALE).toBe("fa");
    expect(config).toMatchObject({ EMULATOR_PORT: 8081, MONGODB_URI: undefined, DATA_ENCRYPTION_KEY: undefined });
    expect(parseConfig({ EMULATOR_PORT: "0" })).toMatchObject({ mode: "local", EMULATOR_PORT: 0 });
  });

  it("reads admin ids and the API root", () => {
    const config = parseConfig({ ...production, ADMIN_IDS: "11, 22", TELEGRAM_API_ROOT: "http://127.0.0.1:8081" });
    expect(config.ADMIN_IDS).toEqual([11, 22]);
    expect(config.TELEGRAM_API_ROOT).toBe("http://127.0.0.1:8081");
    expect(config.mode).toBe("polling");
  });

  it("is a polling or a webhook bot with a token, and says which; only the webhook one carries webhook settings", () => {
    const polling = parseConfig({ ...production, WEBHOOK_URL: "https://bot.example.org/telegram/webhook" });
    expect(polling).toMatchObject({ mode: "polling", BOT_TOKEN: production.BOT_TOKEN, MONGODB_URI: production.MONGODB_URI });
    expect(polling).not.toHaveProperty("WEBHOOK_URL");
    const webhook = parseConfig({ ...production, BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/telegram/webhook", WEBHOOK_SECRET: "s".repeat(16) });
    expect(webhook).toMatchObject({ mode: "webhook", WEBHOOK_URL: "https://bot.example.org/telegram/webhook", WEBHOOK_SECRET: "s".repeat(16) });
    expect(webhook).not.toHaveProperty("EMULATOR_PORT");
  });

  it("does not take webhook mode without a token (local mode polls the emulator)", () => {
    const found = problems({ BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/hook", WEBHOOK_SECRET: "s".repeat(16) });
    expect(found).toEqual([expect.stringMatching(/^BOT_TOKEN: required when BOT_MODE=webhook/)]);
  });

  it("reads the health check's port on its own, falling back to 8080", () => {
    expect(httpPortOf({ PORT: "9090" })).toBe(9090);
    expect(httpPortOf({})).toBe(8080);
    expect(httpPortOf({ PORT: "http" })).toBe(8080);
  });

  it("lists every bad variable at once", () => {
    const found = problems({ BOT_TOKEN: "nope", PORT: "99999", ADMIN_IDS: "12,abc", LOG_LEVEL: "loud" });
    expect(found.map((p) => p.split(":")[0]).sort()).toEqual(["ADMIN_IDS", "BOT_TOKEN", "LOG_LEVEL", "PORT"]);
  });

  it("requires the webhook URL and secret in webhook mode", () => {
    const found = problems({ ...production, BOT_MODE: "webhook" });
    expect(found).toEqual([expect.stringMatching(/^WEBHOOK_URL/), expect.stringMatching(/^WEBHOOK_SECRET/)]);
  });

  it("reads older encryption keys for a rotation, and names a bad one by position without echoing it", () => {
    const older = Buffer.alloc(32, 1).toString("base64");
    expect(parseConfig(production).DATA_ENCRYPTION_OLD_KEYS).toEqual([]);
    expect(parseConfig({ ...production, DATA_ENCRYPTION_OLD_KEYS: ` ${older} , ${"b".repeat(64)}` }).DATA_ENCRYPTION_OLD_KEYS).toEqual([older, "b".repeat(64)]);
    const found = problems({ ...production, DATA_ENCRYPTION_OLD_KEYS: `${older},not-a-key-secret` });
    expect(found).toEqual([expect.stringMatching(/^DATA_ENCRYPTION_OLD_KEYS: key 2 must be 32 bytes/)]);
    expect(found.join("\n")).not.toContain("not-a-key-secret");
  });

  it("requires a database and an encryption key when running against Telegram", () => {
    const found = problems({ BOT_TOKEN: production.BOT_TOKEN });
    expect(found).toEqual([expect.stringMatching(/^MONGODB_URI/), expect.stringMatching(/^DATA_ENCRYPTION_KEY/)]);
  });
});

describe("retention periods", () => {
  it("default to 7 days of outbox text, 90 of deliveries, a year of closed cases' free text, two years of audit and 30 days of idle conversations", () => {
    const config = parseConfig(production);
    expect(config).toMatchObject({
      RETENTION_OUTBOX_CONTENT_DAYS: 7,
      RETENTION_DELIVERIES_DAYS: 90,
      RETENTION_CLOSED_CASE_TEXT_DAYS: 365,
      RETENTION_AUDIT_DAYS: 730,
      RETENTION_IDLE_CONVERSATION_DAYS: 30,
    });
  });

  it("are set in whole days, and a bad one is named", () => {
    expect(parseConfig({ ...production, RETENTION_AUDIT_DAYS: "1095", RETENTION_IDLE_CONVERSATION_DAYS: "14" })).toMatchObject({ RETENTION_AUDIT_DAYS: 1095, RETENTION_IDLE_CONVERSATION_DAYS: 14 });
    const found = problems({ ...production, RETENTION_DELIVERIES_DAYS: "0", RETENTION_OUTBOX_CONTENT_DAYS: "a week", RETENTION_CLOSED_CASE_TEXT_DAYS: "1.5" });
    expect(found.map((p) => p.split(":")[0]).sort()).toEqual(["RETENTION_CLOSED_CASE_TEXT_DAYS", "RETENTION_DELIVERIES_DAYS", "RETENTION_OUTBOX_CONTENT_DAYS"]);
  });
});
