// The delivery worker never sends blind: while the outcomes of its messages cannot be written, it
// sends nothing more, says so in the log (without anyone's name or chat id), keeps retrying, and
// carries on once the database takes the writes again — each family still gets the news once.
import { Api } from "grammy";
import type { Connection } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../src/clock.js";
import type { Models } from "../../src/db/models/index.js";
import { createDeliveryService } from "../../src/delivery/deliveryService.js";
import { startDeliveryWorker, type DeliveryWorker } from "../../src/delivery/deliveryWorker.js";
import { createSendBudget } from "../../src/delivery/sendBudget.js";
import type { TelegramEmulator } from "../../src/emulator/index.js";
import { openTestModels, type TestDatabase } from "../support/database.js";
import { startTestEmulator } from "../support/testEmulator.js";
import { refOf, testCipher } from "../support/userRefs.js";
import { waitUntil } from "../support/waitUntil.js";
import { captureLogs } from "../support/logCapture.js";

let database: TestDatabase;
let connection: Connection;
let models: Models;
let emulator: TelegramEmulator;
let worker: DeliveryWorker | undefined;

beforeAll(async () => {
  ({ database, connection, models } = await openTestModels());
  emulator = await startTestEmulator();
});

afterAll(async () => {
  await worker?.stop();
  await emulator?.stop();
  await connection?.close();
  await database?.drop();
});

/** Every log line the worker writes, as parsed JSON and as raw text. */
function capturedLog() {
  const { logger, lines } = captureLogs("info");
  const entries = () => lines.map((line) => JSON.parse(line) as { level: number; msg: string });
  return { log: logger, lines, entries };
}

describe("a broadcast while the database refuses to record outcomes", () => {
  it("stops sending, says so without personal data, and finishes once writes succeed, each family reached once", async () => {
    const { firstId } = emulator.createUsers({ count: 12, started: true, languageCodes: ["fa"] });
    const families = Array.from({ length: 12 }, (_, i) => firstId + i);
    const { log, lines, entries } = capturedLog();

    // The database refuses every outcome write, with an error that quotes a name and a chat id, as drivers do.
    const outcomes = models.deliveries.collection;
    const insertMany = outcomes.insertMany.bind(outcomes);
    outcomes.insertMany = (async () => {
      throw Object.assign(new Error(`write refused for "Parisa Canary" in chat ${families[0]}`), { code: 91 });
    }) as typeof outcomes.insertMany;

    const delivery = createDeliveryService(models, systemClock, { chunkSize: 5, contentCipher: testCipher });
    await delivery.enqueue(
      { jobId: "news-while-db-refuses", kind: "broadcast", createdBy: refOf(42), defaultLocale: "fa", contentByLocale: { fa: { text: "خبر تازه" } } },
      families.map((id) => ({ userId: refOf(id), locale: "fa" })),
    );
    worker = startDeliveryWorker({
      models,
      api: new Api(emulator.token, { apiRoot: emulator.apiRoot, timeoutSeconds: 5 }),
      clock: systemClock,
      log,
      budget: createSendBudget({ perSecond: 200 }),
      concurrency: 4,
      tickMs: 100,
      leaseTtlMs: 3_000,
      chatIdOf: (ref) => testCipher.telegramIdOf(ref),
      contentCipher: testCipher,
    });
    const sends = () => emulator.calls.filter((c) => c.method === "sendMessage").length;

    // Surfaced: a warning at the first failure, an error once it keeps failing.
    await waitUntil(() => entries().some((e) => e.level === 40 && e.msg.startsWith("outbox write failed")), 10_000);
    await waitUntil(() => entries().some((e) => e.level === 50 && e.msg.startsWith("outbox writes keep failing")), 10_000);
    // Not blind: at most the messages already in flight (one per slot) went out, and nothing more while it fails.
    const sentWhileFailing = sends();
    expect(sentWhileFailing).toBeGreaterThan(0);
    expect(sentWhileFailing).toBeLessThanOrEqual(4);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(sends()).toBe(sentWhileFailing);

    // The database is back: the batch that failed is written, and the rest goes out.
    outcomes.insertMany = insertMany;
    await waitUntil(async () => (await delivery.progress("news-while-db-refuses"))?.state === "done", 15_000);
    expect(await delivery.progress("news-while-db-refuses")).toMatchObject({ total: 12, sent: 12, failed: 0, skipped: 0 });
    for (const id of families) expect(emulator.user(id)!.botMessages().map((m) => m.text)).toEqual(["خبر تازه"]);
    expect(entries().some((e) => e.msg.startsWith("outbox writes succeed again"))).toBe(true);

    // Nobody's name or chat id in the log, although the driver's error quoted both.
    const logText = lines.join("\n");
    expect(logText).not.toContain("Parisa Canary");
    for (const id of families) expect(logText).not.toContain(String(id));
  }, 40_000);
});
