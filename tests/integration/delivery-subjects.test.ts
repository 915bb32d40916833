// News about something stored (a case event, a petition milestone) is kept in the outbox as a
// reference and rendered by the worker when it sends, in each recipient's language. Nothing is sent
// about a subject that is gone, and a subject that cannot be read for a moment is tried again.
import { Types, type Connection } from "mongoose";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../src/clock.js";
import type { Models } from "../../src/db/models/index.js";
import { createDeliveryService } from "../../src/delivery/deliveryService.js";
import type { DeliveryWorker } from "../../src/delivery/deliveryWorker.js";
import type { DeliveryProgress, JobSubject, SubjectRenderer } from "../../src/delivery/types.js";
import type { TelegramEmulator } from "../../src/emulator/index.js";
import { openTestModels, type TestDatabase } from "../support/database.js";
import { startTestDeliveryWorker } from "../support/deliveryWorker.js";
import { startTestEmulator } from "../support/testEmulator.js";
import { refOf, testCipher } from "../support/userRefs.js";
import { waitUntil } from "../support/waitUntil.js";

let database: TestDatabase;
let connection: Connection;
let models: Models;
let emulator: TelegramEmulator;
const workers: DeliveryWorker[] = [];

beforeAll(async () => {
  ({ database, connection, models } = await openTestModels());
  emulator = await startTestEmulator();
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
});
afterAll(async () => {
  await emulator?.stop();
  await connection?.close();
  await database?.drop();
});

const delivery = () => createDeliveryService(models, systemClock, { chunkSize: 5, contentCipher: testCipher });

function startWorker(render: SubjectRenderer): void {
  workers.push(startTestDeliveryWorker(emulator, models, { render }));
}

function families(count: number, languageCode: string): number[] {
  const { firstId } = emulator.createUsers({ count, started: true, languageCodes: [languageCode] });
  return Array.from({ length: count }, (_, i) => firstId + i);
}

async function finished(jobId: string): Promise<DeliveryProgress> {
  await waitUntil(async () => (await models.deliveryJobs.findById(jobId, { finishedAt: 1 }).lean())?.finishedAt != null, 10_000, `job ${jobId} finished`);
  return (await delivery().progress(jobId))!;
}

const caseNews = (eventId: string) => ({ jobId: `case-status:${eventId}`, kind: "case-status" as const, subject: { kind: "case-status" as const, eventId }, defaultLocale: "fa" });
const texts = (userId: number) => emulator.user(userId)!.botMessages().map((m) => m.text);

describe("news that refers to a case event", () => {
  it("is rendered when it is sent, once per language, and each family reads it in theirs", async () => {
    const persian = families(3, "fa");
    const english = families(2, "en");
    const eventId = new Types.ObjectId().toHexString();
    const asked: string[] = [];
    startWorker(async (subject: JobSubject, locale) => {
      asked.push(`${subject.kind}:${locale}`);
      return { content: { text: locale === "en" ? "Your case moved on" : "پرونده شما پیش رفت" }, locale };
    });

    await delivery().enqueue(caseNews(eventId), [...persian.map((id) => ({ userId: refOf(id), locale: "fa" })), ...english.map((id) => ({ userId: refOf(id), locale: "en" }))]);
    expect(await finished(`case-status:${eventId}`)).toMatchObject({ sent: 5, failed: 0, skipped: 0 });
    for (const id of persian) expect(texts(id)).toEqual(["پرونده شما پیش رفت"]);
    for (const id of english) expect(texts(id)).toEqual(["Your case moved on"]);
    // Rendered once per language for the whole job, not once per family.
    expect(asked.sort()).toEqual(["case-status:en", "case-status:fa"]);
    // The stored job holds the reference, no text.
    const stored = await models.deliveryJobs.findById(`case-status:${eventId}`).lean();
    expect(stored).toMatchObject({ contentByLocale: null, subject: { kind: "case-status", eventId } });
  });

  it("is not sent at all once what it was about is gone (the case was erased before it went out)", async () => {
    const [mother] = families(1, "fa");
    const eventId = new Types.ObjectId().toHexString();
    startWorker(async () => null);

    await delivery().enqueue(caseNews(eventId), [{ userId: refOf(mother!), locale: "fa" }]);
    expect(await finished(`case-status:${eventId}`)).toMatchObject({ sent: 0, skipped: 1 });
    expect(await models.deliveries.findOne({ jobId: `case-status:${eventId}` }).lean()).toMatchObject({ state: "skipped", reason: "erased" });
    expect(texts(mother!)).toEqual([]);
  });

  it("waits and tries again when the event cannot be read for a moment, then the family gets it once", async () => {
    const [father] = families(1, "en");
    const eventId = new Types.ObjectId().toHexString();
    let reads = 0;
    startWorker(async (_subject, locale) => {
      reads += 1;
      if (reads === 1) throw new Error("database away");
      return { content: { text: "News about your case" }, locale };
    });

    await delivery().enqueue(caseNews(eventId), [{ userId: refOf(father!), locale: "en" }]);
    expect(await finished(`case-status:${eventId}`)).toMatchObject({ sent: 1, failed: 0 });
    expect(texts(father!)).toEqual(["News about your case"]);
    expect(reads).toBe(2);
  });
});
