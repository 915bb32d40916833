import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../src/config.js";

// Where the coordinator's desk lives (DESK_URL), by the mode the bot runs in.
const production = {
  BOT_TOKEN: "123456:ABCdef_ghi-jkl",
  MONGODB_URI: "mongodb://mongo:27017/family_reach",
  DATA_ENCRYPTION_KEY: "a".repeat(64),
};
const webhook = { ...production, BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/telegram/hook", WEBHOOK_SECRET: "s".repeat(32) };

describe("DESK_URL", () => {
  it("webhook mode: the desk is on at the webhook's origin + /desk/, unless DESK_URL says elsewhere", () => {
    expect(parseConfig(webhook).DESK_URL).toBe("https://bot.example.org/desk/");
    expect(parseConfig({ ...webhook, DESK_URL: "https://desk.example.org/desk/" }).DESK_URL).toBe("https://desk.example.org/desk/");
  });

  it("polling mode: off without DESK_URL, on with it", () => {
    expect(parseConfig(production).DESK_URL).toBeUndefined();
    expect(parseConfig({ ...production, DESK_URL: "https://bot.example.org/desk/" }).DESK_URL).toBe("https://bot.example.org/desk/");
  });

  it("Telegram opens Mini Apps over https only: plain http is refused except on this machine", () => {
    expect(() => parseConfig({ ...production, DESK_URL: "http://bot.example.org/desk/" })).toThrow(ConfigError);
    expect(() => parseConfig({ ...production, DESK_URL: "not a url" })).toThrow(ConfigError);
    // On this machine (local mode, the emulator) http on the loopback is fine; with Telegram it is not.
    expect(parseConfig({ DESK_URL: "http://127.0.0.1:8080/desk/" }).DESK_URL).toBe("http://127.0.0.1:8080/desk/");
    expect(() => parseConfig({ ...production, DESK_URL: "http://127.0.0.1:8080/desk/" })).toThrow(/DESK_URL: must start with https:\/\/ when BOT_TOKEN is set/);
  });
});
