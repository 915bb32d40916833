// Flood limits on an injected clock, and injected failures a resilient sender must survive.
import { afterEach, describe, expect, it } from "vitest";
import { TelegramEmulator, type EmulatedUser, type EmulatorOptions } from "../../src/emulator/index.js";
import { callApi, fakeClock } from "./emulatorTestKit.js";

let emu: TelegramEmulator | undefined;

afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

async function start(options: EmulatorOptions): Promise<TelegramEmulator> {
  emu = await TelegramEmulator.start(options);
  return emu;
}

function startedUsers(emulator: TelegramEmulator, count: number): EmulatedUser[] {
  return Array.from({ length: count }, () => {
    const user = emulator.createUser();
    user.sendCommand("start");
    return user;
  });
}

const send = (emulator: TelegramEmulator, chatId: number, extra: Record<string, unknown> = {}) =>
  callApi(emulator, "sendMessage", { chat_id: chatId, text: "پیام", ...extra });

describe("flood limits", () => {
  it("allows a burst of 3 per chat, then 429 with retry_after until a token refills", async () => {
    const clock = fakeClock();
    const emulator = await start({ now: clock.now });
    const [user] = startedUsers(emulator, 1);
    for (let i = 0; i < 3; i++) expect((await send(emulator, user!.id)).status).toBe(200);

    const refused = await send(emulator, user!.id);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      ok: false,
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    expect(emulator.callsOf("sendMessage").at(-1)).toMatchObject({ ok: false, errorCode: 429, retryAfter: 1 });

    clock.advance(999);
    expect((await send(emulator, user!.id)).status).toBe(429);
    clock.advance(1);
    expect((await send(emulator, user!.id)).status).toBe(200);
  });

  it("reports whole seconds until the next token for slow per-chat rates", async () => {
    const clock = fakeClock();
    const emulator = await start({ now: clock.now, limits: { perChatPerSecond: 0.2, perChatBurst: 1 } });
    const [user] = startedUsers(emulator, 1);
    await send(emulator, user!.id);
    clock.advance(1500);
    expect((await send(emulator, user!.id)).body.parameters).toEqual({ retry_after: 4 });
  });

  it("caps the whole bot at globalPerSecond across chats", async () => {
    const clock = fakeClock();
    const emulator = await start({ now: clock.now, limits: { globalPerSecond: 30 } });
    const users = startedUsers(emulator, 31);
    const statuses = [];
    for (const user of users) statuses.push((await send(emulator, user.id)).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(30);
    expect(statuses.at(-1)).toBe(429);
    clock.advance(1000 / 30 + 1);
    expect((await send(emulator, users[30]!.id)).status).toBe(200);
  });

  it("lets paid broadcasts use the larger paid cap", async () => {
    const clock = fakeClock();
    const emulator = await start({ now: clock.now, limits: { globalPerSecond: 5, paidPerSecond: 40 } });
    const users = startedUsers(emulator, 41);
    const statuses = [];
    for (const user of users) statuses.push((await send(emulator, user.id, { allow_paid_broadcast: true })).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(40);
    expect(statuses.at(-1)).toBe(429);
    expect(emulator.callsOf("sendMessage").every((c) => c.paid === true)).toBe(true);
    // The normal bucket was untouched by paid calls.
    expect((await send(emulator, users[40]!.id)).status).toBe(200);
  });

  it("validates before limiting and does not limit edits", async () => {
    const clock = fakeClock();
    const emulator = await start({ now: clock.now, limits: { perChatBurst: 1 } });
    const [user] = startedUsers(emulator, 1);
    const sent = await send(emulator, user!.id);
    expect((await send(emulator, user!.id, { text: "" })).status).toBe(400);
    for (const text of ["a", "b", "c"]) {
      const edit = await callApi(emulator, "editMessageText", { chat_id: user!.id, message_id: sent.body.result.message_id, text });
      expect(edit.status).toBe(200);
    }
  });

  it("applies limits changed at runtime", async () => {
    const clock = fakeClock();
    const emulator = await start({ now: clock.now });
    const [user] = startedUsers(emulator, 1);
    emulator.setLimits({ perChatBurst: 1 });
    expect((await send(emulator, user!.id)).status).toBe(200);
    expect((await send(emulator, user!.id)).status).toBe(429);
  });
});

describe("faults", () => {
  const generous = { globalPerSecond: 1e6, perChatPerSecond: 1e6, perChatBurst: 1e6 };

  it("answers about the configured fraction of sends with 500/502, deterministically per seed", async () => {
    const run = async () => {
      const emulator = await start({ limits: generous, faults: { serverErrorRate: 0.2, seed: 42 } });
      const [user] = startedUsers(emulator, 1);
      const statuses: number[] = [];
      for (let i = 0; i < 1000; i++) statuses.push((await send(emulator, user!.id)).status);
      await emulator.stop();
      return statuses;
    };
    const first = await run();
    const failures = first.filter((s) => s >= 500);
    expect(failures.length).toBeGreaterThan(160);
    expect(failures.length).toBeLessThan(240);
    expect(new Set(failures)).toEqual(new Set([500, 502]));
    expect(await run()).toEqual(first);
  });

  it("keeps failed sends out of the chat", async () => {
    const emulator = await start({ limits: generous, faults: { serverErrorRate: 1, seed: 1 } });
    const [user] = startedUsers(emulator, 1);
    const reply = await send(emulator, user!.id);
    expect(reply.body).toMatchObject({ ok: false, error_code: reply.status, description: expect.stringMatching(/Internal Server Error|Bad Gateway/) });
    expect(user!.botMessages()).toEqual([]);
  });

  it("answers 403 for users in blockedUserIds and for users who blocked the bot", async () => {
    const emulator = await start({ limits: generous });
    const [listed, blocker, happy] = startedUsers(emulator, 3);
    emulator.setFaults({ blockedUserIds: [listed!.id] });
    emulator.blockBot(blocker!.id);
    for (const user of [listed!, blocker!]) {
      const reply = await send(emulator, user.id);
      expect(reply.status).toBe(403);
      expect(reply.body).toEqual({ ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" });
    }
    expect((await send(emulator, happy!.id)).status).toBe(200);

    const updates = (await callApi(emulator, "getUpdates")).body.result;
    expect(updates.at(-1).my_chat_member.new_chat_member.status).toBe("kicked");

    blocker!.sendText("I am back");
    expect((await send(emulator, blocker!.id)).status).toBe(200);
  });

  it("hangs a timed-out call, then destroys the socket without sending anything", async () => {
    const emulator = await start({ limits: generous, faults: { timeoutRate: 1, timeoutMs: 150, seed: 7 } });
    const [user] = startedUsers(emulator, 1);
    const started = Date.now();
    await expect(send(emulator, user!.id)).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(user!.botMessages()).toEqual([]);
    expect(emulator.callsOf("sendMessage").at(-1)).toMatchObject({ ok: false, description: expect.stringContaining("timeout") });
  });
});
