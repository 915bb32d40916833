// The coordinator's desk as a newcomer sees it with no Telegram account: the real bot, the emulator's
// web chat in headless Chromium, and the desk opened from the bot's button in the chat's Mini App panel.
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type FrameLocator, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DESK_ON_THIS_SERVER } from "../../src/app.js";
import type { EmulatedUser } from "../../src/emulator/index.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { sampleRegistration } from "../support/fixtures.js";
import { seedVolunteer } from "../support/team.js";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// .ci/run installs Debian's chromium; without it this test fails with a clear message (never skipped).
if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}: apt-get install -y chromium, or set CHROMIUM_PATH`);

/** Screenshots to look at (docs/desk-in-web-chat.png is the best of them, copied by hand). */
const shots = process.env.DESK_SCREENSHOTS ?? join(tmpdir(), "desk-browser");

const COORDINATOR_ID = 920001;
const VOLUNTEER_ID = 920002;

let bot: TestBot;
let browser: Browser;
let page: Page;
let niknamFamily: EmulatedUser;

const ardabilCases = [
  { fullName: "بهروز نیک‌نام", birthYear: 1964 },
  { fullName: "کامران شیرازی", birthYear: 1958 },
  { fullName: "مهین رستمی", birthYear: 1966 },
];
const tehranCases = [
  { fullName: "سیاوش پاکزاد", birthYear: 1970 },
  { fullName: "پروین دلاوری", birthYear: 1962 },
];

/** The Niknam family asked to be called: their number is for coordinators' eyes only. */
const NIKNAM_PHONE = "+989141234567";

async function registerFamily(fullName: string, province: string, birthYear: number, phone?: string): Promise<EmulatedUser> {
  const family = bot.emulator.createUser({ languageCode: "fa" });
  family.sendCommand("start"); // the chat must be started for the bot to write to it
  await family.waitForReply();
  await bot.app.services.cases.register({
    userId: family.id,
    locale: "fa",
    draft: sampleRegistration({ fullName, familyProvince: province, birthYear, ...(phone ? { contactPreference: "phone", phone } : {}) }),
    consentAt: new Date(),
  });
  return family;
}

beforeAll(async () => {
  bot = await startTestBot({ adminIds: [COORDINATOR_ID], config: { deskUrl: DESK_ON_THIS_SERVER } });
  await seedVolunteer(bot.app.services, { userId: VOLUNTEER_ID, provinces: ["ardabil"], invitedBy: COORDINATOR_ID });
  const families = [];
  for (const c of ardabilCases) families.push(await registerFamily(c.fullName, "ardabil", c.birthYear, c === ardabilCases[0] ? NIKNAM_PHONE : undefined));
  for (const c of tehranCases) await registerFamily(c.fullName, "tehran", c.birthYear);
  niknamFamily = families[0]!;
  bot.emulator.createUser({ id: COORDINATOR_ID, firstName: "Nasrin", languageCode: "fa" });
  bot.emulator.createUser({ id: VOLUNTEER_ID, firstName: "Reza", languageCode: "fa" });

  mkdirSync(shots, { recursive: true });
  browser = await chromium.launch({
    executablePath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  // A step that does not happen fails with what it waited for, well before the test's own timeout.
  page.setDefaultTimeout(10_000);
  await page.goto(bot.emulator.webUrl);
}, 60_000);

// What the screen showed when a step failed (or at the end of each story).
afterEach(async () => {
  await page?.screenshot({ path: join(shots, "last.png") });
});

afterAll(async () => {
  await browser?.close();
  await bot?.stop();
});

/** In the web chat: become this user, ask the bot for the desk and press its Mini App button. */
async function openDeskAs(userId: number): Promise<FrameLocator> {
  await page.locator(`[data-testid="user-item"][data-user-id="${userId}"]`).click();
  await page.getByTestId("composer").fill("/desk");
  await page.getByTestId("send").click();
  const button = page.locator('[data-testid="inline-button"][data-web-app="true"]').filter({ hasText: "باز کردن میز کار" }).last();
  await button.waitFor();
  await button.click();
  await page.getByTestId("web-app-panel").waitFor();
  return page.frameLocator('[data-testid="web-app-frame"]');
}

const tableNames = async (desk: FrameLocator): Promise<string[]> =>
  (await desk.locator("table.case-table tbody td.name button").allTextContents()).map((name) => name.trim());

describe("the coordinator's desk in the emulator's web chat", () => {
  it("a coordinator opens the desk from the bot, finds a case by a Latin spelling, moves it, and the family hears of it in the chat", async () => {
    const desk = await openDeskAs(COORDINATOR_ID);
    // Persian first: the page is right-to-left and every case is there.
    await desk.getByText(`پرونده‌های پیدا شده: ${(ardabilCases.length + tehranCases.length).toLocaleString("fa-IR")}`).waitFor();
    expect(await desk.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await tableNames(desk)).toHaveLength(ardabilCases.length + tehranCases.length);
    await page.screenshot({ path: join(shots, "desk-table.png") });

    await desk.getByLabel("نام (به فارسی یا لاتین)").fill("Niknam");
    await desk.getByRole("button", { name: "جستجو" }).click();
    await desk.getByText(`پرونده‌های پیدا شده: ${(1).toLocaleString("fa-IR")}`).waitFor();
    expect(await tableNames(desk)).toEqual(["بهروز نیک‌نام"]);
    await page.screenshot({ path: join(shots, "desk-filtered.png") });

    await desk.getByRole("button", { name: "بهروز نیک‌نام" }).click();
    await desk.getByText("تغییر وضعیت پرونده").waitFor();
    // A coordinator sees how to call the family.
    expect((await desk.locator(".phone").textContent())?.replace(/\D/g, "")).toBe(NIKNAM_PHONE.replace(/\D/g, ""));
    await desk.getByLabel("وضعیت تازه").selectOption({ label: "در حال بررسی" });
    await desk.getByLabel("پیامی برای خانواده (اختیاری)").fill("نامهٔ شما رسید و در حال بررسی است.");
    await desk.getByRole("button", { name: "ثبت تغییر" }).click();
    await desk.getByText("وضعیت تازه ثبت شد.").waitFor();
    await page.screenshot({ path: join(shots, "desk-case.png") });

    // The family hears of it in their chat, from the bot, in Persian.
    const news = await niknamFamily.waitForText("در حال بررسی", { timeoutMs: 15_000 });
    expect(plain(news.text)).toContain("نامهٔ شما رسید و در حال بررسی است.");

    await desk.getByRole("tab", { name: "نمای کلی" }).click();
    await desk.getByText("پرونده‌ها در هر استان").waitFor();
    await page.screenshot({ path: join(shots, "desk-overview.png") });
  }, 60_000);

  it("a volunteer of Ardabil sees only Ardabil's cases, and no family's contacts", async () => {
    const desk = await openDeskAs(VOLUNTEER_ID);
    await desk.getByText(`پرونده‌های پیدا شده: ${ardabilCases.length.toLocaleString("fa-IR")}`).waitFor();
    expect((await tableNames(desk)).sort()).toEqual(ardabilCases.map((c) => c.fullName).sort());
    expect(await desk.getByRole("button", { name: "فرستادن این فهرست به گفتگوی من با ربات" }).count()).toBe(0);

    await desk.getByRole("button", { name: "بهروز نیک‌نام" }).click();
    await desk.getByText("روند پرونده").waitFor();
    expect(await desk.locator(".phone").count()).toBe(0);
    expect(await desk.locator("body").textContent()).not.toContain(NIKNAM_PHONE.slice(-7));
    await page.screenshot({ path: join(shots, "desk-volunteer-case.png") });
  }, 60_000);
});
