import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildActor } from "../../src/domain/roles.js";
import type { EmulatedUser } from "../../src/emulator/index.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { openPetition } from "../support/petitions.js";
import { waitUntil } from "../support/waitUntil.js";

const ADMIN_ID = 840001;
const SIGNERS = 210;

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ adminIds: [ADMIN_ID], config: { DELIVERY_RATE_PER_SECOND: 1000 } });
});
afterAll(() => bot?.stop());


const isNews = (text: string | undefined, milestone: "100" | "200") =>
  milestone === "100"
    ? /has reached 100 signatures|به ۱۰۰ امضا رسید/.test(plain(text))
    : /has reached 200 signatures|به ۲۰۰ امضا رسید/.test(plain(text));

describe("milestone news under a burst of signatures", () => {
  it(`${SIGNERS} people sign in the same second; each milestone's news reaches each signer who asked for it exactly once, in their language`, async () => {
    const admin = buildActor({ userId: ADMIN_ID, grants: [], isAdmin: true });
    const ref = await openPetition(bot.app.services.petitions, admin, {
      texts: [
        { locale: "fa", title: "صدای فرزندانمان", body: "ما خانواده‌ها درخواست می‌کنیم…" },
        { locale: "en", title: "Our children's voices", body: "We, the families, ask…" },
      ],
      goal: 500,
      milestones: [100, 200],
    });

    // Every signer has a chat with the bot (Telegram delivers nothing to a chat never started).
    const signers: EmulatedUser[] = Array.from({ length: SIGNERS }, (_, i) => bot.emulator.createUser({ languageCode: i % 3 === 0 ? "en" : "fa" }));
    for (const user of signers) user.sendCommand("start");
    await Promise.all(signers.map((user) => user.waitForReply({ timeoutMs: 30_000 })));

    // All at once, as if they tapped ✅ in the same second; every fifth signer wants no news.
    const wantsNews = (index: number) => index % 5 !== 0;
    const results = await Promise.all(
      signers.map((user, index) =>
        bot.app.services.petitions.sign({
          userId: user.id,
          ref,
          seenVersion: 1,
          nameDisplay: "anonymous",
          province: "tehran",
          notify: wantsNews(index),
          locale: user.languageCode ?? "fa",
        }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await bot.app.services.petitions.get(ref))?.count).toBe(SIGNERS);

    const petition = await bot.app.models.petitions.findOne({ ref }).lean();
    const id = petition!._id.toHexString();
    expect((await bot.app.models.petitionMilestones.find({ petitionId: petition!._id }).lean()).map((m) => m.milestone).sort()).toEqual([100, 200]);
    const jobs = await bot.app.services.delivery.listJobs({ kind: "petition-milestone" });
    expect(jobs.map((j) => j.jobId).sort()).toEqual([`petition-milestone:${id}:100`, `petition-milestone:${id}:200`]);

    // At 200 every one of them had signed: all who asked get that news.
    const expectedAt200 = signers.filter((_, i) => wantsNews(i));
    await waitUntil(() => expectedAt200.every((u) => u.botMessages().some((m) => isNews(m.text, "200"))), 60_000);
    await waitUntil(async () => (await bot.app.services.delivery.progress(`petition-milestone:${id}:100`))?.state === "done", 30_000);

    signers.forEach((user, index) => {
      const at100 = user.botMessages().filter((m) => isNews(m.text, "100"));
      const at200 = user.botMessages().filter((m) => isNews(m.text, "200"));
      expect(at200).toHaveLength(wantsNews(index) ? 1 : 0);
      expect(at100.length).toBeLessThanOrEqual(wantsNews(index) ? 1 : 0);
      const news = [...at100, ...at200];
      for (const message of news) {
        expect(plain(message.text)).toContain(user.languageCode === "en" ? "Our children's voices" : "صدای فرزندانمان");
        expect(message.inlineKeyboard?.[0]?.[0]?.url).toBe(`https://t.me/family_reach_test_bot?start=p_${ref}`);
      }
    });
    // The news at 100 went to those who had signed and asked by then: at least 100 had signed.
    const progress100 = await bot.app.services.delivery.progress(`petition-milestone:${id}:100`);
    const got100 = signers.filter((u) => u.botMessages().some((m) => isNews(m.text, "100"))).length;
    expect(progress100?.sent).toBe(got100);
    expect(got100).toBeGreaterThanOrEqual(100 - signers.filter((_, i) => !wantsNews(i)).length);
  }, 120_000);
});
