import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatedUser } from "../../src/emulator/index.js";
import { startTestBot, type TestBot } from "../support/botHarness.js";
import { answer, press } from "../support/chatSteps.js";
import { startRegistration } from "../support/registrationSteps.js";
import { waitUntil } from "../support/waitUntil.js";
import { captureLogs } from "../support/logCapture.js";

// Canary values: none of them may ever appear in a log line.
const CANARY_ID = 6180339887;
const CANARY_FIRST = "Canaryfirst";
const CANARY_LAST = "Canarylast";
const CANARY_USERNAME = "canary_handle";
const CANARY_RELATIVE = "Canaryname Zxqvbn";
const CANARY_CITY = "Canarytown";
const CANARY_PHONE = "+49 151 7777 3131";

const { logger: capturingLogger, lines: lines } = captureLogs();

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({
    logger: capturingLogger,
    overrides: {
      // A failure whose message quotes a user id and a typed name, as database errors do.
      wrapServices: (services) => ({
        ...services,
        cases: {
          ...services.cases,
          getForFamily: async () => {
            throw new Error(`E11000 duplicate key error collection: app.caseLinks index: userId_1 dup key: { userId: ${CANARY_ID} }; Cast to string failed for value "${CANARY_RELATIVE}" at ${CANARY_ID}`);
          },
        },
      }),
    },
  });
});
afterAll(() => bot?.stop());

async function registerInEnglish(user: EmulatedUser): Promise<void> {
  await startRegistration(user);
  await press(user, "I am the sister", "What is their full name?");
  await answer(user, CANARY_RELATIVE, "Other spellings");
  await press(user, "⏭ Skip", "a man or a woman");
  await press(user, "Man", "In which year were they born?");
  await answer(user, "1962", "In which year did they leave");
  await answer(user, "1982", "From where did they leave");
  await press(user, "⏭ Skip", "Where do you believe they are now?");
  await press(user, "Somewhere else", "Please write where you believe they are.");
  await answer(user, "Durrës", "If you have a photo");
  await press(user, "⏭ Skip", "anything else that could help");
  await press(user, "⏭ Skip", "In which province do you live?");
  await press(user, "Fars", "In which city or town?");
  await answer(user, CANARY_CITY, "last have any contact");
  await press(user, "⏭ Skip", "How was that last contact?");
  await press(user, "A letter", "How would you like the association to reach you?");
  await press(user, "By phone call", "Please share your phone number");
  user.sendContact({ phoneNumber: CANARY_PHONE });
  await user.waitForText("Please check your answers.");
  await press(user, "✅ Save", "Your registration is saved.");
}

describe("the bot's logs hold no personal data", () => {
  it("a registration, a failing command, group messages and being added to a group leave no id, name, username, phone or typed text in the logs", async () => {
    const sister = bot.emulator.createUser({ id: CANARY_ID, firstName: CANARY_FIRST, lastName: CANARY_LAST, username: CANARY_USERNAME, languageCode: "en" });
    sister.sendCommand("start");
    await sister.waitForText("Hello");
    await registerInEnglish(sister);

    // A handler fails with an error quoting her id and her relative's name.
    sister.sendCommand("status");
    await sister.waitForText("something went wrong on our side");

    // In a group: a command, a mention, and then someone adds the bot to another group.
    const group = bot.emulator.createGroup({ type: "supergroup", members: [sister], withBot: true });
    group.sendCommand(sister, "mycases");
    group.mentionBot(sister, `my brother ${CANARY_RELATIVE}`);
    await group.waitForReplies({ count: 2, timeoutMs: 10_000 });
    const other = bot.emulator.createGroup({ members: [sister] });
    other.addBot(sister);
    await other.waitForBotToLeave({ timeoutMs: 10_000 });
    await waitUntil(() => lines.some((l) => l.includes("left it")), 5_000, "the leave logged");

    // The capture works: updates were logged with their id and chat type, the failure and the leave too.
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries.some((e) => e.chat_type === "private" && typeof e.update_id === "number")).toBe(true);
    expect(entries.some((e) => e.chat_type === "supergroup" && e.group_chat_id === group.id)).toBe(true);
    expect(entries.some((e) => e.group_chat_id === other.id && e.outcome === "left")).toBe(true);
    const failure = entries.find((e) => e.msg === "handler failed");
    expect(JSON.stringify(failure)).toContain("dup key: { [redacted] }");

    const everything = lines.join("\n");
    for (const canary of [String(CANARY_ID), CANARY_FIRST, CANARY_LAST, CANARY_USERNAME, "Canaryname", "Zxqvbn", CANARY_CITY, "7777", "3131", "Durrës"]) {
      expect(everything, `the logs contain ${canary}`).not.toContain(canary);
    }
  });
});
