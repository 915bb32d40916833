// The /_emulator driver endpoints that benchmarks (another process) and the web page use.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TelegramEmulator } from "../../src/emulator/index.js";
import { callApi, driver } from "./emulatorTestKit.js";

let emu: TelegramEmulator;

beforeAll(async () => {
  emu = await TelegramEmulator.start({ limits: { perChatBurst: 100, globalPerSecond: 1000 } });
});

afterAll(async () => {
  await emu.stop();
});

describe("driver API", () => {
  it("creates and lists users, who then talk to the bot", async () => {
    const created = await driver(emu, "/users", { firstName: "Fatemeh", languageCode: "fa" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(Number), firstName: "Fatemeh", languageCode: "fa", started: false, blocked: false });
    const id = created.body.id;
    expect((await driver(emu, "/users")).body).toContainEqual(expect.objectContaining({ id }));
    expect(emu.user(id)?.firstName).toBe("Fatemeh");

    const sent = await driver(emu, `/users/${id}/messages`, { command: "start", payload: "from_ad" });
    expect(sent.body.updateId).toEqual(expect.any(Number));
    await driver(emu, `/users/${id}/messages`, { photo: true, caption: "عکس" });
    await driver(emu, `/users/${id}/messages`, { voice: true });
    const updates = (await callApi(emu, "getUpdates")).body.result;
    expect(updates.map((u: { message: Record<string, unknown> }) => Object.keys(u.message).find((k) => ["text", "photo", "voice"].includes(k)))).toEqual([
      "text",
      "photo",
      "voice",
    ]);
    await callApi(emu, "getUpdates", { offset: updates.at(-1).update_id + 1 });
  });

  it("rejects bad bodies with 400 and unknown users with 404", async () => {
    const bad = await driver(emu, "/users", { firstName: "", extra: true });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe("invalid request body");
    expect((await driver(emu, "/users/1/messages", { text: "hi" })).status).toBe(404);
    const user = emu.createUser();
    expect((await driver(emu, `/users/${user.id}/messages`, { nonsense: 1 })).status).toBe(400);
    const notJson = await fetch(`${emu.apiRoot}/_emulator/users`, { method: "POST", body: "{" });
    expect(notJson.status).toBe(400);
  });

  it("presses buttons by label or by callback data and long-polls the transcript", async () => {
    const user = emu.createUser({ firstName: "Ilir", languageCode: "sq" });
    user.sendCommand("start");
    const sent = await callApi(emu, "sendMessage", {
      chat_id: user.id,
      text: "Zgjidh",
      reply_markup: { inline_keyboard: [[{ text: "Shqip", callback_data: "lang:sq" }]] },
    });
    const messageId = sent.body.result.message_id;
    expect((await driver(emu, `/users/${user.id}/press`, { label: "Shqip" })).status).toBe(200);
    expect((await driver(emu, `/users/${user.id}/press`, { messageId, callbackData: "lang:sq" })).status).toBe(200);
    const missing = await driver(emu, `/users/${user.id}/press`, { label: "Deutsch" });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatch(/Visible buttons/);

    const now = await driver(emu, `/users/${user.id}/transcript`);
    expect(now.body.messages.map((m: { text: string }) => m.text)).toEqual(["/start", "Zgjidh"]);
    const waiting = driver(emu, `/users/${user.id}/transcript?since=${now.body.version}&wait=5`);
    setTimeout(() => void callApi(emu, "sendMessage", { chat_id: user.id, text: "Faleminderit" }), 50);
    const changed = await waiting;
    expect(changed.body.version).toBeGreaterThan(now.body.version);
    expect(changed.body.messages.at(-1).text).toBe("Faleminderit");
  });

  it("streams chat changes as Server-Sent Events", async () => {
    const user = emu.createUser();
    user.sendText("hi");
    const controller = new AbortController();
    const response = await fetch(`${emu.apiRoot}/_emulator/events?userId=${user.id}`, { signal: controller.signal });
    expect(response.headers.get("content-type")).toMatch(/text\/event-stream/);
    const reader = response.body!.getReader();
    await callApi(emu, "sendMessage", { chat_id: user.id, text: "streamed" });
    let text = "";
    while (!text.includes("streamed")) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toMatch(/event: upsert\ndata: .*"streamed"/);
    controller.abort();
  });

  it("changes faults and limits, blocks users and reports calls and stats", async () => {
    const user = emu.createUser();
    user.sendText("hi");
    expect((await driver(emu, "/faults", { serverErrorRate: 2 })).status).toBe(400);
    expect((await driver(emu, "/faults", { blockedUserIds: [user.id] })).body.blockedUserIds).toEqual([user.id]);
    expect((await callApi(emu, "sendMessage", { chat_id: user.id, text: "x" })).status).toBe(403);
    await driver(emu, "/faults", { blockedUserIds: [] });
    expect((await driver(emu, "/limits", { perChatBurst: 5 })).body.perChatBurst).toBe(5);

    const blocked = await driver(emu, `/users/${user.id}/block`, {});
    expect(blocked.body.blocked).toBe(true);

    const since = (await driver(emu, "/calls")).body.next;
    await callApi(emu, "getMe");
    const calls = await driver(emu, `/calls?method=getMe&since=${since}`);
    expect(calls.body.calls).toEqual([expect.objectContaining({ index: since, method: "getMe", ok: true })]);

    const stats = await driver(emu, "/stats");
    expect(stats.body).toMatchObject({ calls: expect.any(Number), sent: expect.any(Number), blocked403: 1, byMethod: expect.any(Object) });
  });

  it("injects raw updates", async () => {
    const before = emu.pendingUpdateCount();
    await driver(emu, "/updates", { update_id: 5, message: { text: "raw" } });
    await driver(emu, "/updates", { update_id: 5, message: { text: "raw" } });
    expect(emu.pendingUpdateCount()).toBe(before + 2);
  });

  it("serves the web chat page", async () => {
    const page = await fetch(emu.webUrl);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    expect(await page.text()).toContain('data-testid="composer"');
    expect((await fetch(`${emu.apiRoot}/chat.js`)).status).toBe(200);
    expect((await fetch(`${emu.apiRoot}/../package.json`)).status).toBe(404);
  });
});
