// Issue #10 "Events": a coordinator invites families to an online gathering on her own clock (a
// Solar Hijri date in Persian digits); families answer in Persian, English and Albanian and see the
// time on their own clock and calendar; the link only after Yes or Maybe; the organiser sees the
// answers per province and language; reminders come a day and an hour before; a moved event is
// announced to everyone who answered and its reminders follow the new time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../../src/clock.js";
import { buildActor } from "../../src/domain/roles.js";
import type { EmulatedUser } from "../../src/emulator/index.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { answer, press } from "../support/chatSteps.js";
import { sampleRegistration } from "../support/fixtures.js";
import { seedVolunteer } from "../support/team.js";
import { refOf } from "../support/userRefs.js";
import { waitUntil } from "../support/waitUntil.js";

const COORDINATOR_ID = 930001;
const VOLUNTEER_ID = 930002;
const LINK = "https://meet.example.org/families-1405";
/** The bot's clock: Friday 27 November 2026, 15:30 in Tehran; the stories move it forward. */
let offsetMs = Date.parse("2026-11-27T12:00:00Z") - Date.now();
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
const DAY = 24 * 60 * 60 * 1000;

let bot: TestBot;
let coordinator: EmulatedUser;
const family: Record<"mother" | "father" | "brother" | "sister", EmulatedUser> = {} as never;

beforeAll(async () => {
  bot = await startTestBot({ adminIds: [COORDINATOR_ID], overrides: { clock, delivery: { tickMs: 100 } } });
  const registered = [
    ["mother", "fa", "ardabil"],
    ["father", "fa", "tehran"],
    ["brother", "en", "tehran"],
    ["sister", "sq", "ardabil"],
  ] as const;
  for (const [who, locale, province] of registered) {
    const user = bot.emulator.createUser({ languageCode: locale });
    user.sendCommand("start");
    await user.waitForReply();
    // Each chose their language in /language (reminders are written in the language a person chose).
    await bot.app.services.users.setLocale(user.id, locale);
    await bot.app.services.cases.register({ userId: user.id, locale, draft: sampleRegistration({ fullName: "Kourosh Test", familyProvince: province }), consentAt: clock.now() });
    family[who] = user;
  }
  // The sister lives in Albania: her clock is Tirana's.
  await bot.app.models.users.updateOne({ _id: refOf(family.sister.id) }, { $set: { timeZone: "Europe/Tirane" } }).exec();
  coordinator = bot.emulator.createUser({ id: COORDINATOR_ID, languageCode: "en" });
  coordinator.sendCommand("start");
  await coordinator.waitForReply();
});
afterAll(() => bot?.stop());

const messagesWith = (user: EmulatedUser, text: string) => user.botMessages().filter((m) => plain(m.text).includes(text));
async function runDueReminders(): Promise<void> {
  expect(await bot.app.scheduler.runNow("run-due-reminders")).toBe(true);
  await bot.emulator.waitForQuiet();
}
/** Time passes up to `iso` with the reminder tick running at least once a simulated day, as in a running bot. */
async function passTimeTo(iso: string): Promise<void> {
  const target = Date.parse(iso);
  while (clock.now().getTime() < target) {
    offsetMs += Math.min(DAY, target - clock.now().getTime());
    await runDueReminders();
  }
}

describe("an online gathering of the families", () => {
  it("a coordinator writes it in three languages, gives the time as a Solar Hijri date in Persian digits, and it goes to every family", async () => {
    coordinator.sendCommand("newevent");
    await coordinator.waitForText("Title of the event in Persian");
    await answer(coordinator, "نشست آنلاین خانواده‌ها", "A short description in Persian");
    await answer(coordinator, "دیدار با نمایندگان استان‌ها", "Title of the event in English");
    await answer(coordinator, "Online gathering of the families", "A short description in English");
    await press(coordinator, "⏭ Skip", "Title of the event in Albanian");
    await answer(coordinator, "Takim online i familjeve", "A short description in Albanian");
    await press(coordinator, "⏭ Skip", "When does it start?");
    // 1403 is not a leap year: there is no 30 Esfand… 31 Esfand; then a day that has passed.
    await answer(coordinator, "1403/12/31 18:00", "This date does not exist in the calendar.");
    await answer(coordinator, "۱۴۰۵/۰۹/۰۱ ۱۰:۰۰", "This time has already passed.");
    await answer(coordinator, "۱۴۰۵/۰۹/۱۰ ۱۸:۳۰", "The online link");
    await answer(coordinator, "not a link", "Please send a link that starts with https://");
    await answer(coordinator, LINK, "Who should receive this message?");
    await press(coordinator, "👪 Families", "All provinces, or choose some");
    await press(coordinator, "🌐 All provinces", "It will go to 4 people.");
    const preview = messagesWith(coordinator, "You are invited").at(-1)!;
    expect(plain(preview.text)).toContain("Online gathering of the families");
    expect(plain(preview.text)).toContain("Tuesday 1 Dec 2026, 18:30");
    await press(coordinator, "📤 Send the invitation", "The invitation is on its way to 4 people.");

    const mother = await family.mother.waitForText("شما دعوت شده‌اید", { timeoutMs: 10_000 });
    expect(plain(mother.text)).toContain("نشست آنلاین خانواده‌ها");
    expect(plain(mother.text)).toContain("دیدار با نمایندگان استان‌ها");
    // Her calendar and clock: Tuesday 10 Azar 1405, 18:30 in Tehran, in Persian digits.
    expect(plain(mother.text)).toContain("سه‌شنبه ۱۰ آذر ۱۴۰۵، ساعت ۱۸:۳۰");
    expect(mother.inlineKeyboard?.flat().map((b) => b.text)).toEqual(["✅ بله", "🤔 شاید", "❌ نه"]);
    const brother = await family.brother.waitForText("You are invited", { timeoutMs: 10_000 });
    expect(plain(brother.text)).toContain("Online gathering of the families");
    expect(plain(brother.text)).toContain("Tuesday 1 Dec 2026, 18:30");
    // The sister reads Albanian and lives on Tirana's clock: 16:00 there.
    const sister = await family.sister.waitForText("Jeni të ftuar", { timeoutMs: 10_000 });
    expect(plain(sister.text)).toContain("Takim online i familjeve");
    expect(plain(sister.text)).toContain("e martë 1 dhj 2026, 16:00");
    await family.father.waitForText("شما دعوت شده‌اید", { timeoutMs: 10_000 });
    await bot.emulator.waitForQuiet();
    // Nobody sees the link before answering.
    for (const user of Object.values(family)) expect(user.botMessages().some((m) => plain(m.text).includes(LINK))).toBe(false);
  });

  it("families answer in their languages: Yes and Maybe see the link, No does not, and a changed mind counts once", async () => {
    await press(family.mother, "✅ بله", "منتظر شما در");
    expect(plain(family.mother.botMessages().at(-1)!.text)).toContain(LINK);
    await press(family.sister, "🤔 Ndoshta", "Shënuam Ndoshta");
    expect(plain(family.sister.botMessages().at(-1)!.text)).toContain(LINK);
    await press(family.father, "❌ نه", "سپاس که خبر دادید");
    expect(plain(family.father.botMessages().at(-1)!.text)).not.toContain(LINK);
    await press(family.brother, "❌ No", "you cannot take part");
    expect(plain(family.brother.botMessages().at(-1)!.text)).not.toContain(LINK);
    // Someone who was not invited forges the button with the event's id: no answer, no link.
    const stranger = bot.emulator.createUser({ languageCode: "en" });
    stranger.sendCommand("start");
    const greeting = await stranger.waitForReply();
    const event = await bot.app.models.events.findOne({}).lean().exec();
    stranger.pressCallback(greeting.messageId, `evr:yes:${event!._id.toHexString()}`);
    await bot.emulator.waitForQuiet();
    expect(stranger.botMessages().some((m) => plain(m.text).includes(LINK))).toBe(false);
    expect(await bot.app.models.eventRsvps.countDocuments({ userId: refOf(stranger.id) }).exec()).toBe(0);
    // He changes his mind under the same invitation.
    await press(family.brother, "✅ Yes", "We expect you at “Online gathering of the families”, Tuesday 1 Dec 2026, 18:30.");
    expect(plain(family.brother.botMessages().at(-1)!.text)).toContain(LINK);
  });

  it("the coordinator sees the answers per province and per language, and can write to those who said Yes", async () => {
    coordinator.sendCommand("events");
    await coordinator.waitForText("Events (choose one to see the answers)");
    await press(coordinator, /Online gathering of the families/, "Answers: Yes 2 · Maybe 1 · No 1");
    const card = plain(coordinator.botMessages().at(-1)!.text);
    expect(card).toContain("• Ardabil: Yes 1 · Maybe 1 · No 0");
    expect(card).toContain("• Tehran: Yes 1 · Maybe 0 · No 1");
    expect(card).toContain("• Persian: Yes 1 · Maybe 0 · No 1");
    expect(card).toContain("• English: Yes 1 · Maybe 0 · No 0");
    expect(card).toContain("• Albanian: Yes 0 · Maybe 1 · No 0");

    const event = await bot.app.models.events.findOne({}).lean().exec();
    const actor = buildActor({ userId: COORDINATOR_ID, grants: [], isAdmin: true });
    const yes = await bot.app.services.broadcasts.measure(actor, { kind: "eventYes", eventId: event!._id.toHexString(), provinces: "all" });
    expect(yes).toEqual({ ok: true, value: { total: 2, byLocale: { fa: 1, en: 1 } } });
  });

  it("reminders come a day before to Yes and Maybe, on each reader's clock, and never to No", async () => {
    // Monday 30 November, 18:31 in Tehran (16:01 in Tirana): a day before the gathering.
    await passTimeTo("2026-11-30T15:01:00Z");
    await waitUntil(() => messagesWith(family.mother, "این رویداد نزدیک است").length === 1, 10_000, "the mother's reminder");
    await waitUntil(() => messagesWith(family.brother, "this event is coming up").length === 1, 10_000, "the brother's reminder");
    await waitUntil(() => messagesWith(family.sister, "kjo ngjarje po afron").length === 1, 10_000, "the sister's reminder");
    expect(plain(messagesWith(family.mother, "این رویداد نزدیک است")[0]!.text)).toContain(LINK);
    expect(plain(messagesWith(family.sister, "kjo ngjarje po afron")[0]!.text)).toContain("e martë 1 dhj 2026, 16:00");
    expect(messagesWith(family.father, "یادآوری")).toHaveLength(0);
    // The tick again sends nothing twice.
    await runDueReminders();
    expect(messagesWith(family.mother, "این رویداد نزدیک است")).toHaveLength(1);
  });

  it("the coordinator moves the gathering: everyone who answered is told, and the hour-before reminder follows the new time", async () => {
    coordinator.sendCommand("events");
    await coordinator.waitForText("Events (choose one to see the answers)");
    await press(coordinator, /Online gathering of the families/, "Answers:");
    await press(coordinator, "🕒 Move", "The new date and time on your clock");
    await answer(coordinator, "1405/09/12 19:00", "The event was moved. 4 people who answered are being told.");

    const mother = await family.mother.waitForText("زمان رویداد تغییر کرد", { timeoutMs: 10_000 });
    expect(plain(mother.text)).toContain("پنجشنبه ۱۲ آذر ۱۴۰۵، ساعت ۱۹:۰۰");
    await family.father.waitForText("زمان رویداد تغییر کرد", { timeoutMs: 10_000 });
    const brother = await family.brother.waitForText("The event has moved to a new time", { timeoutMs: 10_000 });
    expect(plain(brother.text)).toContain("Thursday 3 Dec 2026, 19:00");
    const sister = await family.sister.waitForText("Ngjarja u zhvendos", { timeoutMs: 10_000 });
    expect(plain(sister.text)).toContain("e enjte 3 dhj 2026, 16:30");

    // The old hour-before reminder (Tuesday 17:30 in Tehran) is gone.
    await passTimeTo("2026-12-01T14:01:00Z");
    expect(messagesWith(family.mother, "به‌زودی شروع می‌شود")).toHaveLength(0);
    // Thursday 18:01 in Tehran: an hour before the new time.
    await passTimeTo("2026-12-03T14:31:00Z");
    await waitUntil(() => messagesWith(family.mother, "به‌زودی شروع می‌شود").length === 1, 10_000, "the mother's hour-before reminder");
    await waitUntil(() => messagesWith(family.sister, "fillon së shpejti").length === 1, 10_000, "the sister's hour-before reminder");
    expect(plain(messagesWith(family.mother, "به‌زودی شروع می‌شود")[0]!.text)).toContain("پنجشنبه ۱۲ آذر ۱۴۰۵، ساعت ۱۹:۰۰");
    expect(messagesWith(family.father, "به‌زودی شروع می‌شود")).toHaveLength(0);
  });
});

describe("a press conference that is called off", () => {
  it("the coordinator cancels it: those who answered are told, nobody is reminded, and the old buttons say it is off", async () => {
    await passTimeTo("2026-12-05T08:00:00Z");
    const coordinatorActor = { userId: COORDINATOR_ID };
    const created = await bot.app.services.events.create(coordinatorActor, {
      texts: [{ locale: "fa", title: "کنفرانس خبری", description: "" }, { locale: "en", title: "Press conference", description: "" }],
      startsAt: new Date("2026-12-10T10:00:00Z"),
      link: null,
      audience: { kind: "families", provinces: ["ardabil"] },
    });
    expect(created).toEqual({ ok: true, value: { eventId: expect.any(String), recipients: 2 } });
    const invitation = await family.mother.waitForText("کنفرانس خبری", { timeoutMs: 10_000 });
    await press(family.mother, "✅ بله", "منتظر شما در", { messageId: invitation.messageId });

    coordinator.sendCommand("events");
    await coordinator.waitForText("Events (choose one to see the answers)");
    await press(coordinator, /Press conference/, "Answers: Yes 1 · Maybe 0 · No 0");
    await press(coordinator, "✖️ Cancel the event", "Cancel this event? Everyone who answered will be told.");
    await press(coordinator, "Yes, cancel the event", "The event was cancelled. 1 people who answered are being told.");
    // Her reminders are cancelled, not merely left to find the event gone.
    const eventId = created.ok ? created.value.eventId : "";
    expect(await bot.app.models.reminders.countDocuments({ _id: { $regex: `^event-(24h|1h):${eventId}:` }, state: "pending" }).exec()).toBe(0);
    expect(await bot.app.models.reminders.countDocuments({ _id: { $regex: `^event-(24h|1h):${eventId}:` }, state: "cancelled" }).exec()).toBe(2);
    const news = await family.mother.waitForText("این رویداد لغو شد", { timeoutMs: 10_000 });
    expect(plain(news.text)).toContain("کنفرانس خبری");
    // The sister never answered: she is not told, and her invitation's buttons say it is off.
    await bot.emulator.waitForQuiet();
    expect(messagesWith(family.sister, "Kjo ngjarje u anulua")).toHaveLength(0);
    const sisterInvitation = messagesWith(family.sister, "Jeni të ftuar").at(-1)!;
    family.sister.pressButton("✅ Po", { messageId: sisterInvitation.messageId });
    await waitUntil(() => bot.emulator.callsOf("answerCallbackQuery").some((c) => String(c.params.text).includes("Kjo ngjarje u anulua ose ka filluar")), 5_000, "the alert");

    await passTimeTo("2026-12-09T10:01:00Z");
    expect(messagesWith(family.mother, "⏰").filter((m) => plain(m.text).includes("کنفرانس خبری"))).toHaveLength(0);
  });
});

describe("a late-evening gathering, 23:30 in Tehran", () => {
  it("the day-before reminder waits for the mother's morning; the hour-before one comes in her night, because the event itself is in it", async () => {
    const created = await bot.app.services.events.create({ userId: COORDINATOR_ID }, {
      texts: [{ locale: "fa", title: "گفت‌وگوی شبانه", description: "" }, { locale: "sq", title: "Bisedë e mbrëmjes", description: "" }],
      startsAt: new Date("2026-12-15T20:00:00Z"),
      link: "https://meet.example.org/night",
      audience: { kind: "families", provinces: ["ardabil"] },
    });
    expect(created.ok).toBe(true);
    const invitation = await family.mother.waitForText("گفت‌وگوی شبانه", { timeoutMs: 10_000 });
    expect(plain(invitation.text)).toContain("سه‌شنبه ۲۴ آذر ۱۴۰۵، ساعت ۲۳:۳۰");
    await press(family.mother, "✅ بله", "منتظر شما در", { messageId: invitation.messageId });
    const reminders = () => messagesWith(family.mother, "⏰").filter((m) => plain(m.text).includes("گفت‌وگوی شبانه"));

    // Monday 23:31 in Tehran, a day before: she is asleep, nothing comes.
    await passTimeTo("2026-12-14T20:01:00Z");
    expect(reminders()).toHaveLength(0);
    // Tuesday 08:01: the day-before reminder, in her morning.
    await passTimeTo("2026-12-15T04:31:00Z");
    await waitUntil(() => reminders().length === 1, 10_000, "the morning reminder");
    expect(plain(reminders()[0]!.text)).toContain("این رویداد نزدیک است");
    // Tuesday 22:31, an hour before: night in Tehran, but so is the gathering — it comes now.
    await passTimeTo("2026-12-15T19:01:00Z");
    await waitUntil(() => reminders().length === 2, 10_000, "the hour-before reminder");
    expect(plain(reminders()[1]!.text)).toContain("رویداد به‌زودی شروع می‌شود");
  });
});

describe("a volunteer of Ardabil", () => {
  it("invites the families of Ardabil, not of another province, and a family cannot create events", async () => {
    await seedVolunteer(bot.app.services, { userId: VOLUNTEER_ID, provinces: ["ardabil"], invitedBy: COORDINATOR_ID });
    const input = { texts: [{ locale: "fa", title: "دیدار استانی", description: "" }], startsAt: new Date("2026-12-20T10:00:00Z"), link: null };
    const elsewhere = await bot.app.services.events.create({ userId: VOLUNTEER_ID }, { ...input, audience: { kind: "families", provinces: ["tehran"] } });
    expect(elsewhere).toEqual({ ok: false, error: "province_not_allowed" });
    const own = await bot.app.services.events.create({ userId: VOLUNTEER_ID }, { ...input, audience: { kind: "families", provinces: ["ardabil"] } });
    expect(own).toEqual({ ok: true, value: { eventId: expect.any(String), recipients: 2 } });
    // Her /events lists only her own event.
    const listed = await bot.app.services.events.list({ userId: VOLUNTEER_ID });
    expect(listed.ok && listed.value.map((e) => e.texts[0]!.title)).toEqual(["دیدار استانی"]);

    family.brother.sendCommand("newevent");
    await family.brother.waitForText("Sorry, you are not allowed to do that.");
    expect(await bot.app.services.events.create({ userId: family.brother.id }, { ...input, audience: { kind: "families", provinces: "all" } })).toEqual({ ok: false, error: "forbidden" });
  });
});

describe("a father's answer is his data", () => {
  it("he finds his answer in /mydata, and once he erases himself the organiser's counts no longer hold it", async () => {
    const stored = await bot.app.services.myData.gather(family.father.id, "fa");
    expect(stored.eventAnswers).toEqual([expect.objectContaining({ title: "نشست آنلاین خانواده‌ها", answer: "no" })]);
    await bot.app.services.myData.erase(family.father.id);
    expect(await bot.app.models.eventRsvps.countDocuments({ userId: refOf(family.father.id) }).exec()).toBe(0);

    coordinator.sendCommand("events");
    await coordinator.waitForText("Events (choose one to see the answers)");
    await press(coordinator, /Online gathering of the families/, "Answers: Yes 2 · Maybe 1 · No 0");
  });
});
