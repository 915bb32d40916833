// The desk's page in headless Chromium, served with the desk's Content-Security-Policy, against a
// stand-in API (route interception): a Persian-speaking coordinator filters the table by a Solar
// Hijri date, sorts it, opens a case and closes it (a close needs a reason); an expired page says to
// open the desk again from the bot. The real server and bot are in tests/e2e/desk-browser.test.ts.
// DESK_SCREENSHOTS=<dir> also saves phone-width screenshots of Cases, a Case and Overview there.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page, type Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDesk } from "../../scripts/buildDesk.js";
import type { DeskCase, DeskCaseRow, DeskCasesRequest, DeskOverview, DeskSession } from "../../src/desk/shared/deskApi.js";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}: apt-get install -y chromium, or set CHROMIUM_PATH`);
const screenshots = process.env.DESK_SCREENSHOTS;
// Run in the page (as text: this project's TypeScript has no DOM types): nothing wider than the phone.
const PAGE_WIDTH = "document.documentElement.scrollWidth";

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'";
const INIT_DATA = "query_id=AAF&user=%7B%22id%22%3A7001%2C%22first_name%22%3A%22Sara%22%2C%22language_code%22%3A%22fa%22%7D&auth_date=1764300000&hash=abc123";

/** The `desk-*` words as the server sends them: rendered from the locale file, keys without the prefix. */
function deskStrings(locale: "fa" | "en"): Record<string, string> {
  const ftl = readFileSync(path.resolve(import.meta.dirname, `../../locales/${locale}.ftl`), "utf8");
  return Object.fromEntries([...ftl.matchAll(/^desk-([a-z0-9-]+)\s*=\s*(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
}

const provinces = [
  { code: "ardabil", label: "اردبیل" },
  { code: "tehran", label: "تهران" },
  { code: "khuzestan", label: "خوزستان" },
  { code: "kohgiluyeh", label: "کهگیلویه و بویراحمد" },
];
const statuses = [
  { code: "registered", label: "ثبت شده" },
  { code: "under_review", label: "در حال بررسی" },
  { code: "closed", label: "بسته شده" },
];
const session: DeskSession = {
  locale: "fa",
  dir: "rtl",
  role: "coordinator",
  provinces: "all",
  can: { seeContacts: true, export: true },
  strings: deskStrings("fa"),
  choices: {
    provinces,
    statuses,
    locations: [{ code: "loc_0a1b2c3d", label: "مانز، آلبانی" }],
    closeReasons: [
      { code: "reunited", label: "به خانواده پیوست" },
      { code: "duplicate", label: "تکراری" },
    ],
  },
};
// Invented names (DOMAIN.md: test data uses invented names).
const names = ["رضا حسن‌زاده", "مریم کاظمی", "Ali Rostami", "حمید نوروزی", "زهرا امینی", "مهدی صالحی", "فاطمه قاسمی", "امیر تهرانی"];
function row(i: number): DeskCaseRow {
  const p = provinces[i % provinces.length]!;
  const s = statuses[i % 2]!;
  return {
    caseId: `case${String(i).padStart(4, "0")}`,
    reference: `14${String(10 + i).padStart(2, "0")}-53${String(20 + i).padStart(2, "0")}-${i % 10}`,
    fullName: names[i % names.length]!,
    status: s.code,
    statusLabel: s.label,
    province: p.code,
    provinceLabel: p.label,
    registeredAt: "2026-11-20T10:00:00.000Z",
    registeredLabel: `${"۱۲۳۴۵۶۷۸۹"[i % 9]} آذر ۱۴۰۵`,
    duplicatePending: i === 2,
  };
}
function caseCard(status: { code: string; label: string }): DeskCase {
  return {
    caseId: "case0000",
    reference: "1410-5320-0",
    status: status.code,
    statusLabel: status.label,
    provinceLabel: "اردبیل",
    fullName: "رضا حسن‌زاده",
    otherNames: "Reza Hasanzadeh",
    sexLabel: "مرد",
    birthYear: 1350,
    leftYear: 1372,
    locationLabel: "مانز، آلبانی",
    familyCount: 2,
    families: [
      { relationLabel: "مادر", provinceLabel: "اردبیل", city: "اردبیل", phone: "+98 914 000 0000" },
      { relationLabel: "برادر", provinceLabel: "تهران", phone: null },
    ],
    possibleDuplicates: [{ caseId: "case0002", reference: "1412-5322-2" }],
    timeline: [
      { at: "2026-11-20T10:00:00.000Z", atLabel: "۲۹ آبان ۱۴۰۵، ۱۳:۳۰", what: "ثبت شد" },
      { at: "2026-11-22T10:00:00.000Z", atLabel: "۱ آذر ۱۴۰۵، ۱۳:۳۰", what: "وضعیت: در حال بررسی", familyNote: "پرونده را بررسی می‌کنیم.", internalNote: "با انجمن اردبیل هماهنگ شد." },
    ],
    moves: status.code === "closed" ? [] : [{ code: "verified", label: "تأیید شده" }, { code: "closed", label: "بسته شده" }],
  };
}
const months = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر"];
const overview: DeskOverview = {
  asOfLabel: "۷ آذر ۱۴۰۵، ۱۰:۱۵",
  totalCases: 2431,
  staleCases: 187,
  casesByProvince: provinces.map((p, i) => ({ key: p.code, label: p.label, count: [640, 512, 301, 77][i]! })),
  casesByStatus: statuses.map((s, i) => ({ key: s.code, label: s.label, count: [1200, 900, 331][i]! })),
  registrationsByMonth: months.map((m, i) => ({ key: `m${i}`, label: `${m} ۱۴۰۵`, count: [120, 180, 90, 260, 310, 200, 150, 240, 170][i]! })),
  contactByMonth: months.map((m, i) => ({ key: `c${i}`, label: `${m} ۱۴۰۵`, count: [2, 0, 1, 4, 3, 1, 0, 2, 5][i]! })),
  signaturesByDay: Array.from({ length: 30 }, (_, i) => ({ key: `d${i}`, label: `${i + 1} آبان`, count: Math.round(40 + 30 * Math.sin(i / 3) + i * 3) })),
  petitions: [
    {
      ref: "p1",
      title: "نامه به نخست‌وزیر آلبانی",
      statusLabel: "باز",
      count: 8420,
      goal: 11500,
      byProvince: provinces.map((p, i) => ({ key: p.code, label: p.label, count: [3100, 2600, 1900, 820][i]! })),
      byDay: Array.from({ length: 14 }, (_, i) => ({ key: `pd${i}`, label: `${i + 10} آبان`, count: 100 + i * 37 })),
    },
  ],
  events: [{ title: "گردهمایی آنلاین خانواده‌ها", startsLabel: "جمعه ۱۴ آذر ۱۴۰۵، ساعت ۱۸:۰۰", yes: 143, maybe: 52, no: 11 }],
};

interface Api {
  session: DeskSession;
  /** Families and their phones on the case card (coordinators and admins only). */
  contacts: boolean;
  casesRequests: DeskCasesRequest[];
  moves: unknown[];
  exports: unknown[];
  authHeaders: string[];
  sessionStatus: number;
  status: { code: string; label: string };
}

async function routeApi(page: Page, api: Api): Promise<void> {
  await page.route("**/desk/api/**", async (route: Route) => {
    const request = route.request();
    api.authHeaders.push(request.headers()["authorization"] ?? "");
    const url = new URL(request.url());
    const json = (body: unknown, status = 200) => route.fulfill({ status, contentType: "application/json", body: JSON.stringify(body) });
    const p = url.pathname.replace("/desk/api/", "");
    if (p === "session") return api.sessionStatus === 200 ? json(api.session) : json({ error: "unauthorized" }, api.sessionStatus);
    if (p === "cases") {
      const body = request.postDataJSON() as DeskCasesRequest;
      api.casesRequests.push(body);
      const rows = Array.from({ length: 20 }, (_, i) => row(i + body.page * 20));
      return json({ rows, page: body.page, pages: 3, total: 47 });
    }
    if (p === "cases/case0000") {
      const card = caseCard(api.status);
      if (!api.contacts) delete card.families;
      return json(card);
    }
    if (p === "cases/case0000/status") {
      api.moves.push(request.postDataJSON());
      api.status = { code: "closed", label: "بسته شده" };
      return json({ status: "closed", statusLabel: "بسته شده", notified: 2 });
    }
    if (p === "overview") return json(overview);
    if (p === "export") {
      api.exports.push(request.postDataJSON());
      return json({ rows: 47 });
    }
    return json({ error: "not_found" }, 404);
  });
}

describe("the desk's page in a browser (stand-in API)", () => {
  let browser: Browser;
  let server: Server;
  let origin: string;
  const outDir = path.join(mkdtempSync(path.join(tmpdir(), "desk-page-")), "desk");

  beforeAll(async () => {
    await buildDesk(outDir);
    server = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://x");
      const rel = url.pathname === "/desk/" ? "index.html" : url.pathname.replace(/^\/desk\//, "");
      const file = path.join(outDir, rel);
      if (!file.startsWith(outDir) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      const type = file.endsWith(".html") ? "text/html; charset=utf-8" : file.endsWith(".js") ? "text/javascript" : file.endsWith(".css") ? "text/css" : "font/woff2";
      res.writeHead(200, { "Content-Type": type, "Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff" }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    browser = await chromium.launch({ executablePath, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
    if (screenshots) mkdirSync(screenshots, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    rmSync(path.dirname(outDir), { recursive: true, force: true });
  });

  async function openDesk(api: Api): Promise<{ page: Page; violations: string[] }> {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content.Security.Policy|Refused/i.test(message.text())) violations.push(message.text());
    });
    page.on("pageerror", (error) => violations.push(error.message));
    await routeApi(page, api);
    const theme = encodeURIComponent(JSON.stringify({ bg_color: "#ffffff", text_color: "#000000", button_color: "#3390ec", button_text_color: "#ffffff", secondary_bg_color: "#f4f4f5", hint_color: "#707579", link_color: "#3390ec" }));
    await page.goto(`${origin}/desk/#tgWebAppData=${encodeURIComponent(INIT_DATA)}&tgWebAppVersion=8.0&tgWebAppPlatform=web&tgWebAppThemeParams=${theme}`);
    return { page, violations };
  }
  const freshApi = (): Api => ({ session, contacts: true, casesRequests: [], moves: [], exports: [], authHeaders: [], sessionStatus: 200, status: { code: "under_review", label: "در حال بررسی" } });

  it("a coordinator filters by a Solar Hijri date, sorts, opens a case and closes it with a reason", async () => {
    const api = freshApi();
    const { page, violations } = await openDesk(api);
    await page.getByText("پرونده‌های پیدا شده: ۴۷").waitFor();
    expect(await page.evaluate<string[]>("[document.documentElement.lang, document.documentElement.dir]")).toEqual(["fa", "rtl"]);
    expect(await page.locator("tbody tr").count()).toBe(20);
    // Nothing wider than the phone: no sideways scrolling.
    expect(await page.evaluate<number>(PAGE_WIDTH)).toBeLessThanOrEqual(390);
    // The Persian font is bundled and allowed by the CSP (font-src 'self').
        await page.evaluate(`document.fonts.load('16px "Vazirmatn NL"', "پرونده")`);
    expect(await page.evaluate<string[]>('[...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family + " " + f.weight)')).toContain("Vazirmatn NL 400");
    if (screenshots) await page.screenshot({ path: path.join(screenshots, "desk-cases.png"), fullPage: false });

    // On a phone only the name is in sight; the other filters are one tap away.
    expect(await page.getByLabel("ثبت‌شده از تاریخ").isVisible()).toBe(false);
    await page.getByText("فیلترهای بیشتر").click();
    await page.getByLabel("ثبت‌شده از تاریخ").fill("۱۴۰۵/۰۹/۰۱");
    await page.getByLabel("استان").selectOption("ardabil");
    await page.getByRole("button", { name: "جستجو" }).click();
    await expect.poll(() => api.casesRequests.at(-1)?.filter).toEqual({ province: "ardabil", registeredFrom: "2026-11-22" });
    await page.getByText("فیلترهای بیشتر (۲)").waitFor();

    // References are random digits: their column is not a sort.
    expect(await page.getByRole("button", { name: /شمارهٔ پرونده/ }).count()).toBe(0);
    await page.getByRole("button", { name: /وضعیت/ }).click();
    await expect.poll(() => api.casesRequests.at(-1)?.sort).toEqual({ field: "status", direction: "asc" });
    await page.getByRole("button", { name: "بعدی" }).click();
    await expect.poll(() => api.casesRequests.at(-1)?.page).toBe(1);

    await page.getByRole("button", { name: "فرستادن این فهرست به گفتگوی من با ربات" }).click();
    await page.getByText("فهرست در گفتگوی شما با ربات فرستاده شد.").waitFor();
    expect(api.exports).toEqual([{ filter: { province: "ardabil", registeredFrom: "2026-11-22" } }]);

    await page.getByRole("button", { name: "بازگشت به فهرست" }).waitFor({ state: "detached" });
    api.casesRequests.length = 0;
    // Row 20 is on page 2; open the first case through a fresh table page instead.
    await page.getByRole("button", { name: "قبلی" }).click();
    await page.getByRole("button", { name: "رضا حسن‌زاده" }).first().click();
    await page.getByRole("heading", { name: "رضا حسن‌زاده" }).waitFor();
    await page.getByText("+98 914 000 0000").waitFor();
    // The reference in the reader's digits, as the chat writes it.
    await page.locator(".case-head").getByText("۱۴۱۰-۵۳۲۰-۰").waitFor();
    expect(await page.evaluate<number>(PAGE_WIDTH)).toBeLessThanOrEqual(390);
    if (screenshots) await page.screenshot({ path: path.join(screenshots, "desk-case.png"), fullPage: true });

    await page.getByLabel("وضعیت تازه").selectOption("closed");
    await page.getByRole("button", { name: "ثبت تغییر" }).click();
    await page.getByText("برای بستن پرونده، دلیل آن را انتخاب کنید.").waitFor();
    expect(api.moves).toEqual([]);
    await page.getByLabel("دلیل بستن پرونده").selectOption("reunited");
    await page.getByLabel("پیامی برای خانواده (اختیاری)").fill("خبر خوب: تماس برقرار شد.");
    const askedBeforeMove = api.casesRequests.length;
    await page.getByRole("button", { name: "ثبت تغییر" }).click();
    await page.getByText("خانواده‌هایی که باخبر می‌شوند: ۲").waitFor();
    expect(api.moves).toEqual([{ to: "closed", closeReason: "reunited", familyNote: "خبر خوب: تماس برقرار شد." }]);
    // Refreshed after the move: the new status, and no move offered on a closed case.
    await page.locator(".case-head .status").getByText("بسته شده").waitFor();
    expect(await page.getByLabel("وضعیت تازه").count()).toBe(0);

    // Back to the list, asked again after the move so the case shows its new status; the filter stays.
    await page.getByRole("button", { name: "بازگشت به فهرست" }).click();
    await page.getByText("پرونده‌های پیدا شده: ۴۷").waitFor();
    expect(api.casesRequests.length).toBe(askedBeforeMove + 1);
    expect(await page.getByLabel("استان").inputValue()).toBe("ardabil");

    await page.getByRole("tab", { name: "نمای کلی" }).click();
    await page.getByText("۲٬۴۳۱").waitFor();
    await page.locator(".bar-row").first().click();
    await page.locator(".chart-readout").first().getByText("۶۴۰").waitFor();
    expect(await page.evaluate<number>(PAGE_WIDTH)).toBeLessThanOrEqual(390);
    if (screenshots) await page.screenshot({ path: path.join(screenshots, "desk-overview.png"), fullPage: true });

    expect(new Set(api.authHeaders)).toEqual(new Set([`tma ${INIT_DATA}`]));
    expect(violations).toEqual([]);
    await page.close();
  }, 60_000);

  it("an English-speaking volunteer reads left to right, with Latin digits, no export and no family contacts", async () => {
    const api = freshApi();
    api.session = { ...session, locale: "en", dir: "ltr", role: "volunteer", provinces: ["ardabil"], can: { seeContacts: false, export: false }, strings: deskStrings("en") };
    api.contacts = false;
    const { page, violations } = await openDesk(api);
    await page.getByText("Cases found: 47").waitFor();
    expect(await page.evaluate<string[]>("[document.documentElement.lang, document.documentElement.dir]")).toEqual(["en", "ltr"]);
    expect(await page.getByRole("button", { name: "Send this list to my chat with the bot" }).count()).toBe(0);
    expect(await page.evaluate<number>(PAGE_WIDTH)).toBeLessThanOrEqual(390);
    if (screenshots) await page.screenshot({ path: path.join(screenshots, "desk-cases-en.png") });
    await page.getByRole("button", { name: "رضا حسن‌زاده" }).first().click();
    await page.getByText("Families who registered").waitFor();
    expect(await page.getByRole("heading", { name: "Families", exact: true }).count()).toBe(0);
    expect(await page.getByText("+98").count()).toBe(0);
    await page.getByRole("tab", { name: "Overview" }).click();
    await page.getByText("2,431").waitFor();
    if (screenshots) await page.screenshot({ path: path.join(screenshots, "desk-overview-en.png"), fullPage: true });
    expect(violations).toEqual([]);
    await page.close();
  }, 30_000);

  it("an expired page says, in Persian, to open the desk again from the bot", async () => {
    const api = freshApi();
    api.sessionStatus = 401;
    const { page, violations } = await openDesk(api);
    await page.getByText("زمان این صفحه گذشته است. لطفاً آن را ببندید و میز کار را دوباره از ربات باز کنید.").waitFor();
    expect(await page.getByRole("button", { name: "دوباره امتحان کنید" }).count()).toBe(0);
    expect(violations).toEqual([]);
    await page.close();
  }, 30_000);

  it("a lost connection offers to try again, and trying again loads the desk", async () => {
    const api = freshApi();
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await routeApi(page, api);
    // Registered last, so asked first: the first session request finds no network.
    let failNext = true;
    await page.route("**/desk/api/session", (route) => (failNext ? ((failNext = false), route.abort("internetdisconnected")) : route.fallback()));
    await page.goto(`${origin}/desk/#tgWebAppData=${encodeURIComponent(INIT_DATA)}`);
    await page.getByText("ارتباط برقرار نشد.", { exact: false }).waitFor();
    await page.getByRole("button", { name: "دوباره امتحان کنید" }).click();
    await page.getByText("پرونده‌های پیدا شده: ۴۷").waitFor();
    await page.close();
  }, 30_000);
});
