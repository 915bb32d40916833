import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../../src/clock.js";
import type { EmulatedUser } from "../../src/emulator/index.js";
import { SIGNATURE_COLUMNS } from "../../src/services/petitionExport.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { answer, press } from "../support/chatSteps.js";
import { seedVolunteer } from "../support/team.js";
import { waitUntil } from "../support/waitUntil.js";
import { refOf } from "../support/userRefs.js";

const ADMIN_ID = 810001;
const now = new Date("2026-11-27T10:00:00Z");
const clock: Clock = { now: () => now };
const FA_TITLE = "بگذارید به خانه زنگ بزنند";
const FA_BODY = "ما خانواده‌ها، پدران و مادرانی که سال‌هاست صدای فرزندانمان را نشنیده‌ایم،\nخواهش می‌کنیم راه تماس تلفنی را باز کنید.";
const EN_TITLE = "Let them call home";
const EN_BODY = "We, the families, ask that our relatives may telephone us.";
const ADDRESSEE = "The Minister of Examples";

let bot: TestBot;
let ref = "";
let mother: EmulatedUser;
beforeAll(async () => {
  bot = await startTestBot({ adminIds: [ADMIN_ID], overrides: { clock } });
});
afterAll(() => bot?.stop());


/** A coordinator (here the admin) writes a petition through the whole conversation and opens it. */
async function createAndOpen(admin: EmulatedUser, titles: { fa: string; en: string }, milestones: string | null): Promise<string> {
  await createDraft(admin, titles, milestones);
  await press(admin, "🟢 Open for signing", /Status: Open/);
  const opened = plain(admin.lastBotMessage()!.text);
  const match = /start=p_([a-z0-9]+)/.exec(opened);
  if (!match?.[1]) throw new Error(`no petition link in: ${opened}`);
  return match[1];
}

async function createDraft(admin: EmulatedUser, titles: { fa: string; en: string }, milestones: string | null): Promise<void> {
  admin.sendCommand("newpetition");
  await admin.waitForText("Title in Persian:");
  await answer(admin, titles.fa, "The full text in Persian");
  await answer(admin, FA_BODY, "Title in English:");
  await answer(admin, titles.en, "The full text in English");
  await answer(admin, EN_BODY, "Title in Albanian:");
  await press(admin, "Skip this language", "To whom is the petition addressed?");
  await answer(admin, ADDRESSEE, "How many signatures is the goal?");
  await answer(admin, "ten thousand", "Please send a whole number");
  await answer(admin, "10,000", "Until when can people sign?");
  await answer(admin, "2020-01-01", "That day has passed.");
  await answer(admin, "۱۴۰۶/۰۶/۳۱", "At which counts should signers get news?");
  if (milestones) await answer(admin, milestones, "Please check the new petition");
  else await press(admin, "No milestones", "Please check the new petition");
  await press(admin, "💾 Save as draft", /Status: Draft/);
  const card = admin.lastBotMessage()!;
  expect(plain(card.text)).toContain("Text version 1 (can still be edited)");
}

/** A signer in Persian: name, province, relation, news, then the last look and ✅. */
async function signInPersian(user: EmulatedUser, cardMessageId: number, answers: { name?: string; province?: string; country?: string; relation: string; news: boolean }): Promise<void> {
  await press(user, "✍️ امضا می‌کنم", "نام شما در فهرست", { messageId: cardMessageId });
  if (answers.name) {
    await press(user, "✍️ با نام خودم", "لطفاً نامتان را");
    await answer(user, answers.name, "در کدام استان زندگی می‌کنید؟");
  } else {
    await press(user, "👤 بدون نام", "در کدام استان زندگی می‌کنید؟");
  }
  if (answers.province) {
    await press(user, answers.province, "آیا یکی از عزیزانتان در اردوگاه است؟");
  } else {
    await press(user, "🌍 خارج از ایران زندگی می‌کنم", "در کدام کشور زندگی می‌کنید؟");
    await answer(user, answers.country!, "آیا یکی از عزیزانتان در اردوگاه است؟");
  }
  await press(user, answers.relation, "خبر بدهیم؟");
  await press(user, answers.news ? "🔔 بله، خبرم کنید" : "نه، خبر لازم نیست", "لطفاً پیش از امضای");
  await press(user, "✅ امضا", "امضای شما شمرده شد");
}

describe("petitions: a coordinator writes one, families sign it in Persian", () => {
  it("a coordinator writes a petition in Persian and English through the conversation and opens it", async () => {
    const admin = bot.emulator.createUser({ id: ADMIN_ID, firstName: "Admin", languageCode: "en" });
    admin.sendCommand("start");
    const menu = await admin.waitForText("Choose from the menu below.");
    expect(menu.replyKeyboard?.flat()).toEqual(expect.arrayContaining(["📜 Petitions", "🗂 Manage petitions"]));
    ref = await createAndOpen(admin, { fa: FA_TITLE, en: EN_TITLE }, "5000, 1,000");
    const petition = await bot.app.services.petitions.get(ref);
    expect(petition).toMatchObject({ status: "open", goal: 10_000, milestones: [1000, 5000], addressee: ADDRESSEE, textVersion: 1, frozen: false });
    expect(petition?.texts.map((t) => t.locale)).toEqual(["fa", "en"]);
    // The Solar Hijri deadline is the end of 31 Shahrivar 1406 (22 Sep 2027) in Tehran.
    expect(petition?.deadline?.toISOString()).toBe("2027-09-22T20:29:59.000Z");
  });

  it("a mother opens the deep link, reads the full text in Persian and signs; a second tap is refused kindly", async () => {
    mother = bot.emulator.createUser({ firstName: "Zahra", languageCode: "fa" });
    mother.sendCommand("start", `p_${ref}`);
    const card = await mother.waitForText(FA_TITLE);
    expect(plain(card.text)).toContain(FA_BODY);
    expect(plain(card.text)).toContain(`خطاب به: ${ADDRESSEE}`);
    expect(plain(card.text)).toContain("✍️ ۰ امضا از ۱۰٬۰۰۰");
    expect(card.inlineKeyboard?.flat().find((b) => b.switchInlineQuery !== undefined)?.switchInlineQuery).toBe(ref);

    await signInPersian(mother, card.messageId, { name: "زهرا حسن‌زاده", province: "اردبیل", relation: "مادرش هستم", news: true });
    expect(plain(mother.lastBotMessage()!.text)).toContain("تا کنون ۱ نفر امضا کرده‌اند");
    // A second tap on ✅ (its message still on screen) signs nothing more.
    const confirm = mother.botMessages().findLast((m) => plain(m.text).includes("لطفاً پیش از امضای"))!;
    mother.pressCallback(confirm.messageId, "psc:sign");
    await waitUntil(() => mother.callbackAnswers().at(-1)?.text === "این دکمه دیگر معتبر نیست.");
    await press(mother, "نه، متشکرم", "با دکمهٔ «ارسال برای دیگران»");

    // The old Sign button, tapped again: a kind answer, no second signature.
    mother.pressButton("✍️ امضا می‌کنم", { messageId: card.messageId });
    await waitUntil(() => mother.callbackAnswers().some((a) => a.text?.includes("شما پیش‌تر این طومار را امضا کرده‌اید")));
    expect((await bot.app.services.petitions.get(ref))?.count).toBe(1);
    // Now the text is frozen.
    expect((await bot.app.services.petitions.get(ref))?.frozen).toBe(true);
  });

  it("the same person cannot sign twice even from two devices at once (service level, unique index)", async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        bot.app.services.petitions.sign({ userId: 820001, ref, seenVersion: 1, nameDisplay: "anonymous", province: "tehran", notify: false, locale: "fa" }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error === "already_signed")).toHaveLength(11);
    await bot.app.services.petitions.withdraw(820001, ref);
  });

  it("she withdraws — the count goes down and the withdrawal is kept — then signs again without her name, from abroad", async () => {
    mother.sendCommand("start", `p_${ref}`);
    const card = await mother.waitForText("✅ شما در تاریخ");
    expect(plain(card.text)).toContain("۶ آذر ۱۴۰۵");
    await press(mother, "↩️ پس گرفتن امضای من", "می‌خواهید امضایتان را از طومار", { messageId: card.messageId });
    await press(mother, "بله، امضایم را پس می‌گیرم", "امضای شما پس گرفته شد");
    expect(plain(mother.lastBotMessage()!.text)).toContain("اکنون ۰ امضا باقی است");
    expect((await bot.app.services.petitions.get(ref))?.count).toBe(0);
    const petitionId = (await bot.app.models.petitions.findOne({ ref }).lean())!._id;
    expect(await bot.app.models.petitionWithdrawals.countDocuments({ petitionId, userId: refOf(mother.id) })).toBe(1);

    mother.sendCommand("start", `p_${ref}`);
    const fresh = await mother.waitForText(FA_TITLE);
    await signInPersian(mother, fresh.messageId, { country: "آلمان", relation: "حامی هستم", news: true });
    expect((await bot.app.services.petitions.get(ref))?.count).toBe(1);
    const signature = await bot.app.models.petitionSignatures.findOne({ petitionId, userId: refOf(mother.id) }).lean();
    expect(signature).toMatchObject({ state: "active", nameDisplay: "anonymous", province: null, relation: null });
  });

  it("she adds appeals: a voice message after refused stickers and videos, a photo of a handwritten letter, and text", async () => {
    await press(mother, "✉️ افزودن پیام شخصی", "اکنون پیامتان را بفرستید");
    mother.sendSticker();
    await mother.waitForText("استیکر را نمی‌توان به عنوان پیام تحویل داد");
    mother.sendVideo({ duration: 600 });
    await mother.waitForText("ویدیو پذیرفته نمی‌شود");
    mother.sendVoice({ duration: 420 });
    await mother.waitForText("حداکثر ۵ دقیقه");
    mother.sendDocument({ fileName: "letter.pdf" });
    await mother.waitForText("فایل پذیرفته نمی‌شود");
    mother.sendVoice({ duration: 75 });
    await mother.waitForText("پیام شما ذخیره شد");

    mother.sendCommand("start", `p_${ref}`);
    const card = await mother.waitForText("✅ شما در تاریخ");
    await press(mother, "✉️ افزودن پیام شخصی", "اکنون پیامتان را بفرستید", { messageId: card.messageId });
    mother.sendPhoto({ caption: "نامهٔ دست‌نوشتهٔ مادر" });
    await mother.waitForText("پیام شما ذخیره شد");

    mother.sendCommand("start", `p_${ref}`);
    const again = await mother.waitForText("✅ شما در تاریخ");
    await press(mother, "✉️ افزودن پیام شخصی", "اکنون پیامتان را بفرستید", { messageId: again.messageId });
    await answer(mother, "x".repeat(2001), "حداکثر ۲٬۰۰۰ حرف");
    await answer(mother, "پسرم، سی سال است منتظرت هستیم. صدایت را می‌خواهیم بشنویم.", "پیام شما ذخیره شد");

    const appeals = await bot.app.models.appeals.find({ userId: refOf(mother.id), state: "active" }).sort({ createdAt: 1, _id: 1 }).lean();
    expect(appeals.map((a) => a.kind)).toEqual(["voice", "photo", "text"]);
    expect(appeals[0]).toMatchObject({ durationSeconds: 75 });
    // Free text is encrypted at rest.
    expect(appeals[2]?.text).toMatch(/^v2:/);
  });

  it("someone writes a standalone letter to a relative from the menu", async () => {
    const brother = bot.emulator.createUser({ firstName: "Reza", languageCode: "fa" });
    brother.sendCommand("start");
    await brother.waitForText("سلام");
    brother.pressReplyButton("✉️ نامه به عزیزم");
    await brother.waitForText("نامه برای چه کسی است؟");
    await answer(brother, "امیر حسن‌زاده", "نامه با چه امضایی باشد؟");
    await answer(brother, "برادرت، رضا", "اکنون نامه را بفرستید");
    await answer(brother, "امیر جان، همه سلام می‌رسانند.", "نامهٔ شما ذخیره شد");
    const letter = await bot.app.models.appeals.findOne({ userId: refOf(brother.id), petitionId: null }).lean();
    expect(letter).toMatchObject({ kind: "text", state: "active" });
    expect(letter?.recipientName).toMatch(/^v2:/);
  });
});

describe("deep links to closed or unknown petitions", () => {
  it("an unknown petition gets a clear answer and the list of open petitions", async () => {
    const visitor = bot.emulator.createUser({ languageCode: "fa" });
    visitor.sendCommand("start", "p_zzzzzzzz");
    await visitor.waitForText("این پیوند طومار معتبر نیست");
    const list = await visitor.waitForText("طومارهایی که می‌توانید امضا کنید:");
    expect(plain(list.text)).toContain(FA_TITLE);
    expect(list.inlineKeyboard?.flat().some((b) => b.text.includes(FA_TITLE))).toBe(true);
  });

  it("a closed petition says so, shows the open ones, and can no longer be signed", async () => {
    const admin = bot.emulator.user(ADMIN_ID)!;
    const closedRef = await createAndOpen(admin, { fa: "طومار دوم", en: "Second petition" }, null);
    const signer = bot.emulator.createUser({ languageCode: "en" });
    signer.sendCommand("start", `p_${closedRef}`);
    const card = await signer.waitForText("Second petition");
    await press(admin, "🔴 Close", "The petition is closed.");

    signer.sendCommand("start", `p_${closedRef}`);
    await signer.waitForText("The petition «Second petition» is closed and can no longer be signed.");
    const list = await signer.waitForText("Petitions open for signing:");
    expect(plain(list.text)).toContain(EN_TITLE);
    expect(plain(list.text)).not.toContain("Second petition");
    // The Sign button of the card read before closing.
    await press(signer, "✍️ Sign", "This petition is closed; it can no longer be signed.", { messageId: card.messageId });
  });
});

describe("the text cannot change once people have signed", () => {
  it("a draft is edited into version 2; after the first signature the text is frozen", async () => {
    const admin = bot.emulator.user(ADMIN_ID)!;
    await createDraft(admin, { fa: "طومار سوم", en: "Third petition, first wording" }, null);
    await press(admin, "✏️ Edit text", "Title in Persian:");
    await answer(admin, "طومار سوم", "The full text in Persian");
    await answer(admin, FA_BODY, "Title in English:");
    await answer(admin, "Third petition", "The full text in English");
    await answer(admin, EN_BODY, "Title in Albanian:");
    await answer(admin, "Peticioni i tretë", "The full text in Albanian");
    await answer(admin, "Ne, familjet, kërkojmë…", "To whom is the petition addressed?");
    await answer(admin, ADDRESSEE, "The new text was saved (version 2).");
    await press(admin, "🟢 Open for signing", /Status: Open/);
    const thirdRef = /start=p_([a-z0-9]+)/.exec(plain(admin.lastBotMessage()!.text))![1]!;

    // An Albanian reader sees the Albanian text now that there is one.
    const reader = bot.emulator.createUser({ languageCode: "sq" });
    reader.sendCommand("start", `p_${thirdRef}`);
    const card = await reader.waitForText("Peticioni i tretë");
    expect(plain(card.text)).toContain("Drejtuar: The Minister of Examples");

    // A signature that saw version 1 is sent back to read; version 2 is counted and freezes the text.
    const sign = (seenVersion: number) => bot.app.services.petitions.sign({ userId: 830001, ref: thirdRef, seenVersion, nameDisplay: "anonymous", province: "qom", notify: false, locale: "en" });
    expect(await sign(1)).toEqual({ ok: false, error: "text_changed" });
    expect(await sign(2)).toEqual({ ok: true, value: { count: 1 } });

    admin.sendCommand("managepetitions");
    const list = await admin.waitForText("Petitions (newest first)");
    await press(admin, /Open · Third petition/, "Text version 2 (frozen: people have signed)", { messageId: list.messageId });
    expect(admin.lastBotMessage()!.inlineKeyboard?.flat().map((b) => b.text)).not.toContain("✏️ Edit text");
    // The old Edit button of the draft card.
    await press(admin, "✏️ Edit text", "People have signed this petition, so its text can no longer change.");
    await press(admin, "🔴 Close", "The petition is closed.");
  });
});

describe("only coordinators create, close and export", () => {
  it("a family member and a volunteer are refused, even with forged buttons", async () => {
    const volunteer = bot.emulator.createUser({ languageCode: "en" });
    await seedVolunteer(bot.app.services, { userId: volunteer.id, provinces: ["ardabil"], invitedBy: ADMIN_ID });
    const family = bot.emulator.createUser({ languageCode: "en" });

    for (const user of [family, volunteer]) {
      user.sendCommand("start");
      const menu = await user.waitForText("Choose from the menu below.");
      expect(menu.replyKeyboard?.flat()).toContain("📜 Petitions");
      expect(menu.replyKeyboard?.flat()).not.toContain("🗂 Manage petitions");
      user.sendCommand("newpetition");
      expect(plain((await user.waitForReply()).text)).toBe("Sorry, you are not allowed to do that.");
      user.sendCommand("managepetitions");
      expect(plain((await user.waitForReply()).text)).toBe("Sorry, you are not allowed to do that.");
      const message = user.lastBotMessage()!;
      for (const forged of [`pma:${ref}:export`, `pma:${ref}:close`, `pma:${ref}:stats`, "pnew", "plx", `pf:${ref}:0`]) {
        const before = user.callbackAnswers().length;
        user.pressCallback(message.messageId, forged);
        await waitUntil(() => user.callbackAnswers().length > before);
        expect(user.callbackAnswers().at(-1)?.text).toBe("Sorry, you are not allowed to do that.");
      }
    }
    expect((await bot.app.services.petitions.get(ref))?.status).toBe("open");
    expect(await bot.app.models.auditEvents.countDocuments({ action: "petition.export" })).toBe(0);
  });
});

describe("statistics and export for delivery", () => {
  it("the coordinator sees live counts per province and per day", async () => {
    const admin = bot.emulator.user(ADMIN_ID)!;
    const second = bot.emulator.createUser({ languageCode: "fa" });
    second.sendCommand("start", `p_${ref}`);
    const card = await second.waitForText(FA_TITLE);
    await signInPersian(second, card.messageId, { name: "Maryam Rahimi", province: "اردبیل", relation: "خواهرش هستم", news: false });

    admin.sendCommand("managepetitions");
    const list = await admin.waitForText("Petitions (newest first)");
    await press(admin, new RegExp(`Open · ${EN_TITLE}`), /Status: Open/, { messageId: list.messageId });
    await press(admin, "📊 Statistics", "Signatures: 2");
    const stats = plain(admin.lastBotMessage()!.text);
    expect(stats).toContain("Ardabil: 1");
    expect(stats).toContain("Outside Iran: 1");
    expect(stats).toContain("27 Nov 2026: 2");
    expect(stats).not.toContain("Milestones reached");
  });

  it("the export sends a UTF-8 CSV with BOM, the text with totals, the appeals, and then their photos and voices", async () => {
    const admin = bot.emulator.user(ADMIN_ID)!;
    admin.sendCommand("managepetitions");
    const list = await admin.waitForText("Petitions (newest first)");
    await press(admin, new RegExp(`Open · ${EN_TITLE}`), /Status: Open/, { messageId: list.messageId });
    admin.pressButton("📥 Export");
    const offer = await admin.waitForText("2 photos and voice messages belong to this export.");
    const documents = admin.botMessages().filter((m) => m.document && m.messageId < offer.messageId).slice(-3);
    expect(documents.map((d) => plain(d.caption))).toEqual([
      "Signatures: 2 (CSV, UTF-8)",
      "Personal appeals: 3, with 2 photos and voice messages",
      "The petition text with the totals",
    ]);
    const [signaturesCsv, appealsCsv, textFile] = documents.map((d) => bot.emulator.fileContent(d.document!)!.toString("utf8"));

    expect(signaturesCsv!.charCodeAt(0)).toBe(0xfeff);
    const rows = signaturesCsv!.slice(1).split("\r\n");
    expect(rows[0]).toBe(SIGNATURE_COLUMNS.join(","));
    expect(rows).toHaveLength(4); // header, two signatures, the empty string after the last CRLF
    expect(rows[1]).toMatch(/^1,2026-11-27T10:00:00\.000Z,2026-11-27,,anonymous,,,آلمان,,1,A-0001 A-0002 A-0003$/);
    expect(rows[2]).toMatch(/^2,2026-11-27T10:00:00\.000Z,2026-11-27,Maryam Rahimi,full,Ardabil,اردبیل,,sister,1,$/);

    expect(appealsCsv!.charCodeAt(0)).toBe(0xfeff);
    expect(appealsCsv).toContain("A-0001,2026-11-27T10:00:00.000Z,1,,voice,,A-0001.ogg,");
    expect(appealsCsv).toContain("A-0002,2026-11-27T10:00:00.000Z,1,,photo,نامهٔ دست‌نوشتهٔ مادر,A-0002.jpg,");
    expect(appealsCsv).toContain("پسرم، سی سال است منتظرت هستیم. صدایت را می‌خواهیم بشنویم.");

    expect(textFile).toContain(FA_TITLE);
    expect(textFile).toContain(FA_BODY.replace("\n", "\r\n"));
    expect(textFile).toContain(EN_BODY);
    expect(textFile).toContain(`To: ${ADDRESSEE}`);
    expect(textFile).toContain("Signatures: 2 · withdrawn over time: 2 · personal appeals: 3");

    await press(admin, "📎 Send them", "All 2 were sent.");
    const sent = admin.botMessages().filter((m) => m.photo || m.voice);
    expect(sent.map((m) => m.caption)).toEqual(["A-0001", "A-0002"]);
    expect(await bot.app.models.auditEvents.countDocuments({ action: "petition.export", subjectId: ref, actorId: refOf(ADMIN_ID) })).toBe(1);
  });

  it("letters to relatives are exported on their own", async () => {
    const admin = bot.emulator.user(ADMIN_ID)!;
    admin.sendCommand("managepetitions");
    await admin.waitForText("Petitions (newest first)");
    await press(admin, "📥 Export letters to relatives", "Letters to relatives: 1, with 0 photos and voice messages");
    const csv = bot.emulator.fileContent(admin.lastBotMessage()!.document!)!.toString("utf8");
    expect(csv.split("\r\n")[0]).toBe("\ufeffletter,created_at,to,from,kind,text,attachment,telegram_file_id,file_size_bytes,duration_seconds");
    expect(csv).toContain("L-0001,2026-11-27T10:00:00.000Z,امیر حسن‌زاده,برادرت، رضا,text,امیر جان، همه سلام می‌رسانند.,,,,");
  });
});

describe("sharing with inline mode", () => {
  it("@bot in any chat offers open petitions as cards with a link to sign", async () => {
    const sharer = bot.emulator.createUser({ languageCode: "en" });
    sharer.sendInlineQuery("");
    const all = await sharer.waitForInlineAnswer();
    expect(all.results.map((r) => r.id)).toEqual([ref]);
    expect(all.isPersonal).toBe(true);
    const card = all.results[0] as { title: string; input_message_content: { message_text: string }; reply_markup: { inline_keyboard: { text: string; url: string }[][] } };
    expect(card.title).toBe(EN_TITLE);
    expect(plain(card.input_message_content.message_text)).toContain(`To: ${ADDRESSEE}`);
    expect(card.reply_markup.inline_keyboard[0]?.[0]).toEqual({ text: "✍️ Read and sign", url: `https://t.me/family_reach_test_bot?start=p_${ref}` });

    sharer.sendInlineQuery("call home");
    expect((await sharer.waitForInlineAnswer()).results.map((r) => r.id)).toEqual([ref]);
    sharer.sendInlineQuery("nothing like this");
    expect((await sharer.waitForInlineAnswer()).results).toEqual([]);
  });
});
