import { sign } from "@telegram-apps/init-data-node";
import { describe, expect, it } from "vitest";
import { initDataOfHeader, userFromInitData } from "../../src/desk/server/initData.js";

// The desk's front door: only init data Telegram signed for this bot, for a person, less than an hour old.
const BOT_TOKEN = "123456:desk-test-token-of-this-bot";
const OTHER_BOT_TOKEN = "654321:a-token-of-another-bot";
const NOW = new Date("2026-11-28T10:00:00Z");
const minutesBefore = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);
const coordinator = { id: 424242, first_name: "Test", language_code: "fa" };

function signedFor(token: string, authDate: Date, user: typeof coordinator | null = coordinator): string {
  return sign({ query_id: "AAHdF6IQAAAAAN0XohDhrOrc", ...(user ? { user } : {}) }, token, authDate);
}

describe("init data of the desk", () => {
  it("a coordinator who opened the desk a minute ago is known by their Telegram id", () => {
    expect(userFromInitData(signedFor(BOT_TOKEN, minutesBefore(1)), BOT_TOKEN, NOW)).toEqual({ ok: true, userId: 424242, languageCode: "fa" });
  });

  it("59 minutes old still opens; 61 minutes old does not", () => {
    expect(userFromInitData(signedFor(BOT_TOKEN, minutesBefore(59)), BOT_TOKEN, NOW).ok).toBe(true);
    expect(userFromInitData(signedFor(BOT_TOKEN, minutesBefore(61)), BOT_TOKEN, NOW)).toEqual({ ok: false, error: "unauthorized" });
  });

  it("init data dated far in the future is refused", () => {
    expect(userFromInitData(signedFor(BOT_TOKEN, new Date(NOW.getTime() + 10 * 60_000)), BOT_TOKEN, NOW).ok).toBe(false);
  });

  it("another bot's init data is refused", () => {
    expect(userFromInitData(signedFor(OTHER_BOT_TOKEN, minutesBefore(1)), BOT_TOKEN, NOW)).toEqual({ ok: false, error: "unauthorized" });
  });

  it("a forged user (the hash no longer matches) is refused", () => {
    const good = signedFor(BOT_TOKEN, minutesBefore(1));
    const forged = good.replace(encodeURIComponent('"id":424242'), encodeURIComponent('"id":1'));
    expect(forged).not.toBe(good);
    expect(userFromInitData(forged, BOT_TOKEN, NOW).ok).toBe(false);
  });

  it("a missing hash, a missing value, garbage and init data without a user are refused", () => {
    const good = signedFor(BOT_TOKEN, minutesBefore(1));
    expect(userFromInitData(good.replace(/&hash=[0-9a-f]+/, ""), BOT_TOKEN, NOW).ok).toBe(false);
    expect(userFromInitData(undefined, BOT_TOKEN, NOW).ok).toBe(false);
    expect(userFromInitData("", BOT_TOKEN, NOW).ok).toBe(false);
    expect(userFromInitData("not init data at all", BOT_TOKEN, NOW).ok).toBe(false);
    expect(userFromInitData(signedFor(BOT_TOKEN, minutesBefore(1), null), BOT_TOKEN, NOW).ok).toBe(false);
  });

  it("the header carries it after `tma `", () => {
    expect(initDataOfHeader("tma query_id=1&hash=2")).toBe("query_id=1&hash=2");
    expect(initDataOfHeader("Bearer abc")).toBeUndefined();
    expect(initDataOfHeader(undefined)).toBeUndefined();
  });
});
