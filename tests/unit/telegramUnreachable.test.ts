import { GrammyError, HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/logger.js";
import { isTelegramUnreachableError, untilTelegramAnswers } from "../../src/bot/telegramUnreachable.js";

const grammyError = (code: number) => new GrammyError("call failed", { ok: false, error_code: code, description: `error ${code}` }, "sendMessage", {});

describe("Telegram unreachable", () => {
  it("is a request that got no answer or a 5xx, also wrapped; not a 429 or a 4xx", () => {
    const network = new HttpError("Network request for 'sendMessage' failed!", new Error("socket hang up"));
    expect(isTelegramUnreachableError(network)).toBe(true);
    expect(isTelegramUnreachableError(grammyError(502))).toBe(true);
    expect(isTelegramUnreachableError(Object.assign(new Error("wrapped"), { error: network }))).toBe(true);
    expect(isTelegramUnreachableError(grammyError(429))).toBe(false);
    expect(isTelegramUnreachableError(grammyError(400))).toBe(false);
    expect(isTelegramUnreachableError(new Error("ECONNRESET from the database"))).toBe(false);
  });

  it("a start-up call waits for Telegram to answer, and fails at once on anything else", async () => {
    let tries = 0;
    const getMe = async () => {
      tries += 1;
      if (tries < 3) throw new HttpError("Network request for 'getMe' failed!", new Error("ECONNREFUSED"));
      return { username: "family_reach_test_bot" };
    };
    await expect(untilTelegramAnswers(getMe, silentLogger, 20)).resolves.toEqual({ username: "family_reach_test_bot" });
    expect(tries).toBe(3);
    await expect(untilTelegramAnswers(() => Promise.reject(grammyError(401)), silentLogger)).rejects.toThrow("call failed");
  });
});
