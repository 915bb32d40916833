// kill -9 at ten random points (a fixed seed) while families register at a person's pace and a
// broadcast goes out: the real bot process (src/main.ts) against this test's emulator and database,
// restarted after each kill. Afterwards no saved answer is lost, no conversation is corrupted, every
// broadcast recipient ends sent or failed with a reason, and only sends in flight at a kill arrive twice.
//
// The seed is printed; CHAOS_SEED=<n> runs another draw of kill points, paces and stopping places.
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../src/clock.js";
import { unpack } from "../../src/db/conversationStorage.js";
import { CONVERSATIONS_COLLECTION, type Models } from "../../src/db/models/index.js";
import { createDeliveryService } from "../../src/delivery/deliveryService.js";
import { mulberry32 } from "../../src/emulator/random.js";
import type { EmulatedUser, TelegramEmulator } from "../../src/emulator/index.js";
import { exited, openBotProcessWorld, type BotProcessWorld } from "../support/botProcess.js";
import { refOf, testCipher } from "../support/userRefs.js";
import { waitFor, waitUntil } from "../support/waitUntil.js";

const SEED = Number(process.env.CHAOS_SEED ?? 20_261_128);
const KILLS = 10;
const FAMILIES = 20;
const RECIPIENTS = 240;
/** Recipients Telegram does not know (chat not found): they must end failed, with the reason. */
const UNKNOWN_RECIPIENTS = 4;
/** The sending budget: the families' replies come first (they never wait for it), so the broadcast gets what they leave. */
const BROADCAST_RATE = 45;
const CONCURRENCY = 8;
const BROADCAST_TEXT = "Chaos news: the letters reached the office.";
/** How long one reply may take: it may wait for a kill, a restart and the backlog behind it. */
const REPLY_TIMEOUT_MS = 40_000;

const random = mulberry32(SEED);
const between = (low: number, high: number) => low + random() * (high - low);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let world: BotProcessWorld;
let emulator: TelegramEmulator;
let models: Models;
let bot: ChildProcess;
let testStartedAt = Date.now();
const killTimes: number[] = [];
const startBot = () => world.startBot({ env: { DELIVERY_RATE_PER_SECOND: String(BROADCAST_RATE), DELIVERY_CONCURRENCY: String(CONCURRENCY) } });

beforeAll(async () => {
  world = await openBotProcessWorld();
  ({ emulator, models } = world);
});
afterAll(() => world?.close());

type Step = { kind: "command" | "text" | "button"; value: string; expect: string };

interface Family {
  user: EmulatedUser;
  name: string;
  birthYear: number;
  leftYear: number;
  steps: Step[];
  /** Steps this family takes during the chaos: all of them, or it stops half way and comes back at the end. */
  stopAfter: number;
  done: number;
  /** Presses repeated on a question sent again after a kill (its first copy's buttons were refused). */
  pressedAgain: number;
}

/** Registration in English from /start to Save, every answer valid (as tests/support/registrationSteps.ts). */
function registrationSteps(name: string, birthYear: number, leftYear: number): Step[] {
  const command = (value: string, expect: string): Step => ({ kind: "command", value, expect });
  const text = (value: string, expect: string): Step => ({ kind: "text", value, expect });
  const button = (value: string, expect: string): Step => ({ kind: "button", value, expect });
  return [
    command("start", "Hello."),
    command("register", "Before we start, please read this."),
    button("✅ I agree, continue", "Who are you to the person you are looking for?"),
    button("I am the sister", "What is their full name?"),
    text(name, "Other spellings"),
    button("⏭ Skip", "a man or a woman"),
    button("Man", "In which year were they born?"),
    text(String(birthYear), "In which year did they leave"),
    text(String(leftYear), "From where did they leave"),
    button("⏭ Skip", "Where do you believe they are now?"),
    button("I do not know", "If you have a photo"),
    button("⏭ Skip", "anything else that could help"),
    button("⏭ Skip", "In which province do you live?"),
    button("Fars", "In which city or town?"),
    button("⏭ Skip", "last have any contact"),
    button("⏭ Skip", "How was that last contact?"),
    button("A letter", "How would you like the association to reach you?"),
    button("Here in Telegram", "Please check your answers."),
    button("✅ Save", "saved"),
  ];
}

/**
 * One step, as a person takes it. A question the bot sent just before a kill is sent again by the
 * restarted process (it was in flight: its update had not been marked done), and the first copy's
 * buttons are then refused ("This button is no longer valid."): the person presses the same button
 * on the newer copy, as anyone would. Counted in `family.pressedAgain`.
 */
async function takeStep(family: Family): Promise<void> {
  const step = family.steps[family.done]!;
  const actedAt = Date.now();
  if (step.kind === "command") family.user.sendCommand(step.value);
  else if (step.kind === "text") family.user.sendText(step.value);
  else family.user.pressButton(step.value);
  let answered = family.user.callbackAnswers().length;
  for (;;) {
    try {
      await family.user.waitForText(step.expect, { timeoutMs: 2_000 });
      break;
    } catch (error) {
      const refused = family.user.callbackAnswers().slice(answered).some((answer) => answer.text === "This button is no longer valid.");
      if (step.kind === "button" && refused) {
        answered = family.user.callbackAnswers().length;
        family.pressedAgain += 1;
        family.user.pressButton(step.value);
        continue;
      }
      if (Date.now() - actedAt < REPLY_TIMEOUT_MS) continue;
      const kills = killTimes.map((at) => at - testStartedAt).join(", ");
      throw new Error(`${family.name}, step ${family.done} (${step.value}) at ${actedAt - testStartedAt} ms; kills at ${kills}\n${(error as Error).message}`);
    }
  }
  family.done += 1;
}

/** One action 0.4–1.2 s after the bot's answer (a quick person: the kills must find many mid-way). */
async function registerAtAPersonsPace(family: Family, startAfterMs: number, paces: number[]): Promise<void> {
  await sleep(startAfterMs);
  while (family.done < family.stopAfter) {
    await takeStep(family);
    await sleep(paces[family.done % paces.length]!);
  }
}

const firstNames = ["Reza", "Ali", "Hassan", "Mehdi", "Omid", "Kaveh", "Dariush", "Bijan"];
const lastNames = ["Karimi", "Ahmadi", "Rostami", "Hosseini"];

describe("kill -9 at ten random points while families register and a broadcast goes out", () => {
  it("after every restart no saved answer is lost, no conversation is corrupted, every recipient ends sent or failed with a reason, and only sends in flight arrive twice", async () => {
    console.info(`chaos-kill: seed ${SEED} (CHAOS_SEED=${SEED} repeats this run)`);
    const started = (testStartedAt = Date.now());
    const upCount = () => emulator.callsOf("deleteWebhook").length;
    /** Resolves once the newest process polls (deleteWebhook is its last call before polling). */
    const waitForUp = (before: number) => waitUntil(() => upCount() > before, 60_000, "the bot process polling");

    let ups = upCount();
    bot = startBot();
    await waitForUp(ups);

    // The broadcast: recipients who have talked to the bot before, and a few Telegram does not know.
    const { firstId } = emulator.createUsers({ count: RECIPIENTS, started: true, languageCodes: ["en"] });
    const recipientIds = Array.from({ length: RECIPIENTS }, (_, i) => firstId + i);
    const unknownIds = Array.from({ length: UNKNOWN_RECIPIENTS }, (_, i) => 9_900_000_000 + i);
    const delivery = createDeliveryService(models, systemClock, { contentCipher: testCipher });
    await delivery.enqueue(
      { jobId: "chaos-news", kind: "broadcast", defaultLocale: "en", contentByLocale: { en: { text: BROADCAST_TEXT } } },
      [...recipientIds, ...unknownIds].map((id) => ({ userId: refOf(id), locale: "en" })),
    );

    // The families: two in three finish during the chaos, the others stop half way and come back after it.
    const families: Family[] = Array.from({ length: FAMILIES }, (_, i) => {
      const name = `${firstNames[i % firstNames.length]} ${lastNames[Math.floor(i / firstNames.length) % lastNames.length]}`;
      const birthYear = 1940 + i;
      const leftYear = 1980 + (i % 8);
      const steps = registrationSteps(name, birthYear, leftYear);
      const stopAfter = i % 3 === 2 ? Math.floor(between(4, steps.length - 2)) : steps.length;
      return { user: emulator.createUser({ firstName: `Family${i}`, languageCode: "en" }), name, birthYear, leftYear, steps, stopAfter, done: 0, pressedAgain: 0 };
    });
    const paces = Array.from({ length: 16 }, () => between(400, 1_200));
    const registering = Promise.all(families.map((family) => registerAtAPersonsPace(family, between(0, 8_000), paces)));
    let registrationFailure: unknown;
    registering.catch((error: unknown) => (registrationFailure = error));

    // Ten kills, each at a random moment 0.3–3 s after the process came up; restarted at once.
    const killPoints: string[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      await sleep(between(300, 3_000));
      const stepsDone = families.reduce((sum, family) => sum + family.done, 0);
      const broadcastSent = emulator.callsOf("sendMessage").filter((call) => call.params.text === BROADCAST_TEXT).length;
      killPoints.push(`${((Date.now() - started) / 1000).toFixed(1)}s (steps ${stepsDone}, broadcast sends ${broadcastSent})`);
      killTimes.push(Date.now());
      bot.kill("SIGKILL");
      await exited(bot);
      ups = upCount();
      bot = startBot();
      await waitForUp(ups);
      killPoints[kill] += ` up again in ${((Date.now() - killTimes[kill]!) / 1000).toFixed(1)}s`;
      if (registrationFailure) throw registrationFailure;
    }
    console.info(`chaos-kill: killed at ${killPoints.join("; ")}`);

    // The last process carries everything to its end.
    await registering;
    await waitFor(() => delivery.progress("chaos-news"), (p) => p?.state === "done", 60_000, "the broadcast done");

    // Families who finished: exactly one case each, with the answers they gave.
    const finished = families.filter((family) => family.stopAfter === family.steps.length);
    for (const family of finished) {
      const cases = await models.cases.find({ registeredBy: refOf(family.user.id) }).lean();
      expect(cases, family.name).toHaveLength(1);
      expect(testCipher.decrypt(cases[0]!.relative.fullNameEnc!)).toBe(family.name);
      expect(cases[0]!.relative).toMatchObject({ sex: "male", birthYear: family.birthYear, leftYear: family.leftYear });
      expect(cases[0]!.province).toBe("fars");
    }

    // Families half way: their conversation decodes, and they go on from the question after their last answer.
    const conversations = models.cases.db.collection(CONVERSATIONS_COLLECTION);
    const halfWay = families.filter((family) => family.stopAfter < family.steps.length);
    for (const family of halfWay) {
      const stored = await conversations.findOne({ key: `conv:${refOf(family.user.id)}` });
      expect(stored?.state, family.name).toBeTypeOf("string");
      expect(() => JSON.parse(unpack(testCipher.decrypt(stored!.state as string))) as unknown).not.toThrow();
      expect(await models.cases.countDocuments({ registeredBy: refOf(family.user.id) })).toBe(0);
    }
    await Promise.all(
      halfWay.map(async (family) => {
        // Below the process's flood limit (12 updates in 3 s per user) even when the bot answers at once.
        while (family.done < family.steps.length) {
          await takeStep(family);
          await sleep(300);
        }
      }),
    );
    for (const family of halfWay) expect(await models.cases.countDocuments({ registeredBy: refOf(family.user.id) }), family.name).toBe(1);
    // Nobody was asked a question out of turn: each family saw each question, and each in order.
    for (const family of families) {
      const texts = family.user.botMessages().map((message) => message.text ?? "");
      let at = -1;
      for (const step of family.steps) {
        const index = texts.findIndex((text, i) => i > at && text.includes(step.expect));
        expect(index, `${family.name}: "${step.expect}" after the previous question`).toBeGreaterThan(at);
        at = index;
      }
    }

    // Every recipient ends sent, or failed with a reason; Telegram saw each message at most once but for sends in flight at a kill.
    const outcomes = await models.deliveries.find({ jobId: "chaos-news" }).lean();
    expect(outcomes).toHaveLength(RECIPIENTS + UNKNOWN_RECIPIENTS);
    const byUser = new Map(outcomes.map((outcome) => [outcome.userId, outcome]));
    for (const id of recipientIds) expect(byUser.get(refOf(id))?.state).toBe("sent");
    for (const id of unknownIds) expect(byUser.get(refOf(id))).toMatchObject({ state: "failed", reason: expect.stringMatching(/\S/) });
    const received = recipientIds.map((id) => emulator.user(id)!.botMessages().filter((message) => message.text === BROADCAST_TEXT).length);
    expect(received.filter((count) => count === 0)).toEqual([]);
    const extra = received.reduce((sum, count) => sum + count - 1, 0);
    const pressedAgain = families.reduce((sum, family) => sum + family.pressedAgain, 0);
    console.info(
      `chaos-kill: ${families.length} families registered, ${RECIPIENTS} recipients reached, ${extra} extra broadcast messages (bound ${CONCURRENCY * KILLS}), ` +
        `${pressedAgain} buttons pressed again on a question sent again after a kill; ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
    expect(extra).toBeLessThanOrEqual(CONCURRENCY * KILLS);

    bot.kill("SIGTERM");
    expect(await exited(bot)).toBe(0);
  }, 240_000);
});
