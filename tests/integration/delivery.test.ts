// The delivery engine against a real database and the Telegram emulator: exactly-once per
// recipient, Telegram's limits and errors obeyed, pause/resume/cancel, crashes and two workers.
import { randomBytes } from "node:crypto";
import { Api } from "grammy";
import type { Connection } from "mongoose";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../../src/clock.js";
import { connectDatabase } from "../../src/db/connection.js";
import { createModels, type Models } from "../../src/db/models/index.js";
import { createDeliveryService } from "../../src/delivery/deliveryService.js";
import type { DeliveryWorker, DeliveryWorkerOptions } from "../../src/delivery/deliveryWorker.js";
import { createSendBudget } from "../../src/delivery/sendBudget.js";
import type { DeliveryJobInput, DeliveryProgress, Recipient } from "../../src/delivery/types.js";
import type { ApiCall, TelegramEmulator } from "../../src/emulator/index.js";
import { silentLogger } from "../../src/logger.js";
import { createUserService } from "../../src/services/users.js";
import { openTestModels, type TestDatabase } from "../support/database.js";
import { startTestDeliveryWorker } from "../support/deliveryWorker.js";
import { roomyLimits, startTestEmulator } from "../support/testEmulator.js";
import { refOf, testCipher } from "../support/userRefs.js";
import { waitFor, waitUntil } from "../support/waitUntil.js";
import { createFieldCipher } from "../../src/security/fieldCipher.js";

let database: TestDatabase;
let connection: Connection;
let models: Models;
let emulator: TelegramEmulator;
/** Tests move time forward to expire a crashed worker's lease. */
let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
const workers: DeliveryWorker[] = [];
const extraConnections: Connection[] = [];

beforeAll(async () => {
  ({ database, connection, models } = await openTestModels());
  emulator = await startTestEmulator();
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
  emulator.setFaults({ serverErrorRate: 0, timeoutRate: 0, blockedUserIds: [] });
  emulator.setLimits(roomyLimits);
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  for (const extra of extraConnections) await extra.close();
  await emulator?.stop();
  await connection?.close();
  await database?.drop();
});

// Small chunks, so every job here spans several of them.
const service = () => createDeliveryService(models, clock, { chunkSize: 7, contentCipher: testCipher });

function startWorker(overrides: Partial<DeliveryWorkerOptions> = {}): DeliveryWorker {
  const worker = startTestDeliveryWorker(emulator, models, {
    clock,
    markUnreachable: (refs) => createUserService(models, clock, [], testCipher).markManyUnreachable(refs),
    ...overrides,
  });
  workers.push(worker);
  return worker;
}

/** The outbox knows a family by pseudonym only; the worker finds the chat again. */
const to = (userId: number, locale?: string): Recipient => ({ userId: refOf(userId), ...(locale ? { locale } : {}) });

/** Families who have talked to the bot before (their chats exist). */
function families(count: number, languageCode?: string): number[] {
  const { firstId } = emulator.createUsers({ count, started: true, ...(languageCode ? { languageCodes: [languageCode] } : {}) });
  return Array.from({ length: count }, (_, i) => firstId + i);
}

const news = (jobId: string, extra: Partial<DeliveryJobInput> = {}): DeliveryJobInput => ({
  jobId,
  kind: "broadcast",
  createdBy: refOf(42),
  defaultLocale: "fa",
  contentByLocale: {
    fa: { text: "خبر تازه برای خانواده‌ها" },
    en: { text: "News for the families", inlineKeyboard: [[{ text: "Read more", url: "https://example.org/news" }]] },
  },
  ...extra,
});

const botTexts = (userId: number) => (emulator.user(userId)?.botMessages() ?? []).map((m) => m.text ?? m.caption ?? "");
const sendsTo = (userId: number, since = 0): ApiCall[] =>
  emulator.calls.slice(since).filter((c) => c.method === "sendMessage" && Number(c.params.chat_id) === userId);

async function waitForJob(jobId: string, done: (p: DeliveryProgress) => boolean = (p) => p.state === "done", timeoutMs = 15_000): Promise<DeliveryProgress> {
  const progress = await waitFor(() => service().progress(jobId), (p) => p !== null && done(p), timeoutMs, `job ${jobId}`);
  return progress!;
}

describe("a broadcast to families in two languages", () => {
  it("reaches each family exactly once, in their language or else the default one", async () => {
    const persian = families(9, "fa");
    const english = families(8, "en");
    const albanian = families(3, "sq");
    const recipients: Recipient[] = [
      ...persian.map((userId) => to(userId, "fa")),
      ...english.map((userId) => to(userId, "en")),
      ...albanian.map((userId) => to(userId, "sq")),
    ];
    expect(await service().enqueue(news("news-1"), recipients)).toEqual({ created: true, recipients: 20 });
    startWorker();

    const progress = await waitForJob("news-1");
    expect(progress).toMatchObject({ state: "done", total: 20, sent: 20, failed: 0, skipped: 0, pending: 0 });
    for (const id of [...persian, ...albanian]) expect(botTexts(id)).toEqual(["خبر تازه برای خانواده‌ها"]);
    for (const id of english) {
      const messages = emulator.user(id)!.botMessages();
      expect(messages.map((m) => m.text)).toEqual(["News for the families"]);
      expect(messages[0]!.inlineKeyboard?.[0]?.[0]).toMatchObject({ text: "Read more", url: "https://example.org/news" });
    }
    const outcomes = await models.deliveries.find({ jobId: "news-1" }).lean();
    expect(outcomes).toHaveLength(20);
    expect(outcomes.every((o) => o.state === "sent" && typeof o.messageId === "number" && o.attempts === 1)).toBe(true);
    expect(outcomes.find((o) => o.userId === refOf(albanian[0]!))?.locale).toBe("fa");
    expect(await models.deliveryAttempts.countDocuments({ jobId: "news-1" })).toBe(0);
    expect(await models.deliveryRecipients.countDocuments({ jobId: "news-1" })).toBe(0);
  });
});

describe("enqueueing", () => {
  it("is idempotent: the same jobId twice, a list with repeats, and a retry after a crash mid-enqueue never duplicate", async () => {
    const ids = families(12);
    async function* failingHalfway(): AsyncGenerator<Recipient> {
      for (const userId of ids.slice(0, 10)) yield to(userId);
      throw new Error("the process died while reading recipients");
    }
    await expect(service().enqueue(news("news-2"), failingHalfway())).rejects.toThrow("died");
    expect((await models.deliveryJobs.findById("news-2").lean())?.enqueuedAt).toBeNull();

    const withRepeats = [...ids, ...ids.slice(0, 4)].map((userId) => to(userId));
    expect(await service().enqueue(news("news-2"), withRepeats)).toEqual({ created: false, recipients: 12 });
    expect(await service().enqueue(news("news-2"), withRepeats)).toEqual({ created: false, recipients: 12 });
    const both = await Promise.all([
      service().enqueue(news("news-3"), ids.map((userId) => to(userId))),
      service().enqueue(news("news-3"), ids.map((userId) => to(userId))),
    ]);
    expect(both.map((r) => r.created).sort()).toEqual([false, true]);

    startWorker();
    expect(await waitForJob("news-2")).toMatchObject({ total: 12, sent: 12 });
    expect(await waitForJob("news-3")).toMatchObject({ total: 12, sent: 12 });
    for (const id of ids) expect(sendsTo(id)).toHaveLength(2);
    expect(await models.deliveries.countDocuments({ jobId: "news-2" })).toBe(12);
  });

  it("rejects a job without content for its default locale", async () => {
    await expect(service().enqueue({ ...news("bad-1"), defaultLocale: "sq" }, [])).rejects.toThrow(/default locale/);
  });
});

describe("families who cannot be reached", () => {
  it("skips one who blocked the bot, remembers it, and a later job does not try them again", async () => {
    const [willBlock, alreadyBlocked, reachable] = families(3, "fa") as [number, number, number];
    const users = createUserService(models, clock, [], testCipher);
    for (const id of [willBlock, alreadyBlocked, reachable]) await users.touch(id);
    await users.markUnreachable(alreadyBlocked);
    emulator.blockBot(willBlock);

    const everyone = [willBlock, alreadyBlocked, reachable].map((userId) => to(userId, "fa"));
    await service().enqueue(news("news-4"), everyone);
    startWorker();
    expect(await waitForJob("news-4")).toMatchObject({ total: 3, sent: 1, skipped: 2, failed: 0 });
    const outcomes = await models.deliveries.find({ jobId: "news-4" }).lean();
    expect(outcomes.find((o) => o.userId === refOf(willBlock))).toMatchObject({ state: "skipped", reason: "blocked", attempts: 1 });
    expect(outcomes.find((o) => o.userId === refOf(alreadyBlocked))).toMatchObject({ state: "skipped", reason: "blocked", attempts: 0 });
    expect(sendsTo(alreadyBlocked)).toHaveLength(0);
    await waitUntil(async () => (await models.users.findById(refOf(willBlock)).lean())?.unreachableSince != null, 10_000, "marked unreachable");

    const before = emulator.calls.length;
    await service().enqueue(news("news-5"), everyone);
    expect(await waitForJob("news-5")).toMatchObject({ total: 3, sent: 1, skipped: 2 });
    expect(sendsTo(willBlock, before)).toHaveLength(0);
    expect(sendsTo(reachable, before)).toHaveLength(1);
  });

  it("fails a chat that does not exist without retrying it", async () => {
    const stranger = emulator.createUser().id; // never wrote to the bot
    await service().enqueue(news("news-6"), [to(stranger)]);
    startWorker();
    expect(await waitForJob("news-6")).toMatchObject({ failed: 1, sent: 0 });
    expect(sendsTo(stranger)).toHaveLength(1);
    expect(await models.deliveries.findById(`news-6:${refOf(stranger)}`).lean()).toMatchObject({ state: "failed", reason: "chat not found" });
  });
});

describe("Telegram's errors and limits", () => {
  it("retries server errors with backoff until everyone has the message, once", async () => {
    emulator.setFaults({ serverErrorRate: 0.3, seed: 7 });
    const ids = families(16);
    await service().enqueue(news("news-7"), ids.map((userId) => to(userId)));
    startWorker();
    expect(await waitForJob("news-7")).toMatchObject({ sent: 16, failed: 0 });
    for (const id of ids) expect(botTexts(id)).toHaveLength(1);
    const retried = await models.deliveries.countDocuments({ jobId: "news-7", attempts: { $gt: 1 } });
    expect(retried).toBeGreaterThan(0);
  });

  it("gives up after the configured attempts and records why", async () => {
    emulator.setFaults({ serverErrorRate: 1, seed: 1 });
    const [id] = families(1) as [number];
    await service().enqueue(news("news-8"), [to(id)]);
    startWorker({ retry: { baseDelayMs: 50, maxAttempts: 3 } });
    expect(await waitForJob("news-8")).toMatchObject({ failed: 1 });
    expect(sendsTo(id)).toHaveLength(3);
    expect(await models.deliveries.findById(`news-8:${refOf(id)}`).lean()).toMatchObject({ state: "failed", attempts: 3, reason: expect.stringMatching(/^server error 50[02]$/) });
  });

  it("sends nothing at all while a 429's retry_after runs, then goes on", async () => {
    emulator.setLimits({ globalPerSecond: 3 });
    const ids = families(12);
    const since = emulator.calls.length;
    await service().enqueue(news("news-9"), ids.map((userId) => to(userId)));
    startWorker({ concurrency: 1, budget: createSendBudget({ perSecond: 50 }) });
    await waitForJob("news-9");
    for (const id of ids) expect(botTexts(id)).toHaveLength(1);

    const sends = emulator.calls.slice(since).filter((c) => c.method === "sendMessage");
    const refusals = sends.filter((c) => c.errorCode === 429);
    expect(refusals.length).toBeGreaterThan(0);
    for (const refusal of refusals) {
      const quietUntil = refusal.at + refusal.retryAfter! * 1000;
      const early = sends.filter((c) => c.at > refusal.at && c.at < quietUntil);
      expect(early, `sends within retry_after=${refusal.retryAfter} of a 429`).toEqual([]);
    }
  });

  it("waits out the whole retry_after even when its timers fire early", async () => {
    // Node's timers may fire a millisecond or two before the monotonic clock says the time is up;
    // this clock makes that large (it runs at half speed), so one sleep is never enough.
    const mono = () => performance.now() / 2;
    const api = new Api(emulator.token, { apiRoot: emulator.apiRoot, timeoutSeconds: 5 });
    const seen: { method: string; leftAt: number; answeredAt: number; retryAfter?: number }[] = [];
    api.config.use(async (prev, method, payload, signal) => {
      const leftAt = mono();
      const result = await prev(method, payload, signal);
      const retryAfter = result.ok ? undefined : result.parameters?.retry_after;
      seen.push({ method, leftAt, answeredAt: mono(), ...(retryAfter !== undefined ? { retryAfter } : {}) });
      return result;
    });
    emulator.setLimits({ globalPerSecond: 3 });
    const ids = families(5);
    await service().enqueue(news("news-9b"), ids.map((userId) => to(userId)));
    startWorker({ api, monotonicNow: mono, concurrency: 1, budget: createSendBudget({ perSecond: 50, now: mono }) });
    await waitForJob("news-9b");
    for (const id of ids) expect(botTexts(id)).toHaveLength(1);

    const refusals = seen.filter((s) => s.retryAfter !== undefined);
    expect(refusals.length).toBeGreaterThan(0);
    for (const refusal of refusals) {
      const quietUntil = refusal.answeredAt + refusal.retryAfter! * 1000;
      const early = seen.filter((s) => s.leftAt >= refusal.answeredAt && s.leftAt < quietUntil);
      expect(early, `requests sent within retry_after=${refusal.retryAfter} (worker's clock) of a 429`).toEqual([]);
    }
  });
});

describe("steering a job", () => {
  it("pauses, resumes, reports progress at most every 3 seconds and once at the end", async () => {
    const ids = families(24);
    const reports: { at: number; final: boolean; progress: DeliveryProgress }[] = [];
    await service().enqueue(news("news-10"), ids.map((userId) => to(userId)));
    startWorker({
      budget: createSendBudget({ perSecond: 10, burst: 1 }),
      onProgress: (_job, progress, final) => {
        reports.push({ at: Date.now(), final, progress });
      },
    });
    await waitForJob("news-10", (p) => p.sent >= 4);
    expect(await service().pause("news-10")).toBe(true);
    await emulator.waitForQuiet(); // in-flight sends are answered
    const sentWhenPaused = emulator.calls.filter((c) => c.method === "sendMessage").length;
    await emulator.waitForQuiet({ quietMs: 1_000 });
    expect(emulator.calls.filter((c) => c.method === "sendMessage").length).toBe(sentWhenPaused);
    expect((await service().progress("news-10"))?.state).toBe("paused");

    expect(await service().resume("news-10")).toBe(true);
    expect(await waitForJob("news-10")).toMatchObject({ sent: 24, pending: 0 });
    for (const id of ids) expect(botTexts(id)).toHaveLength(1);

    await waitUntil(() => reports.some((r) => r.final), 10_000, "the final report");
    const running = reports.filter((r) => !r.final);
    for (let i = 1; i < running.length; i++) expect(running[i]!.at - running[i - 1]!.at).toBeGreaterThanOrEqual(2_900);
    expect(reports.filter((r) => r.final)).toHaveLength(1);
    expect(reports.at(-1)).toMatchObject({ final: true, progress: { state: "done", sent: 24, pending: 0 } });
  });

  it("cancels: what was not sent yet is skipped(cancelled), and nothing more goes out", async () => {
    const ids = families(25);
    await service().enqueue(news("news-11"), ids.map((userId) => to(userId)));
    startWorker({ budget: createSendBudget({ perSecond: 10, burst: 1 }) });
    await waitForJob("news-11", (p) => p.sent >= 3);
    expect(await service().cancel("news-11")).toBe(true);
    const final = await waitForJob("news-11", (p) => p.state === "cancelled" && p.pending === 0);
    expect(final.sent + final.skipped).toBe(25);
    expect(final.skipped).toBeGreaterThan(10);
    const sent = emulator.calls.filter((c) => c.method === "sendMessage").length;
    await emulator.waitForQuiet({ quietMs: 500 });
    expect(emulator.calls.filter((c) => c.method === "sendMessage").length).toBe(sent);
    expect(await models.deliveries.countDocuments({ jobId: "news-11", state: "skipped", reason: "cancelled" })).toBe(final.skipped);
    expect(await service().resume("news-11")).toBe(false);
  });
});

describe("workers that crash or run twice", () => {
  it("resumes a crashed worker's job without losing anyone; only messages in flight may arrive twice", async () => {
    const ids = families(60);
    await service().enqueue(news("news-12"), ids.map((userId) => to(userId)));
    const first = startWorker({ concurrency: 4, budget: createSendBudget({ perSecond: 40 }) });
    await waitForJob("news-12", (p) => p.sent >= 15);
    // The next requests hang in "Telegram" and are never delivered; then the worker dies.
    emulator.setFaults({ timeoutRate: 1, timeoutMs: 1_500 });
    await waitUntil(() => emulator.calls.some((c) => c.method === "sendMessage" && c.description?.startsWith("emulated timeout")), 10_000, "a send timed out");
    first.crash(); // kill -9: nothing more is written, the lease is not given back
    emulator.setFaults({ timeoutRate: 0 });

    offsetMs += 10_000; // the crashed worker's lease has expired
    startWorker({ concurrency: 4 });
    expect(await waitForJob("news-12")).toMatchObject({ total: 60, sent: 60, pending: 0 });
    const counts = ids.map((id) => botTexts(id).length);
    expect(counts.filter((n) => n === 0)).toEqual([]);
    expect(counts.filter((n) => n > 1).length).toBeLessThanOrEqual(4);
    expect(await models.deliveries.countDocuments({ jobId: "news-12" })).toBe(60);
    // The hung requests reached nobody: those families got the message from the second worker.
    const hung = emulator.calls.filter((c) => c.description?.startsWith("emulated timeout")).map((c) => Number(c.params.chat_id));
    expect(hung.length).toBeGreaterThan(0);
    for (const id of hung) expect(botTexts(id)).toHaveLength(1);
  });

  it("lets only one of two workers send, and the other take over when it stops", async () => {
    const other = await connectDatabase(database.uri, { log: silentLogger });
    extraConnections.push(other);
    const sendsBy = [0, 0];
    const countingApi = (index: number) => {
      const api = new Api(emulator.token, { apiRoot: emulator.apiRoot });
      api.config.use((prev, method, payload, signal) => {
        if (method === "sendMessage") sendsBy[index]! += 1;
        return prev(method, payload, signal);
      });
      return api;
    };
    const ids = families(20);
    await service().enqueue(news("news-13"), ids.map((userId) => to(userId)));
    const a = startWorker({ api: countingApi(0) });
    const b = startWorker({ api: countingApi(1), models: createModels(other) });
    await waitForJob("news-13");
    expect(sendsBy.filter((n) => n > 0)).toHaveLength(1);
    expect(sendsBy[0]! + sendsBy[1]!).toBe(20);
    for (const id of ids) expect(botTexts(id)).toHaveLength(1);

    const [leader, standby] = a.dispatching ? [a, b] : [b, a];
    await leader.stop();
    await service().enqueue(news("news-14"), ids.map((userId) => to(userId)));
    await waitForJob("news-14");
    expect(standby.dispatching).toBe(true);
    for (const id of ids) expect(botTexts(id)).toHaveLength(2);
  });
});

describe("content at rest", () => {
  it("is stored encrypted; a job whose content no key of the ring opens is left unsent, and the others still go out", async () => {
    const [family] = families(1);
    const underAnotherKey = createDeliveryService(models, clock, { chunkSize: 7, contentCipher: createFieldCipher(randomBytes(32)) });
    await underAnotherKey.enqueue(news("news-unreadable"), [to(family!, "en")]);
    await service().enqueue(news("news-readable"), [to(family!, "en")]);
    const raw = JSON.stringify(await models.deliveryJobs.collection.find({ _id: { $in: ["news-unreadable", "news-readable"] } } as never).toArray());
    expect(raw).not.toContain("News for the families");
    expect(raw).not.toContain("خبر تازه");

    startWorker();
    expect(await waitForJob("news-readable")).toMatchObject({ state: "done", sent: 1 });
    expect(botTexts(family!)).toEqual(["News for the families"]);
    expect((await models.deliveryJobs.findById("news-unreadable").lean())?.finishedAt).toBeNull();
    await models.deliveryJobs.deleteOne({ _id: "news-unreadable" }).exec();
  });
});
