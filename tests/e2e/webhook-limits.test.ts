import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_WEBHOOK_BODY_BYTES } from "../../src/bot/webhookBody.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { helpCommandUpdate, unreachableWebhook, WEBHOOK_SECRET, webhookHeaders } from "../support/webhookUpdates.js";


interface RawPostResult {
  status: number;
  /** Body bytes the client had written when the answer came. */
  bytesWritten: number;
  /** True when the server closed the connection after answering. */
  closedByServer: boolean;
}

/**
 * A POST over a raw socket that writes `chunk` again and again (never ending the body) until the
 * server answers or `maxBytes` were written: a server that waits for the whole body never answers.
 */
function postWithoutEnding(url: string, headers: Record<string, string>, chunk: Buffer, maxBytes: number): Promise<RawPostResult> {
  return new Promise((resolve, reject) => {
    let bytesWritten = 0;
    let answered = false;
    const req = http.request(url, { method: "POST", headers: { "content-type": "application/json", ...headers } });
    req.on("response", (res) => {
      answered = true;
      const status = res.statusCode ?? 0;
      const written = bytesWritten;
      res.resume();
      let closed = false;
      const settle = () => resolve({ status, bytesWritten: written, closedByServer: closed });
      req.socket?.once("close", () => {
        closed = true;
        settle();
      });
      // A server that keeps the connection open would leave this to the timeout below.
      setTimeout(settle, 2_000);
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      // Writing into a socket the server closed after answering: the answer has been handled above.
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && bytesWritten < maxBytes) {
        bytesWritten += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
    };
    req.flushHeaders();
    pump();
  });
}

describe("webhook bodies larger than any Telegram update", () => {
  let bot: TestBot;
  let url: string;
  beforeAll(async () => {
    bot = await startTestBot({
      config: { webhook: unreachableWebhook },
    });
    url = `${bot.app.httpUrl}/telegram/webhook`;
  });
  afterAll(() => bot?.stop());

  it("refuses a body announced as 2 MB with 413 before reading it, and closes the connection", async () => {
    const result = await postWithoutEnding(
      url,
      { "x-telegram-bot-api-secret-token": WEBHOOK_SECRET, "content-length": String(2 * 1024 * 1024) },
      Buffer.alloc(1024, "a"),
      1024,
    );
    expect(result.status).toBe(413);
    expect(result.bytesWritten).toBe(1024); // answered while 2 MB were still owed
    expect(result.closedByServer).toBe(true);
  });

  it("stops reading a chunked body once it passes 1 MB and answers 413 without waiting for its end", async () => {
    const update = JSON.stringify(helpCommandUpdate(700001, 1)).slice(0, -1); // an update whose last field never ends
    const filler = Buffer.alloc(64 * 1024, " ");
    const result = await postWithoutEnding(url, { "x-telegram-bot-api-secret-token": WEBHOOK_SECRET }, Buffer.concat([Buffer.from(update), filler]), 64 * 1024 * 1024);
    expect(result.status).toBe(413);
    expect(result.bytesWritten).toBeGreaterThan(MAX_WEBHOOK_BODY_BYTES);
    // The client was held back long before its 64 MB: the server stopped reading.
    expect(result.bytesWritten).toBeLessThan(32 * 1024 * 1024);
    expect(result.closedByServer).toBe(true);
    expect(await bot.app.models.processedUpdates.countDocuments({ _id: 700001 })).toBe(0);
  });

  it("answers a body that is not JSON with 400, and a real update right after as usual", async () => {
    const headers = webhookHeaders;
    const garbage = await fetch(url, { method: "POST", headers, body: "{ not json at all" });
    expect(garbage.status).toBe(400);

    const user = bot.emulator.createUser({ languageCode: "en" });
    user.sendCommand("start"); // opens the chat in the emulator; the webhook URL itself is unreachable
    const ok = await fetch(url, { method: "POST", headers, body: JSON.stringify(helpCommandUpdate(700002, user.id)) });
    expect(ok.status).toBe(200);
    await user.waitForText("/cancel – stop");
    expect(plain(user.botMessages().at(-1)?.text)).toContain("/help");
  });
});
