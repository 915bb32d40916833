// What benchmarks need from the emulator: many users who already started the chat, and a call
// log whose memory stays bounded while its counters stay exact.
import { afterEach, describe, expect, it } from "vitest";
import { TelegramEmulator } from "../../src/emulator/index.js";
import { callApi, driver } from "./emulatorTestKit.js";

let emu: TelegramEmulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

describe("benchmark support", () => {
  it("creates many users who have started the chat, without queuing updates", async () => {
    emu = await TelegramEmulator.start();
    const created = await driver(emu, "/users/bulk", { count: 50, firstId: 500_001, languageCodes: ["fa", "en"], started: true });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ firstId: 500_001, lastId: 500_050, count: 50 });
    expect(emu.pendingUpdateCount()).toBe(0);
    expect((await driver(emu, "/users/500002")).body).toMatchObject({ id: 500_002, languageCode: "en" });
    expect((await callApi(emu, "sendMessage", { chat_id: 500_050, text: "news" })).status).toBe(200);
    expect((await driver(emu, "/users/bulk", { count: 2, firstId: 500_050 })).status).toBe(400);
    expect((await driver(emu, "/users/bulk", { count: 0 })).status).toBe(400);

    const next = emu.createUsers({ count: 3 });
    expect(next.firstId).toBe(500_051);
    expect((await callApi(emu, "sendMessage", { chat_id: next.firstId, text: "x" })).body.description).toBe("Bad Request: chat not found");
  });

  it("keeps only the latest calls when asked, with exact counters and stable indexes", async () => {
    emu = await TelegramEmulator.start({ callLogLimit: 10, faults: { blockedUserIds: [600_003] }, limits: { globalPerSecond: 1000, perChatPerSecond: 100, perChatBurst: 100 } });
    emu.createUsers({ count: 3, firstId: 600_001, started: true });
    for (let i = 0; i < 40; i++) await callApi(emu, "sendMessage", { chat_id: 600_001 + (i % 3), text: `m${i}` });
    expect(emu.calls.length).toBeLessThan(20);
    const stats = (await driver(emu, "/stats")).body;
    expect(stats).toMatchObject({ calls: 40, blocked403: 13, byMethod: { sendMessage: { calls: 40, failed: 13 } } });
    expect(stats.lastSendAt).toBeGreaterThanOrEqual(stats.firstSendAt);
    const log = (await driver(emu, "/calls?since=35")).body;
    expect(log.next).toBe(40);
    expect(log.calls.map((c: { index: number }) => c.index)).toEqual([35, 36, 37, 38, 39]);
  });
});
