// The whole bot with its delivery worker: news enqueued by a feature reaches families through the
// emulator, Telegram's cap is shared with conversations, and a family who blocked the bot is remembered.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeliveryProgress } from "../../src/delivery/types.js";
import type { EmulatedUser } from "../../src/emulator/index.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { refOf } from "../support/userRefs.js";
import { waitFor, waitUntil } from "../support/waitUntil.js";

let bot: TestBot;
const progressReports: { final: boolean; progress: DeliveryProgress }[] = [];

beforeAll(async () => {
  bot = await startTestBot({
    // Telegram allows this bot 12 messages a second; the outbox is configured for 10.
    emulator: { limits: { globalPerSecond: 12, perChatPerSecond: 30, perChatBurst: 30 } },
    config: { DELIVERY_RATE_PER_SECOND: 10, DELIVERY_CONCURRENCY: 4 },
    overrides: {
      delivery: {
        tickMs: 200,
        retry: { baseDelayMs: 100 },
        onProgress: (_job, progress, final) => {
          progressReports.push({ final, progress });
        },
      },
    },
  });
});
afterAll(() => bot?.stop());

async function family(languageCode: "fa" | "en"): Promise<EmulatedUser> {
  const user = bot.emulator.createUser({ languageCode });
  user.sendCommand("start");
  await user.waitForReply();
  return user;
}

describe("news for the families", () => {
  it("reaches every Persian and English family once, while a mother talking to the bot is answered at once", async () => {
    const persian = await Promise.all(Array.from({ length: 14 }, () => family("fa")));
    const english = await Promise.all(Array.from({ length: 14 }, () => family("en")));
    const blocker = english[0]!;
    bot.emulator.blockBot(blocker.id);
    const since = bot.emulator.calls.length;

    const { services } = bot.app;
    await services.delivery.enqueue(
      {
        jobId: "e2e-news-1",
        kind: "broadcast",
        createdBy: refOf(persian[0]!.id),
        defaultLocale: "fa",
        contentByLocale: { fa: { text: "نامه‌های شما به دفتر رسید." }, en: { text: "Your letters reached the office." } },
      },
      [...persian.map((u) => ({ userId: refOf(u.id), locale: "fa" })), ...english.map((u) => ({ userId: refOf(u.id), locale: "en" }))],
    );

    // Half way through the broadcast a mother asks for help: her answer does not queue behind the news.
    const mother = persian[5]!;
    await waitUntil(async () => ((await services.delivery.progress("e2e-news-1"))?.sent ?? 0) >= 8, 10_000, "8 sent");
    const askedAt = Date.now();
    mother.sendCommand("help");
    const help = await mother.waitForText("/language", { timeoutMs: 3_000 });
    expect(Date.now() - askedAt).toBeLessThan(1_500);
    expect(plain(help.text)).toContain("/language");

    const final = await waitFor(() => services.delivery.progress("e2e-news-1"), (p) => p?.state === "done", 20_000);
    expect(final).toMatchObject({ total: 28, sent: 27, skipped: 1, failed: 0, pending: 0 });
    for (const user of persian) expect(user.botMessages().filter((m) => plain(m.text) === "نامه‌های شما به دفتر رسید.")).toHaveLength(1);
    for (const user of english.slice(1)) expect(user.botMessages().filter((m) => m.text === "Your letters reached the office.")).toHaveLength(1);

    // The family who blocked the bot is remembered, so the next job does not even try.
    expect((await bot.app.models.users.findById(refOf(blocker.id)).lean())?.unreachableSince).toBeInstanceOf(Date);
    const sends = bot.emulator.calls.slice(since).filter((c) => c.method === "sendMessage");
    expect(sends.filter((c) => c.errorCode === 429)).toEqual([]);
    // Telegram tells the bot of the block (a my_chat_member update) while the news goes out: the
    // family is skipped either because the bot already knew, or after one refused send (403).
    const triedBlocker = sends.filter((c) => Number(c.params.chat_id) === blocker.id).length;
    expect(triedBlocker).toBeLessThanOrEqual(1);

    await services.delivery.enqueue(
      { jobId: "e2e-news-2", kind: "broadcast", defaultLocale: "en", contentByLocale: { en: { text: "One more thing." } } },
      english.map((u) => ({ userId: refOf(u.id) })),
    );
    expect(await waitFor(() => services.delivery.progress("e2e-news-2"), (p) => p?.state === "done", 10_000)).toMatchObject({ sent: 13, skipped: 1 });
    // …and the next job does not even try.
    expect(bot.emulator.calls.slice(since).filter((c) => c.method === "sendMessage" && Number(c.params.chat_id) === blocker.id)).toHaveLength(triedBlocker);

    // The final report comes right after the job is marked done.
    await waitUntil(async () => progressReports.filter((r) => r.final).length === 2, 10_000, "two final reports");
    expect(progressReports.filter((r) => r.final).map((r) => r.progress.jobId)).toEqual(["e2e-news-1", "e2e-news-2"]);
  }, 30_000);
});
