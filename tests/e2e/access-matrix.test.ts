import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registeredCallbackPrefixes } from "../../src/bot/callbackData.js";
import { listedCommands } from "../../src/bot/commands.js";
import { registeredMenuButtons } from "../../src/bot/features/menu/mainMenu.js";
import { AUDIENCES, CALLBACK_ACCESS, CASE_OF_A_PROVINCE_ACCESS, COMMAND_ACCESS, INLINE_QUERY_ACCESS, MENU_ACCESS, mayUse, type Audience } from "../../src/domain/access.js";
import type { EmulatedUser } from "../../src/emulator/index.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { sampleRegistration } from "../support/fixtures.js";
import { seedVolunteer } from "../support/team.js";
import { waitUntil } from "../support/waitUntil.js";

// Issue #11, "Access, tested as a matrix": every command, button prefix, menu button and inline
// query in src/domain/access.ts is tried by each kind of person through the emulator; allowed ↔ not
// refused. Anything the bot registers that the table does not name fails (deny by default).
const ADMIN_ID = 961001;
const COORDINATOR_ID = 961002;
const VOLUNTEER_IN_ID = 961003;
const VOLUNTEER_OUT_ID = 961004;
const FAMILY_ID = 961005;
const REFUSED = "Sorry, you are not allowed to do that.";
const SENTINEL = /^(Stopped\. Nothing from it was saved\.|There was nothing to stop\.)$/;

let bot: TestBot;
const people = new Map<Exclude<Audience, "unknown">, EmulatedUser>();

beforeAll(async () => {
  // One person walks every command back to back: no per-chat flood limit slows the walk down (a
  // reply refused with 429 is sat out inside its handler, in order; Telegram's limits have their own tests).
  bot = await startTestBot({ adminIds: [ADMIN_ID], emulator: { limits: { perChatPerSecond: 1000, perChatBurst: 1000, globalPerSecond: 1000 } } });
  const { services } = bot.app;
  const coordinatorInvite = await services.team.createInvite({ userId: ADMIN_ID }, "coordinator", []);
  if (!coordinatorInvite.ok) throw new Error(coordinatorInvite.error);
  await services.team.acceptInvite(COORDINATOR_ID, coordinatorInvite.value.code);
  await seedVolunteer(services, { userId: VOLUNTEER_IN_ID, provinces: ["ardabil"], invitedBy: COORDINATOR_ID });
  await seedVolunteer(services, { userId: VOLUNTEER_OUT_ID, provinces: ["tehran"], invitedBy: COORDINATOR_ID });
  const ids = { admin: ADMIN_ID, coordinator: COORDINATOR_ID, volunteerIn: VOLUNTEER_IN_ID, volunteerOut: VOLUNTEER_OUT_ID, family: FAMILY_ID } as const;
  for (const [audience, id] of Object.entries(ids) as [Exclude<Audience, "unknown">, number][]) {
    const user = bot.emulator.createUser({ id, languageCode: "en" });
    user.sendCommand("start");
    await user.waitForText("Choose from the menu below.");
    people.set(audience, user);
  }
}, 60_000);
afterAll(() => bot?.stop());

/** Someone who has never written to the bot: a fresh user for every try. */
function personFor(audience: Audience): EmulatedUser {
  return audience === "unknown" ? bot.emulator.createUser({ languageCode: "en" }) : people.get(audience)!;
}

/** How many of each person's bot messages the steps have read: one that came after its step ended was misread. */
const messagesRead = new Map<number, number>();

/**
 * Does one thing as this person and reads what came back: the messages up to the answer to a
 * /cancel sent right after (a chat's updates are handled in order and every reply is awaited, so
 * that answer comes last), and any answer to a button. When the thing tried is itself /cancel
 * (`cancelsInAct: 1`), the step ends at the second answer to /cancel, not the first: ending at the
 * first let the second one arrive during the next step, which then ended on it before its own
 * answer came — and from there every step read the answer of the one before it.
 */
async function tryAs(user: EmulatedUser, act: () => void, { cancelsInAct = 0 } = {}): Promise<{ refused: boolean; texts: string[] }> {
  expectNothingUnread(user);
  const messagesBefore = user.botMessages().length;
  const answersBefore = user.callbackAnswers().length;
  act();
  user.sendCommand("cancel");
  const endsAt = (texts: string[]) => texts.map((text, index) => (SENTINEL.test(text) ? index + 1 : 0)).filter((end) => end > 0)[cancelsInAct];
  const stepTexts = () => user.botMessages().slice(messagesBefore).map((m) => plain(m.text));
  await waitUntil(() => endsAt(stepTexts()) !== undefined, 10_000, "the answer to the /cancel that ends the step");
  const texts = stepTexts();
  texts.length = endsAt(texts)!;
  messagesRead.set(user.id, messagesBefore + texts.length);
  const answers = user
    .callbackAnswers()
    .slice(answersBefore)
    .map((a) => a.text ?? "");
  return { refused: [...texts, ...answers].includes(REFUSED), texts };
}

/** Every bot message a person got so far was read by the step that caused it. */
function expectNothingUnread(user: EmulatedUser): void {
  const read = messagesRead.get(user.id);
  if (read === undefined) return;
  const unread = user.botMessages().slice(read).map((m) => plain(m.text));
  expect(unread, `answers to user ${user.id} that came after their step had ended`).toEqual([]);
}

/** Once the bot is idle: no step of this walk left an answer behind for a later one to read. */
async function expectEveryAnswerRead(): Promise<void> {
  await bot.emulator.waitForQuiet();
  for (const id of messagesRead.keys()) expectNothingUnread(bot.emulator.user(id)!);
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourcesUnder(path) : path.endsWith(".ts") ? [readFileSync(path, "utf8")] : [];
  });
}

describe("the access table names everything the bot answers to", () => {
  it("every command: the commands lists and every handler registered in src/bot", () => {
    const handled = sourcesUnder("src/bot").flatMap((source) => [...source.matchAll(/\.command\(\s*"([a-z_]+)"/g)].map((m) => m[1]!));
    const missing = [...new Set([...listedCommands(), ...handled])].filter((command) => !(command in COMMAND_ACCESS));
    expect(missing, "commands the access table does not name").toEqual([]);
  });

  it("every callback prefix defined with defineCallback, and every main-menu button", () => {
    expect(registeredCallbackPrefixes().length).toBeGreaterThan(40);
    expect(registeredCallbackPrefixes().filter((prefix) => !(prefix in CALLBACK_ACCESS))).toEqual([]);
    expect(registeredMenuButtons().length).toBeGreaterThan(10);
    expect(registeredMenuButtons().filter((key) => !(key in MENU_ACCESS))).toEqual([]);
  });

  it("the table names nothing the bot no longer has", () => {
    const handled = new Set(sourcesUnder("src/bot").flatMap((source) => [...source.matchAll(/\.command\(\s*"([a-z_]+)"/g)].map((m) => m[1]!)));
    expect(Object.keys(COMMAND_ACCESS).filter((command) => !handled.has(command))).toEqual([]);
    expect(Object.keys(CALLBACK_ACCESS).filter((prefix) => !registeredCallbackPrefixes().includes(prefix))).toEqual([]);
    expect(Object.keys(MENU_ACCESS).filter((key) => !registeredMenuButtons().includes(key))).toEqual([]);
  });
});

/**
 * Forged data stops at the role guard in front of a button's handler. A few buttons pick their
 * permission from their data (a petition's "export" needs petition.export, the rest petition.manage):
 * they get well-formed data, so the guard inside the handler is reached.
 */
const WELL_FORMED: Record<string, string> = { pma: "pma:abcd1234:close" };

/** A bot message to press forged buttons on; a newcomer gets one by sending /cancel first. */
async function messageToPressOn(user: EmulatedUser): Promise<number> {
  if (user.botMessages().length === 0) await tryAs(user, () => undefined);
  return user.botMessages().at(-1)!.messageId;
}

describe("each kind of person tries everything: allowed ↔ not refused", () => {
  it.each(AUDIENCES)("commands, as %s", async (audience) => {
    const wrong: string[] = [];
    for (const command of Object.keys(COMMAND_ACCESS)) {
      const user = personFor(audience);
      const outcome = await tryAs(user, () => user.sendCommand(command), { cancelsInAct: command === "cancel" ? 1 : 0 });
      if (outcome.refused === mayUse(COMMAND_ACCESS, command, audience)) wrong.push(`/${command}: ${outcome.refused ? "refused" : "allowed"} ${JSON.stringify(outcome.texts)}`);
    }
    expect(wrong).toEqual([]);
    await expectEveryAnswerRead();
  }, 120_000);

  it.each(AUDIENCES)("buttons (forged data under each prefix), as %s", async (audience) => {
    const wrong: string[] = [];
    for (const prefix of Object.keys(CALLBACK_ACCESS)) {
      const user = personFor(audience);
      const messageId = await messageToPressOn(user);
      const outcome = await tryAs(user, () => user.pressCallback(messageId, WELL_FORMED[prefix] ?? `${prefix}:forged`));
      if (outcome.refused === mayUse(CALLBACK_ACCESS, prefix, audience)) wrong.push(`${prefix}: ${outcome.refused ? "refused" : "allowed"} ${JSON.stringify(outcome.texts)}`);
    }
    expect(wrong).toEqual([]);
    await expectEveryAnswerRead();
  }, 120_000);

  it.each(AUDIENCES)("main-menu buttons (typed as the English label), as %s", async (audience) => {
    const wrong: string[] = [];
    for (const key of Object.keys(MENU_ACCESS)) {
      const user = personFor(audience);
      const label = bot.app.i18n.t("en", key);
      const outcome = await tryAs(user, () => user.sendText(label));
      if (outcome.refused === mayUse(MENU_ACCESS, key, audience)) wrong.push(`${key}: ${outcome.refused ? "refused" : "allowed"} ${JSON.stringify(outcome.texts)}`);
    }
    expect(wrong).toEqual([]);
    await expectEveryAnswerRead();
  }, 120_000);

  it.each(AUDIENCES)("the inline query, as %s", async (audience) => {
    const user = personFor(audience);
    const before = user.inlineAnswers().length;
    user.sendInlineQuery("");
    await waitUntil(() => user.inlineAnswers().length > before, 10_000, "an inline answer");
    expect(mayUse(INLINE_QUERY_ACCESS, "petitions", audience)).toBe(true);
  });
});

describe("a case of Ardabil: volunteers of Ardabil may work on it, volunteers of another province may not", () => {
  const NOT_YOURS = "This case belongs to a province you do not work for.";
  let ardabilCase: { reference: string; caseId: string };

  beforeAll(async () => {
    const mother = bot.emulator.createUser({ languageCode: "fa" });
    mother.sendCommand("start");
    await mother.waitForReply();
    const draft = sampleRegistration({ fullName: "Parisa Ardabili", familyProvince: "ardabil", birthYear: 1960 });
    ardabilCase = await bot.app.services.cases.register({ userId: mother.id, locale: "fa", draft, consentAt: new Date() });
  });

  it.each(AUDIENCES)("open its card and press a status move, as %s", async (audience) => {
    const user = personFor(audience);
    const opened = await tryAs(user, () => user.sendCommand("case", ardabilCase.reference));
    expect(opened.refused || opened.texts.includes(NOT_YOURS), `/case as ${audience}`).toBe(!CASE_OF_A_PROVINCE_ACCESS.open.includes(audience));
    if (CASE_OF_A_PROVINCE_ACCESS.open.includes(audience)) expect(opened.texts.join("\n")).toContain(ardabilCase.reference);

    const presser = personFor(audience);
    const messageId = await messageToPressOn(presser);
    const moved = await tryAs(presser, () => presser.pressCallback(messageId, `cst:${ardabilCase.caseId}:under_review`));
    expect(moved.refused || moved.texts.includes(NOT_YOURS), `status move as ${audience}`).toBe(!CASE_OF_A_PROVINCE_ACCESS.move.includes(audience));
  });
});

describe("bad input to the team's commands gets a clear answer, never an error", () => {
  const ERROR = "Sorry, something went wrong on our side.";
  it.each(["case", "find", "export", "stats", "audit"])("/%s with operator-shaped and 10,000-character input, as the admin", async (command) => {
    const admin = people.get("admin")!;
    for (const input of ['{"$gt": ""}', "x".repeat(10_000), "-1", "99999999999999999999"]) {
      const { texts } = await tryAs(admin, () => admin.sendCommand(command, input));
      const answers = texts.filter((text) => !SENTINEL.test(text));
      expect(answers.length, `/${command} ${input.slice(0, 20)} is answered`).toBeGreaterThan(0);
      expect(answers.some((text) => text.startsWith(ERROR)), `/${command} ${input.slice(0, 20)}`).toBe(false);
    }
  }, 60_000);
});
