// The Bot API going down (no answer to any call) and a 429 storm, as the bot's fault tests inject them.
import { afterEach, describe, expect, it } from "vitest";
import { TelegramEmulator, type EmulatedUser, type EmulatorOptions } from "../../src/emulator/index.js";
import { callApi, driver, fakeClock } from "./emulatorTestKit.js";

let emu: TelegramEmulator | undefined;

afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

async function start(options: EmulatorOptions = {}): Promise<TelegramEmulator> {
  emu = await TelegramEmulator.start(options);
  return emu;
}

function startedUser(emulator: TelegramEmulator): EmulatedUser {
  const user = emulator.createUser();
  user.sendCommand("start");
  return user;
}

const generous = { globalPerSecond: 1000, perChatPerSecond: 1000, perChatBurst: 1000 };
const send = (emulator: TelegramEmulator, chatId: number) => callApi(emulator, "sendMessage", { chat_id: chatId, text: "پیام" });

describe("the Bot API is unreachable", () => {
  it("reset: drops every call at once, of any method, runs none of them, and answers again when lifted", async () => {
    const emulator = await start({ limits: generous });
    const user = startedUser(emulator);
    emulator.setFaults({ unreachable: "reset" });
    await expect(send(emulator, user.id)).rejects.toThrow();
    await expect(callApi(emulator, "getUpdates", { timeout: 0 })).rejects.toThrow();
    await expect(callApi(emulator, "getMe")).rejects.toThrow();
    expect(user.botMessages()).toHaveLength(0);
    expect(emulator.calls.filter((call) => call.unanswered).map((call) => call.method)).toEqual(["sendMessage", "getUpdates", "getMe"]);
    // The /start is still waiting for the bot: nothing was handed out or confirmed meanwhile.
    expect(emulator.pendingUpdateCount()).toBe(1);

    emulator.setFaults({ unreachable: null });
    expect((await send(emulator, user.id)).status).toBe(200);
    expect((await callApi(emulator, "getUpdates", { timeout: 0 })).body.result).toHaveLength(1);
  });

  it("hang: keeps calls open without an answer until lifted, then drops them without running them", async () => {
    const emulator = await start({ limits: generous });
    const user = startedUser(emulator);
    await driver(emulator, "/faults", { unreachable: "hang" });
    let settled = false;
    const held = send(emulator, user.id).finally(() => (settled = true));
    held.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);

    expect((await driver(emulator, "/faults", { unreachable: null })).body.unreachable).toBeNull();
    await expect(held).rejects.toThrow();
    expect(user.botMessages()).toHaveLength(0);
    expect(emulator.callsOf("sendMessage")).toMatchObject([{ ok: false, unanswered: true }]);
  });

  it("ends a long poll that was waiting when the API went down, and hands out nothing during the outage", async () => {
    const emulator = await start();
    const polling = callApi(emulator, "getUpdates", { timeout: 30 });
    await new Promise((resolve) => setTimeout(resolve, 300)); // the long poll is waiting
    emulator.setFaults({ unreachable: "reset" });
    expect((await polling).body.result).toEqual([]);
    startedUser(emulator);
    await expect(callApi(emulator, "getUpdates", { timeout: 0 })).rejects.toThrow();
    expect(emulator.pendingUpdateCount()).toBe(1);
  });
});

describe("a 429 storm", () => {
  it("answers a share of sends 429 with retry_after, lets the obedient retry through and records one that came too early", async () => {
    const clock = fakeClock();
    const emulator = await start({ now: clock.now, limits: generous, faults: { seed: 3 } });
    const user = startedUser(emulator);
    emulator.setFaults({ floodStorm: { rate: 1, retryAfterSeconds: 2 } });

    const refused = await send(emulator, user.id);
    expect(refused.status).toBe(429);
    expect(refused.body.parameters).toEqual({ retry_after: 2 });
    // Too early, by 1.5 s: refused again, and logged as a violation.
    clock.advance(500);
    const early = await send(emulator, user.id);
    expect(early.body.parameters).toEqual({ retry_after: 2 });
    expect(emulator.callsOf("sendMessage").at(-1)).toMatchObject({ errorCode: 429, retryAfterViolationMs: 1500 });
    // After the wait: through, even though every fresh call is drawn into the storm.
    clock.advance(1500);
    expect((await send(emulator, user.id)).status).toBe(200);
    expect((await send(emulator, user.id)).status).toBe(429);

    // Reads (getUpdates, getMe) are never part of the storm.
    expect((await callApi(emulator, "getMe")).status).toBe(200);
    emulator.setFaults({ floodStorm: null });
    clock.advance(2000);
    expect((await send(emulator, user.id)).status).toBe(200);
    expect((await send(emulator, user.id)).status).toBe(200);
    expect(emulator.callsOf("sendMessage").filter((call) => call.retryAfterViolationMs !== undefined)).toHaveLength(1);
  });

  it("draws a stable share of calls from its seed", async () => {
    const emulator = await start({ limits: generous, faults: { seed: 11, floodStorm: { rate: 0.3, retryAfterSeconds: 1 } } });
    const users = Array.from({ length: 200 }, () => startedUser(emulator));
    for (const user of users) await send(emulator, user.id);
    const refused = emulator.callsOf("sendMessage").filter((call) => call.errorCode === 429).length;
    expect(refused).toBeGreaterThan(40);
    expect(refused).toBeLessThan(80);
  });
});
