// waitForQuiet: a test asks "has the bot finished?" instead of sleeping a fixed time and hoping.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TelegramEmulator } from "../../src/emulator/index.js";
import { callApi } from "./emulatorTestKit.js";

let emu: TelegramEmulator;

beforeEach(async () => {
  emu = await TelegramEmulator.start();
});

afterEach(async () => {
  await emu.stop();
});

const elapsedSince = (start: number) => performance.now() - start;

describe("waitForQuiet", () => {
  it("resolves after the quiet period when the bot does nothing", async () => {
    // Quiet counts from the bot's last call; a clock started before it cannot see less than quietMs
    // (one started after the emulator was created, as this test once did, could on a busy machine).
    const start = performance.now();
    await callApi(emu, "getMe");
    await emu.waitForQuiet({ quietMs: 150 });
    expect(elapsedSince(start)).toBeGreaterThanOrEqual(150);
    expect(elapsedSince(start)).toBeLessThan(1_000);
  });

  it("is not quiet while the bot works on a message it fetched, and is once it confirms it", async () => {
    const user = emu.createUser({ firstName: "Maryam" });
    const updateId = user.sendText("salam");
    // Fetched is not handled: only the next getUpdates' offset says the bot is done with it.
    await callApi(emu, "getUpdates", { timeout: 0 });
    await expect(emu.waitForQuiet({ quietMs: 50, timeoutMs: 300 })).rejects.toThrow(/1 update\(s\) not confirmed as handled/);
    await callApi(emu, "getUpdates", { offset: updateId + 1, timeout: 0 });
    await emu.waitForQuiet({ quietMs: 50, timeoutMs: 1_000 });
  });

  it("is quiet while nobody fetches a message (the bot is stopped)", async () => {
    emu.createUser().sendText("anyone there?");
    await emu.waitForQuiet({ quietMs: 50, timeoutMs: 1_000 });
    expect(emu.pendingUpdateCount()).toBe(1);
  });

  it("waits for the bot's answer to a webhook request", async () => {
    const bot = createServer((_req, res) => setTimeout(() => res.end(), 400));
    await new Promise<void>((resolve) => bot.listen(0, "127.0.0.1", resolve));
    try {
      await callApi(emu, "setWebhook", { url: `http://127.0.0.1:${(bot.address() as AddressInfo).port}/hook` });
      const start = performance.now();
      emu.createUser().sendText("salam");
      await emu.waitForQuiet({ quietMs: 100, timeoutMs: 2_000 });
      expect(elapsedSince(start)).toBeGreaterThanOrEqual(400 + 90);
      expect(emu.pendingUpdateCount()).toBe(0);
    } finally {
      await new Promise((resolve) => bot.close(resolve));
    }
  });

  it("counts a getUpdates waiting for news as rest, not work", async () => {
    const poll = callApi(emu, "getUpdates", { timeout: 3 });
    const start = performance.now();
    await emu.waitForQuiet({ quietMs: 100, timeoutMs: 1_000 });
    expect(elapsedSince(start)).toBeLessThan(1_000);
    emu.createUser().sendText("wake up");
    expect((await poll).body.result).toHaveLength(1);
  });

  it("waits for a Bot API call in flight, even one Telegram never answers", async () => {
    const user = emu.createUser({ started: true });
    emu.setFaults({ timeoutRate: 1, timeoutMs: 600 });
    const start = performance.now();
    const hanging = callApi(emu, "sendMessage", { chat_id: user.id, text: "slow" }).catch(() => "socket destroyed");
    await expect(emu.waitForQuiet({ quietMs: 100, timeoutMs: 300 })).rejects.toThrow(/1 call\(s\) in flight \(sendMessage\)/);
    await emu.waitForQuiet({ quietMs: 100, timeoutMs: 2_000 });
    expect(elapsedSince(start)).toBeGreaterThanOrEqual(600 + 90);
    expect(await hanging).toBe("socket destroyed");
  });

  it("starts the quiet period again with every call", async () => {
    const user = emu.createUser({ started: true });
    const start = performance.now();
    const later = new Promise<void>((resolve) =>
      setTimeout(() => void callApi(emu, "sendMessage", { chat_id: user.id, text: "one more thing" }).then(() => resolve()), 150),
    );
    await emu.waitForQuiet({ quietMs: 250 });
    await later;
    expect(user.botMessages().map((m) => m.text)).toEqual(["one more thing"]);
    expect(elapsedSince(start)).toBeGreaterThanOrEqual(150 + 240);
  });
});
