import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildActor } from "../../src/domain/roles.js";
import type { EmulatedUser } from "../../src/emulator/index.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { answer, press } from "../support/chatSteps.js";
import { sampleRegistration } from "../support/fixtures.js";
import { seedVolunteer } from "../support/team.js";
import { refOf } from "../support/userRefs.js";

const COORDINATOR_ID = 920001;
const VOLUNTEER_ID = 920002;
const TWO_PROVINCE_VOLUNTEER_ID = 920003;
let bot: TestBot;
const families: Record<string, EmulatedUser> = {};

const draft = (province: string) => sampleRegistration({ fullName: "Kourosh Test", familyProvince: province });

beforeAll(async () => {
  bot = await startTestBot({ adminIds: [COORDINATOR_ID] });
  const now = new Date();
  await seedVolunteer(bot.app.services, { userId: VOLUNTEER_ID, provinces: ["ardabil"], invitedBy: COORDINATOR_ID });
  await seedVolunteer(bot.app.services, { userId: TWO_PROVINCE_VOLUNTEER_ID, provinces: ["ardabil", "gilan"], invitedBy: COORDINATOR_ID });
  for (const [name, locale, province] of [
    ["ardabilFa", "fa", "ardabil"],
    ["ardabilEn", "en", "ardabil"],
    ["tehranFa", "fa", "tehran"],
  ] as const) {
    const user = bot.emulator.createUser({ languageCode: locale });
    user.sendCommand("start");
    await user.waitForReply();
    await bot.app.services.cases.register({ userId: user.id, locale, draft: draft(province), consentAt: now });
    families[name] = user;
  }
});
afterAll(() => bot?.stop());

describe("volunteers send news to the families of their province", () => {
  it("compose → preview → send to a province in two languages; each family gets its own language once", async () => {
    const volunteer = bot.emulator.createUser({ id: VOLUNTEER_ID, languageCode: "en" });
    volunteer.sendCommand("broadcast");
    await volunteer.waitForText("Who should receive this message?");
    volunteer.pressButton("👪 Families");
    // Only one province: no province question.
    await volunteer.waitForText("Send the message in Persian");
    await answer(volunteer, "نشست آنلاین خانواده‌ها، جمعه ساعت ۱۸", "Send the English version");
    await answer(volunteer, "Online gathering of the families, Friday 18:00", "Send the Albanian version");
    volunteer.pressButton("⏭ Skip");
    const count = await volunteer.waitForText("This message will go to 2 people.");
    expect(plain(count.text)).toMatch(/Persian: 1, English: 1|English: 1, Persian: 1/);
    expect(volunteer.botMessages().some((m) => m.text === "Online gathering of the families, Friday 18:00")).toBe(true);
    await press(volunteer, "📤 Send now", /Finished: 2 sent, 0 failed/, { timeoutMs: 15_000 });

    await families.ardabilFa!.waitForText("نشست آنلاین خانواده‌ها", { timeoutMs: 10_000 });
    await families.ardabilEn!.waitForText("Online gathering of the families", { timeoutMs: 10_000 });
    await bot.emulator.waitForQuiet();
    expect(families.ardabilFa!.botMessages().filter((m) => plain(m.text).includes("نشست آنلاین"))).toHaveLength(1);
    expect(families.ardabilEn!.botMessages().filter((m) => plain(m.text).includes("Online gathering"))).toHaveLength(1);
    expect(families.tehranFa!.botMessages().some((m) => plain(m.text).includes("نشست آنلاین"))).toBe(false);
    const sends = bot.emulator.callsOf("sendMessage").filter((c) => String(c.params.text).includes("Online gathering") && c.params.chat_id !== VOLUNTEER_ID);
    expect(sends.map((c) => c.params.chat_id)).toEqual([families.ardabilEn!.id]);
  });

  it("keeps the volunteer's formatting", async () => {
    const volunteer = bot.emulator.user(VOLUNTEER_ID)!;
    volunteer.sendCommand("broadcast");
    await volunteer.waitForText("Who should receive this message?");
    await press(volunteer, "🗣 Families who read a language", "Which language?");
    await press(volunteer, "English", "Send the message in Persian");
    volunteer.sendText("x"); // the default-language version is always asked first
    await volunteer.waitForText("Send the English version");
    bot.emulator.injectUpdate({
      update_id: bot.emulator.nextUpdateId(),
      message: {
        message_id: 99_001,
        date: Math.floor(Date.now() / 1000),
        chat: { id: VOLUNTEER_ID, type: "private", first_name: "V" },
        from: { id: VOLUNTEER_ID, is_bot: false, first_name: "V", language_code: "en" },
        text: "Press conference <today>",
        entities: [{ type: "bold", offset: 0, length: 16 }],
      },
    });
    await volunteer.waitForText("Send the Albanian version");
    await press(volunteer, "⏭ Skip", "This message will go to 1 people.");
    await press(volunteer, "📤 Send now", /Finished: 1 sent/, { timeoutMs: 15_000 });
    const sent = bot.emulator.callsOf("sendMessage").find((c) => c.params.chat_id === families.ardabilEn!.id && String(c.params.text).includes("Press conference"));
    expect(sent?.params.text).toBe("<b>Press conference</b> &lt;today&gt;");
  });

  it("a volunteer cannot target another province", async () => {
    const volunteer = bot.emulator.createUser({ id: TWO_PROVINCE_VOLUNTEER_ID, languageCode: "en" });
    volunteer.sendCommand("broadcast");
    await volunteer.waitForText("Who should receive this message?");
    volunteer.pressButton("👪 Families");
    const picker = await volunteer.waitForText("Which of your provinces?");
    const labels = picker.inlineKeyboard!.flat().map((b) => b.text);
    expect(labels).toEqual(["Ardabil", "Gilan", "✔️ Done", "✖️ Cancel"]);
    volunteer.sendCommand("cancel");
    await volunteer.waitForText("Stopped.");

    const actor = buildActor({ userId: TWO_PROVINCE_VOLUNTEER_ID, grants: [{ role: "volunteer", provinces: ["ardabil", "gilan"] }], isAdmin: false });
    const other = await bot.app.services.broadcasts.start(actor, { audience: { kind: "families", provinces: ["tehran"] }, contentByLocale: { fa: { text: "x" } }, progressChat: { chatId: 1, locale: "en" } });
    expect(other).toEqual({ ok: false, error: "province_not_allowed" });
    const everyone = await bot.app.services.broadcasts.measure(actor, { kind: "families", provinces: "all" });
    expect(everyone).toEqual({ ok: false, error: "province_not_allowed" });
    const family = buildActor({ userId: families.tehranFa!.id, grants: [], isAdmin: false });
    expect(await bot.app.services.broadcasts.measure(family, { kind: "families", provinces: ["tehran"] })).toEqual({ ok: false, error: "forbidden" });
  });

  it("a coordinator schedules a message for later on their own clock, then cancels it: nobody receives it", async () => {
    const coordinator = bot.emulator.createUser({ id: COORDINATOR_ID, languageCode: "en" });
    coordinator.sendCommand("broadcast");
    await coordinator.waitForText("Who should receive this message?");
    await press(coordinator, "👪 Families", "All provinces, or choose some");
    await press(coordinator, "🌐 All provinces", "Send the message in Persian");
    await answer(coordinator, "یادآوری: نشست فردا", "Send the English version");
    await press(coordinator, "⏭ Skip", "Send the Albanian version");
    await press(coordinator, "⏭ Skip", "This message will go to 3 people.");
    await press(coordinator, "🕒 Schedule", "When should it be sent?");
    await answer(coordinator, "2020-01-01 10:00", "This time has already passed.");
    const later = new Date(Date.now() + 3 * 24 * 3600 * 1000);
    await answer(coordinator, `${later.getUTCFullYear()}-${String(later.getUTCMonth() + 1).padStart(2, "0")}-${String(later.getUTCDate()).padStart(2, "0")} 18:30`, "Scheduled: 3 people will receive it", { timeoutMs: 10_000 });
    const job = await bot.app.models.deliveryJobs.findOne({ kind: "broadcast", createdBy: refOf(COORDINATOR_ID) }).lean();
    // 18:30 on Tirana's clock (the English-speaking coordinator's default zone) is 17:30 UTC in winter.
    expect(job?.notBefore?.getUTCHours()).toBe(17);
    await press(coordinator, "✖️ Cancel sending", /Cancelled: 0 had been sent of 3/);
    // Longer than one tick of the delivery worker, which would have picked the job up by then.
    await bot.emulator.waitForQuiet({ quietMs: 1_200 });
    for (const family of Object.values(families)) expect(family.botMessages().some((m) => plain(m.text).includes("یادآوری"))).toBe(false);

    coordinator.sendCommand("broadcasts");
    const list = await coordinator.waitForText("Recent news messages:");
    expect(plain(list.text)).toContain("Cancelled");
  });
});
