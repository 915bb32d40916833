import { sign } from "@telegram-apps/init-data-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESK_ON_THIS_SERVER } from "../../src/app.js";
import type { DeskSession } from "../../src/desk/shared/deskApi.js";
import type { EmulatedUser } from "../../src/emulator/index.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { seedVolunteer } from "../support/team.js";

// Issue #12: the way into the coordinator's desk from the chat. Volunteers, coordinators and admins
// get a button that opens the desk inside Telegram; families never see it and are refused if they ask.
const ADMIN_ID = 972001;
const VOLUNTEER_ID = 972002;
const REFUSED = "Sorry, you are not allowed to do that.";

let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ adminIds: [ADMIN_ID], config: { deskUrl: DESK_ON_THIS_SERVER } });
  await seedVolunteer(bot.app.services, { userId: VOLUNTEER_ID, provinces: ["ardabil"], invitedBy: ADMIN_ID });
}, 60_000);
afterAll(() => bot?.stop());

async function menuOf(user: EmulatedUser): Promise<string[]> {
  user.sendCommand("start");
  const menu = await user.waitForText(/Choose from the menu below\.|از منوی زیر انتخاب کنید\./);
  return (menu.replyKeyboard ?? []).flat();
}

/** The Mini App buttons the bot sent this person, as Telegram received them ({ text, web_app: { url } }). */
async function webAppButtonsSentTo(user: EmulatedUser): Promise<{ text: string; url: string }[]> {
  // The emulator logs a call once it has answered it, a moment after the chat shows the message.
  await bot.emulator.waitForQuiet({ quietMs: 100 });
  return webAppButtonsIn(user);
}

function webAppButtonsIn(user: EmulatedUser): { text: string; url: string }[] {
  return bot.emulator
    .callsOf("sendMessage")
    .filter((call) => Number(call.params.chat_id) === user.id && call.params.reply_markup !== undefined)
    .flatMap((call) => {
      const markup = (typeof call.params.reply_markup === "string" ? JSON.parse(call.params.reply_markup) : call.params.reply_markup) as {
        inline_keyboard?: { text: string; web_app?: { url: string } }[][];
      };
      return (markup.inline_keyboard ?? []).flat().flatMap((button) => (button.web_app ? [{ text: button.text, url: button.web_app.url }] : []));
    });
}

/** What a Telegram client does when the button is pressed: signs init data for this person with the bot's token. */
function openedBy(user: EmulatedUser): string {
  return sign({ query_id: "AAH-desk-entry", user: { id: user.id, first_name: "Test" } }, bot.emulator.token, new Date());
}

describe("the desk from the chat", () => {
  it("the admin reading Persian presses «🖥 میز کار» and gets a button that opens the desk, which knows her", async () => {
    const admin = bot.emulator.createUser({ id: ADMIN_ID, languageCode: "fa" });
    expect(await menuOf(admin)).toContain("🖥 میز کار");
    admin.pressReplyButton("🖥 میز کار");
    const answer = await admin.waitForText(/میز کار درون تلگرام باز می‌شود/);
    expect(answer.inlineKeyboard?.flat().map((b) => plain(b.text))).toEqual(["🖥 باز کردن میز کار"]);
    const [button] = await webAppButtonsSentTo(admin);
    expect(button).toEqual({ text: "🖥 باز کردن میز کار", url: `${bot.app.httpUrl}/desk/` });
    // The page (built or not) is at that address, and the desk's API answers the person who opened it.
    expect([200, 503]).toContain((await fetch(button!.url)).status);
    const session = await fetch(new URL("api/session", button!.url), { headers: { authorization: `tma ${openedBy(admin)}` } });
    expect(session.status).toBe(200);
    expect(((await session.json()) as DeskSession).role).toBe("admin");
  });

  it("a volunteer typing /desk gets the same button in English, and the desk shows her province only", async () => {
    const volunteer = bot.emulator.createUser({ id: VOLUNTEER_ID, languageCode: "en" });
    expect(await menuOf(volunteer)).toContain("🖥 Desk");
    volunteer.sendCommand("desk");
    const answer = await volunteer.waitForText(/The desk opens inside Telegram/);
    expect(answer.inlineKeyboard?.flat().map((b) => plain(b.text))).toEqual(["🖥 Open the desk"]);
    const [button] = await webAppButtonsSentTo(volunteer);
    const session = await fetch(new URL("api/session", button!.url), { headers: { authorization: `tma ${openedBy(volunteer)}` } });
    expect(((await session.json()) as DeskSession).provinces).toEqual(["ardabil"]);
    // /help tells her where it is.
    volunteer.sendCommand("help");
    expect(plain((await volunteer.waitForText(/\/desk – the desk/)).text)).toContain("/desk – the desk: your provinces' cases in a table");
  });

  it("a family member has no desk button; typing /desk or its label is refused, and no desk button is ever sent", async () => {
    const family = bot.emulator.createUser({ languageCode: "en" });
    expect(await menuOf(family)).not.toContain("🖥 Desk");
    family.sendCommand("desk");
    await family.waitForText(REFUSED);
    family.sendText("🖥 Desk");
    await family.waitForReplies({ count: 1 });
    await bot.emulator.waitForQuiet({ quietMs: 300 });
    expect(family.botMessages().filter((m) => plain(m.text) === REFUSED)).toHaveLength(2);
    expect(await webAppButtonsSentTo(family)).toEqual([]);
    // And the desk's server refuses them on its own, whatever they hold.
    const session = await fetch(`${bot.app.httpUrl}/desk/api/session`, { headers: { authorization: `tma ${openedBy(family)}` } });
    expect(session.status).toBe(403);
  });
});

describe("a bot with the desk switched off (polling, no DESK_URL)", () => {
  let offBot: TestBot;
  beforeAll(async () => {
    offBot = await startTestBot({ adminIds: [ADMIN_ID] });
  }, 60_000);
  afterAll(() => offBot?.stop());

  it("a coordinator asking for the desk is told kindly, with no button, and /desk is nothing on the server", async () => {
    const admin = offBot.emulator.createUser({ id: ADMIN_ID, languageCode: "en" });
    admin.sendCommand("desk");
    const answer = await admin.waitForText(/The desk is not switched on for this bot yet/);
    expect(plain(answer.text)).toContain("/find, /case and /stats");
    expect(answer.inlineKeyboard).toBeUndefined();
    expect((await fetch(`${offBot.app.httpUrl}/desk/api/session`)).status).toBe(404);
  });
});
