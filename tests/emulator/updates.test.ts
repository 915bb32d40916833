// Getting updates to the bot: long polling with offsets, and webhooks with secrets and retries.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TelegramEmulator } from "../../src/emulator/index.js";
import { callApi, waitUntil } from "./emulatorTestKit.js";

let emu: TelegramEmulator;

beforeEach(async () => {
  emu = await TelegramEmulator.start();
});

afterEach(async () => {
  await emu.stop();
});

describe("getUpdates", () => {
  it("delivers pending updates until an offset confirms them", async () => {
    const reza = emu.createUser({ firstName: "Reza" });
    const first = reza.sendText("one");
    const second = reza.sendText("two");
    reza.sendText("three");

    const all = await callApi(emu, "getUpdates");
    expect(all.body.result.map((u: { update_id: number }) => u.update_id)).toEqual([first, second, second + 1]);
    expect(all.body.result[0].message).toMatchObject({ text: "one", from: { id: reza.id, first_name: "Reza" }, chat: { type: "private" } });

    const limited = await callApi(emu, "getUpdates", { offset: second, limit: 1 });
    expect(limited.body.result.map((u: { message: { text: string } }) => u.message.text)).toEqual(["two"]);
    expect(emu.pendingUpdateCount()).toBe(2);

    await callApi(emu, "getUpdates", { offset: second + 2 });
    expect(emu.pendingUpdateCount()).toBe(0);
  });

  it("adds a bot_command entity to commands like Telegram", async () => {
    emu.createUser().sendCommand("start", "ref_42");
    const { body } = await callApi(emu, "getUpdates");
    expect(body.result[0].message).toMatchObject({ text: "/start ref_42", entities: [{ type: "bot_command", offset: 0, length: 6 }] });
  });

  it("long-polls and answers as soon as an update arrives", async () => {
    const user = emu.createUser();
    const started = Date.now();
    const poll = callApi(emu, "getUpdates", { timeout: 10 });
    setTimeout(() => user.sendText("late"), 150);
    const { body } = await poll;
    expect(body.result).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("returns an empty list when the long poll times out", async () => {
    const { body } = await callApi(emu, "getUpdates", { timeout: 1 });
    expect(body).toEqual({ ok: true, result: [] });
  });

  it("terminates the older of two concurrent long polls with 409", async () => {
    const older = callApi(emu, "getUpdates", { timeout: 5 });
    await new Promise((r) => setTimeout(r, 50));
    const newer = callApi(emu, "getUpdates", { timeout: 5 });
    const olderReply = await older;
    expect(olderReply.status).toBe(409);
    expect(olderReply.body.description).toBe(
      "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    );
    emu.createUser().sendText("for the newer poll");
    expect((await newer).body.result).toHaveLength(1);
  });

  it("remembers allowed_updates between calls", async () => {
    const user = emu.createUser();
    user.sendText("hello");
    await callApi(emu, "getUpdates", { allowed_updates: ["callback_query"], timeout: 0 });
    user.sendText("ignored");
    expect((await callApi(emu, "getUpdates")).body.result).toEqual([]);
  });

  it("passes injected updates through exactly, duplicates included", async () => {
    const id = emu.nextUpdateId();
    const update = { update_id: id, message: { message_id: 1, date: 0, chat: { id: 1, type: "private" }, text: "dup" } };
    emu.injectUpdate(update);
    emu.injectUpdate(update);
    const { body } = await callApi(emu, "getUpdates");
    expect(body.result).toEqual([update, update]);
    await callApi(emu, "getUpdates", { offset: id + 1 });
    expect(emu.pendingUpdateCount()).toBe(0);
  });
});

interface Received {
  headers: IncomingHttpHeaders;
  body: { update_id: number; message?: { text: string } };
}

async function startWebhookReceiver(answer: (count: number) => number): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body: JSON.parse(raw) });
      res.writeHead(answer(received.length)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/webhook`, received };
}

describe("webhook", () => {
  it("posts updates with the secret header, retries after a 500 and confirms after a 2xx", async () => {
    const receiver = await startWebhookReceiver((count) => (count === 1 ? 500 : 200));
    try {
      const set = await callApi(emu, "setWebhook", { url: receiver.url, secret_token: "s3cret_TOKEN" });
      expect(set.body).toEqual({ ok: true, result: true });
      const conflict = await callApi(emu, "getUpdates");
      expect(conflict.status).toBe(409);
      expect(conflict.body.description).toBe(
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );

      const user = emu.createUser();
      const updateId = user.sendText("via webhook");
      await waitUntil(() => receiver.received.length >= 2 && emu.pendingUpdateCount() === 0);
      expect(receiver.received.map((r) => r.body.update_id)).toEqual([updateId, updateId]);
      expect(receiver.received[0]!.headers["x-telegram-bot-api-secret-token"]).toBe("s3cret_TOKEN");

      const info = await callApi(emu, "getWebhookInfo");
      expect(info.body.result).toMatchObject({ url: receiver.url, pending_update_count: 0, last_error_message: expect.stringContaining("500") });
    } finally {
      receiver.server.close();
    }
  });

  it("keeps one chat's updates in order, one at a time", async () => {
    const receiver = await startWebhookReceiver(() => 200);
    try {
      await callApi(emu, "setWebhook", { url: receiver.url });
      const user = emu.createUser();
      for (const text of ["1", "2", "3", "4"]) user.sendText(text);
      await waitUntil(() => receiver.received.length === 4);
      expect(receiver.received.map((r) => r.body.message?.text)).toEqual(["1", "2", "3", "4"]);
    } finally {
      receiver.server.close();
    }
  });

  it("retries many chats' updates at once without piling listeners on one signal (no MaxListenersExceededWarning)", async () => {
    // A bot busy elsewhere (503, as a second process answers while the first still handles an update).
    const receiver = await startWebhookReceiver((count) => (count <= 30 ? 503 : 200));
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on("warning", onWarning);
    try {
      await callApi(emu, "setWebhook", { url: receiver.url, max_connections: 40 });
      for (let i = 0; i < 30; i++) emu.createUser().sendText(`chat ${i}`);
      await waitUntil(() => receiver.received.length >= 60 && emu.pendingUpdateCount() === 0, 10_000);
    } finally {
      process.off("warning", onWarning);
      receiver.server.close();
    }
    expect(warnings.filter((w) => w.startsWith("MaxListenersExceededWarning"))).toEqual([]);
  });

  it("deleteWebhook with drop_pending_updates forgets what was not delivered", async () => {
    await callApi(emu, "setWebhook", { url: "http://127.0.0.1:9/unreachable" });
    emu.createUser().sendText("lost");
    await callApi(emu, "deleteWebhook", { drop_pending_updates: true });
    expect(emu.pendingUpdateCount()).toBe(0);
    expect((await callApi(emu, "getWebhookInfo")).body.result.url).toBe("");
    expect((await callApi(emu, "getUpdates")).body.ok).toBe(true);
  });
});
