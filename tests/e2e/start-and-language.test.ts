import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { press } from "../support/chatSteps.js";

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot?.stop();
});

describe("a family member meets the bot", () => {
  it("a Persian-speaking mother sends /start and is greeted in Persian with the main menu", async () => {
    const mother = bot.emulator.createUser({ firstName: "Zari", languageCode: "fa" });
    mother.sendCommand("start");
    const greeting = await mother.waitForReply();
    expect(plain(greeting.text)).toContain("سلام");
    expect(greeting.replyKeyboard?.flat()).toEqual(expect.arrayContaining(["🌐 زبان", "❓ راهنما"]));
    // A family member does not see team buttons.
    expect(greeting.replyKeyboard?.flat()).not.toContain("👥 تیم");
  });

  it("someone whose Telegram is in English is greeted in English", async () => {
    const brother = bot.emulator.createUser({ firstName: "Sam", languageCode: "en-GB" });
    brother.sendCommand("start");
    expect(plain((await brother.waitForReply()).text)).toMatch(/^Hello\. This bot helps families/);
  });

  it("an unknown deep-link payload gets a clear answer and the main menu", async () => {
    const user = bot.emulator.createUser({ languageCode: "en" });
    user.sendCommand("start", "no_such_thing");
    const [notice, menu] = await user.waitForReplies({ count: 2 });
    expect(plain(notice!.text)).toContain("This link is not valid");
    expect(plain(menu!.text)).toContain("Hello.");
  });

  it("an unknown command and stray text are answered kindly in the user's language", async () => {
    const user = bot.emulator.createUser({ languageCode: "fa" });
    user.sendCommand("frobnicate");
    expect(plain((await user.waitForReply()).text)).toContain("این فرمان را نمی‌شناسم");
    user.sendText("سلام، کسی هست؟");
    expect(plain((await user.waitForReply()).text)).toContain("متوجه نشدم");
  });

  it("the help button answers in the menu's language", async () => {
    const user = bot.emulator.createUser({ languageCode: "fa" });
    user.sendCommand("start");
    await user.waitForReply();
    user.pressReplyButton("❓ راهنما");
    expect(plain((await user.waitForReply()).text)).toContain("/language");
  });
});

describe("choosing a language", () => {
  it("switches to English, then Albanian, and the choice survives a restart", async () => {
    const user = bot.emulator.createUser({ firstName: "Leyla", languageCode: "fa" });
    user.sendCommand("language");
    const picker = await user.waitForReply();
    expect(picker.inlineKeyboard?.flat().map((b) => b.text)).toEqual(expect.arrayContaining(["English", "Shqip", "فارسی"]));

    user.pressButton("English");
    const changed = await user.waitForText("Language changed to English.");
    expect(changed.edited).toBe(true);
    const menu = await user.waitForText("Choose from the menu below.");
    expect(menu.replyKeyboard?.flat()).toEqual(expect.arrayContaining(["🌐 Language", "❓ Help"]));

    // Her own command list follows her choice.
    const commands = bot.emulator.callsOf("setMyCommands").filter((c) => JSON.stringify(c.params.scope ?? "").includes(String(user.id)));
    expect(JSON.stringify(commands.at(-1)?.params.commands)).toContain("Change language");

    user.pressReplyButton("🌐 Language");
    await user.waitForText("Choose your language:");
    await press(user, "Shqip", "Gjuha u ndryshua në shqip.");

    await bot.restart();
    user.sendCommand("start");
    expect(plain((await user.waitForReply()).text)).toMatch(/^Përshëndetje/);
  });

  it("registers the command list in every language at start-up", () => {
    const calls = bot.emulator.callsOf("setMyCommands").filter((c) => !c.params.scope);
    const languages = calls.map((c) => c.params.language_code ?? "default");
    expect(languages).toEqual(expect.arrayContaining(["default", "fa", "en", "sq"]));
    const persian = calls.find((c) => c.params.language_code === "fa");
    expect(JSON.stringify(persian?.params.commands)).toContain("تغییر زبان");
  });
});
