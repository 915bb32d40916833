// The delivery engine's pure parts: the sending budget, error classification and backoff,
// content rendering, and the in-memory cursor over a job's recipients.
import { GrammyError, HttpError } from "grammy";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ActiveJob } from "../../src/delivery/activeJob.js";
import { backoffDelayMs, classifySendError, defaultRetryPolicy } from "../../src/delivery/classifyError.js";
import { contentFor, inlineKeyboard } from "../../src/delivery/renderContent.js";
import { createSendBudget, isSendingMethod, spendFromBudget } from "../../src/delivery/sendBudget.js";
import type { DeliveryJobRecord } from "../../src/db/models/deliveryJob.js";
import { refOf, testCipher } from "../support/userRefs.js";

describe("the sending budget", () => {
  let now = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    now = 0;
  });
  afterEach(() => vi.useRealTimers());
  const advance = async (ms: number) => {
    now += ms;
    await vi.advanceTimersByTimeAsync(ms);
  };

  it("lets a broadcast take what is there, then one token per 1/rate seconds, first come first served", async () => {
    const budget = createSendBudget({ perSecond: 10, burst: 2, now: () => now });
    await budget.take();
    await budget.take();
    const order: string[] = [];
    void budget.take().then(() => order.push("first"));
    void budget.take().then(() => order.push("second"));
    await advance(90);
    expect(order).toEqual([]);
    await advance(20);
    expect(order).toEqual(["first"]);
    await advance(100);
    expect(order).toEqual(["first", "second"]);
  });

  it("never makes a reply wait, and makes broadcasts wait for what replies used", async () => {
    const budget = createSendBudget({ perSecond: 10, burst: 2, now: () => now });
    for (let i = 0; i < 5; i++) budget.spend(); // five replies at once: two tokens, then three of debt
    expect(budget.available()).toBe(-3);
    let sent = false;
    void budget.take().then(() => (sent = true));
    await advance(390);
    expect(sent).toBe(false);
    await advance(20);
    expect(sent).toBe(true);
  });

  it("gives back an unused token and stops a waiting broadcast when asked", async () => {
    const budget = createSendBudget({ perSecond: 1, burst: 1, now: () => now });
    await budget.take();
    budget.refund();
    await budget.take();
    const abort = new AbortController();
    const waiting = budget.take(abort.signal);
    abort.abort();
    await expect(waiting).rejects.toThrow("aborted");
  });

  it("counts only the calls that send a message", async () => {
    expect(["sendMessage", "sendPhoto", "sendDocument", "copyMessage", "forwardMessages"].every(isSendingMethod)).toBe(true);
    expect(["sendChatAction", "editMessageText", "answerCallbackQuery", "getUpdates"].some(isSendingMethod)).toBe(false);
    const budget = createSendBudget({ perSecond: 30, burst: 5, now: () => now });
    const transformer = spendFromBudget(budget);
    const prev = vi.fn(async () => ({ ok: true as const, result: true }));
    await transformer(prev as never, "sendMessage", { chat_id: 1, text: "hi" } as never);
    await transformer(prev as never, "editMessageText", { chat_id: 1, message_id: 2, text: "hi" } as never);
    expect(prev).toHaveBeenCalledTimes(2);
    expect(budget.available()).toBe(4);
  });
});

describe("what a failed send means", () => {
  const telegramError = (error_code: number, description: string, parameters = {}) =>
    new GrammyError("call failed", { ok: false, error_code, description, parameters }, "sendMessage", {});

  it("429 is a pause of exactly retry_after; 403 is a blocked user; 400 is final; 5xx and the network are retried", () => {
    expect(classifySendError(telegramError(429, "Too Many Requests: retry after 7", { retry_after: 7 }))).toEqual({ kind: "rateLimited", retryAfterSeconds: 7 });
    expect(classifySendError(telegramError(403, "Forbidden: bot was blocked by the user"))).toEqual({ kind: "blocked", reason: "blocked" });
    expect(classifySendError(telegramError(403, "Forbidden: user is deactivated")).kind).toBe("blocked");
    expect(classifySendError(telegramError(400, "Bad Request: chat not found"))).toEqual({ kind: "permanent", reason: "chat not found" });
    expect(classifySendError(telegramError(400, "Bad Request: can't parse entities"))).toEqual({ kind: "permanent", reason: "can't parse entities" });
    expect(classifySendError(telegramError(502, "Bad Gateway"))).toEqual({ kind: "transient", reason: "server error 502" });
    expect(classifySendError(new HttpError("Network request for 'sendMessage' failed!", new Error("socket hang up")))).toEqual({ kind: "transient", reason: "network error" });
  });

  it("backs off exponentially with jitter from the injected random source, up to a cap", () => {
    const policy = { ...defaultRetryPolicy, baseDelayMs: 1_000, maxDelayMs: 10_000 };
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, policy, () => 0.5))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(backoffDelayMs(6, policy, () => 0.5)).toBe(10_000);
    expect(backoffDelayMs(1, policy, () => 0)).toBe(500);
    expect(backoffDelayMs(1, policy, () => 0.999)).toBe(1_499);
  });
});

describe("content for each recipient", () => {
  const content = {
    fa: { text: "سلام" },
    en: { text: "Hello", inlineKeyboard: [[{ text: "Sign", callbackData: "pet:sign:1" }, { text: "Site", url: "https://example.org" }]] },
  };

  it("is the recipient's language when there is one, else the default language", () => {
    expect(contentFor(content, "en", "fa")).toEqual({ content: content.en, locale: "en" });
    expect(contentFor(content, "sq", "fa")).toEqual({ content: content.fa, locale: "fa" });
    expect(contentFor(content, undefined, "fa").locale).toBe("fa");
    expect(() => contentFor(content, "en", "sq")).not.toThrow();
    expect(() => contentFor(content, "sq", "sq")).toThrow(/default locale/);
  });

  it("turns button rows into Telegram's inline keyboard", () => {
    expect(inlineKeyboard(content.en)).toEqual({
      inline_keyboard: [[{ text: "Sign", callback_data: "pet:sign:1" }, { text: "Site", url: "https://example.org" }]],
    });
    expect(inlineKeyboard(content.fa)).toBeUndefined();
  });
});

describe("a job's cursor in memory", () => {
  const record = (chunkCount: number, chunkSize: number): DeliveryJobRecord => ({
    _id: "job-1",
    kind: "broadcast",
    createdBy: refOf(7),
    contentByLocale: JSON.stringify({ fa: { text: "x" } }),
    defaultLocale: "fa",
    notBefore: null,
    paid: false,
    state: "running",
    progressChat: { userRef: refOf(7), messageId: null, locale: "fa" },
    createdAt: new Date(0),
    enqueuedAt: new Date(0),
    total: chunkCount * chunkSize,
    skippedAtEnqueue: 0,
    chunkCount,
    chunkSize,
    finishedAt: null,
    summary: null,
  });
  const notPaced = () => undefined;
  const refs = (...ids: number[]) => ids.map(refOf);
  const chatIdOf = (ref: string) => testCipher.telegramIdOf(ref);

  it("walks the chunks in order, continuing where a recovered job left off", () => {
    const job = new ActiveJob(record(2, 3), chatIdOf);
    // The listener gets the chat id back; the record holds only the pseudonym.
    expect(job.summary).toMatchObject({ jobId: "job-1", createdBy: refOf(7), progressChat: { chatId: 7, locale: "fa" } });
    job.startAt(2);
    expect(job.chunkToLoad()).toBe(0);
    expect(job.chunkToLoad()).toBeNull(); // already loading
    job.setChunk(0, { userIds: refs(10, 11, 12), locales: ["fa", "en", ""] });
    expect(job.take(0, notPaced).item).toMatchObject({ userId: refOf(12), seq: 2, locale: "", attempts: 0, hasRow: false });
    expect(job.take(0, notPaced).item).toBeUndefined();
    expect(job.chunkToLoad()).toBe(1);
    job.setChunk(1, { userIds: refs(13, 14, 15), locales: ["fa", "fa", "fa"] });
    expect(job.take(0, notPaced).item).toMatchObject({ userId: refOf(13), seq: 3, id: `job-1:${refOf(13)}` });
    expect(job.takeRemaining(10, 0).map((i) => i.seq)).toEqual([4, 5]);
    expect(job.listExhausted).toBe(true);
    expect(job.complete).toBe(true);
  });

  it("sends due retries first and holds back a chat that had a message less than a second ago", () => {
    const job = new ActiveJob(record(1, 4), chatIdOf);
    job.startAt(0);
    job.chunkToLoad();
    job.setChunk(0, { userIds: refs(20, 21, 22, 23), locales: ["", "", "", ""] });
    job.retries.push({ id: `job-1:${refOf(99)}`, userId: refOf(99), seq: 0, locale: "", attempts: 1, dueAt: 5_000, hasRow: true });
    expect(job.take(1_000, notPaced).item?.userId).toBe(refOf(20));
    expect(job.take(6_000, notPaced).item?.userId).toBe(refOf(99));
    const paced = (userId: string) => (userId === refOf(21) ? 6_500 : undefined);
    const { item, deferred } = job.take(6_000, paced);
    expect(item?.userId).toBe(refOf(22));
    expect(deferred).toEqual([expect.objectContaining({ userId: refOf(21), dueAt: 6_500 })]);
    expect(job.complete).toBe(false);
  });

  it("estimates the time left from the recent pace", () => {
    const job = new ActiveJob(record(1, 100), chatIdOf);
    job.sample(0);
    for (let i = 0; i < 20; i++) job.record("sent");
    job.sample(2_000);
    expect(job.progress()).toMatchObject({ total: 100, sent: 20, pending: 80, etaSeconds: 8 });
  });
});
