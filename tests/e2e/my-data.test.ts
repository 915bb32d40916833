// Families can see and erase their data (issue #8, section 3). A mother who registered her son (a
// case merged with her other son's registration of the same brother), signed two petitions with
// personal messages, wrote a letter and received news asks for her data, then erases it. A raw
// dump of every collection the database lists — a new collection is covered without editing this
// test — with every encrypted value decrypted holds no trace of her afterwards; her son's case,
// answers and signature are intact and the petition counts are right.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unpack } from "../../src/db/conversationStorage.js";
import { formatDigits } from "../../src/domain/digits.js";
import type { PersonalData } from "../../src/domain/personalData.js";
import { buildActor } from "../../src/domain/roles.js";
import type { ChatMessage, EmulatedUser } from "../../src/emulator/index.js";
import { ENCRYPTED_VALUE_PATTERN } from "../../src/security/fieldCipher.js";
import { forEachString } from "../../src/security/storedValues.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { answer, press } from "../support/chatSteps.js";
import { startRegistration } from "../support/registrationSteps.js";
import { sampleRegistration } from "../support/fixtures.js";
import { openPetition } from "../support/petitions.js";
import { refOf, testCipher } from "../support/userRefs.js";
import { waitUntil } from "../support/waitUntil.js";

// Real-looking ten-digit ids: a match in the dump cannot be a coincidence of short numbers.
const COORDINATOR_ID = 6_220_418_375;
const MOTHER_ID = 7_412_093_586;
const SON_ID = 5_830_274_619;
const coordinator = buildActor({ userId: COORDINATOR_ID, grants: [], isAdmin: true });

/** Everything the mother typed or sent; none of it may survive her erasure. */
const MOTHER = {
  relativeName: "Behrouz Tavakoli",
  otherNames: "Behi Canaryname",
  leftPlace: "Canary bus station",
  notes: "mother-canary-note about his scar",
  city: "Canaryabad",
  phone: "+989121110000",
  signerName: "Zahra Canarysigner",
  appealText: "mother-canary-appeal: come home, my son",
  photoCaption: "mother-canary-caption",
  photoFileId: "AgACAgIAAxkBAAI-mother-canary-photo",
  voiceFileId: "AwACAgIAAxkBAAI-mother-canary-voice",
  letterTo: "mother-canary-recipient",
  letterFrom: "mother-canary-sender",
  letterText: "mother-canary-letter: we are all waiting",
  unfinishedName: "mother-canary-unfinished",
};
const SON = { relativeName: "بهروز توکلی", notes: "son-own-note", leftPlace: "Tabriz" };
const FAMILY_NOTE = "We wrote to the agency in Tirana.";

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ adminIds: [COORDINATOR_ID] });
});
afterAll(() => bot?.stop());

/** Every document of every collection, as JSON, followed by every encrypted value it holds, decrypted. */
async function rawDump(): Promise<string> {
  const db = bot.app.connection.db!;
  const parts: string[] = [];
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    for (const document of await db.collection(name).find({}).toArray()) {
      parts.push(`${name}: ${JSON.stringify(document)}`);
      forEachString(document, (text) => {
        // Conversation states are compressed before they are encrypted: inflated here to be read.
        if (ENCRYPTED_VALUE_PATTERN.test(text)) parts.push(`${name} (decrypted): ${unpack(testCipher.decrypt(text))}`);
      });
    }
  }
  return parts.join("\n");
}

async function startChat(user: EmulatedUser): Promise<void> {
  user.sendCommand("start");
  await user.waitForReply();
}

/** A Persian-only petition with a milestone at 2 signatures. */
const openPersianPetition = (title: string): Promise<string> =>
  openPetition(bot.app.services.petitions, coordinator, { texts: [{ locale: "fa", title, body: "ما خانواده‌ها خواهش می‌کنیم راه تماس را باز کنید." }], milestones: [2] });

const documentsAfter = (user: EmulatedUser, messageId: number): ChatMessage[] => user.botMessages().filter((m) => m.document && m.messageId > messageId);

describe("a mother sees everything stored about her, then erases it", () => {
  let mother: EmulatedUser;
  let son: EmulatedUser;
  let caseId = "";
  let openRef = "";
  let deliveredRef = "";
  let erasedAt = 0;
  let caseReferenceInPersian = "";

  it("she has a case (merged with her son's registration), signatures with messages, a letter and news", async () => {
    mother = bot.emulator.createUser({ id: MOTHER_ID, languageCode: "fa" });
    son = bot.emulator.createUser({ id: SON_ID, languageCode: "en" });
    const admin = bot.emulator.createUser({ id: COORDINATOR_ID, languageCode: "en" });
    await startChat(mother);
    await startChat(son);
    await startChat(admin);

    const mothers = await bot.app.services.cases.register({
      userId: MOTHER_ID,
      locale: "fa",
      draft: sampleRegistration({
        fullName: MOTHER.relativeName,
        otherNames: MOTHER.otherNames,
        leftPlace: MOTHER.leftPlace,
        notes: MOTHER.notes,
        familyProvince: "ardabil",
        familyCity: MOTHER.city,
        contactPreference: "phone",
        phone: MOTHER.phone,
        birthYear: 1963,
      }),
      consentAt: new Date(),
    });
    caseId = mothers.caseId;
    caseReferenceInPersian = formatDigits(mothers.reference, "fa");
    const sons = await bot.app.services.cases.register({
      userId: SON_ID,
      locale: "en",
      draft: sampleRegistration({ relation: "brother", fullName: SON.relativeName, notes: SON.notes, leftPlace: SON.leftPlace, familyProvince: "ardabil", birthYear: 1963 }),
      consentAt: new Date(),
    });
    expect(sons.possibleDuplicate).toBe(true);

    // The coordinator confirms the son's registration is the same brother.
    admin.sendCommand("case", sons.reference);
    await admin.waitForText("Possibly the same person as");
    await press(admin, `🔗 Same person as ${mothers.reference}`, "now follow the other case");

    // News about the case reaches both.
    const changed = await bot.app.services.cases.changeStatus(coordinator, caseId, { to: "under_review", familyNote: FAMILY_NOTE });
    expect(changed).toMatchObject({ ok: true, value: { notified: 2 } });
    await mother.waitForText(FAMILY_NOTE, { timeoutMs: 10_000 });
    await son.waitForText(FAMILY_NOTE, { timeoutMs: 10_000 });

    // Two petitions: she signs both with her name (with personal messages on one), her son signs the first.
    openRef = await openPersianPetition("بگذارید به خانه زنگ بزنند");
    deliveredRef = await openPersianPetition("طومار نامه‌ها");
    const sign = (userId: number, ref: string, name?: string) =>
      bot.app.services.petitions.sign({ userId, ref, seenVersion: 1, nameDisplay: name ? "full" : "anonymous", name, province: "ardabil", relation: "mother", notify: true, locale: "fa" });
    expect(await sign(MOTHER_ID, openRef, MOTHER.signerName)).toMatchObject({ ok: true });
    expect(await sign(SON_ID, openRef)).toMatchObject({ ok: true, value: { count: 2 } });
    expect(await sign(MOTHER_ID, deliveredRef, MOTHER.signerName)).toMatchObject({ ok: true });
    const appeals = bot.app.services.appeals;
    expect((await appeals.addToSignature(MOTHER_ID, openRef, { kind: "text", text: MOTHER.appealText })).ok).toBe(true);
    expect((await appeals.addToSignature(MOTHER_ID, openRef, { kind: "photo", fileId: MOTHER.photoFileId, fileUniqueId: "uq-mother-photo", text: MOTHER.photoCaption })).ok).toBe(true);
    expect((await appeals.addToSignature(MOTHER_ID, openRef, { kind: "voice", fileId: MOTHER.voiceFileId, fileUniqueId: "uq-mother-voice", durationSeconds: 75 })).ok).toBe(true);
    expect((await appeals.addLetter(MOTHER_ID, { recipientName: MOTHER.letterTo, senderName: MOTHER.letterFrom, content: { kind: "text", text: MOTHER.letterText } })).ok).toBe(true);
    // The first petition reached its milestone of 2: both signers get the news.
    await mother.waitForText("بگذارید به خانه زنگ بزنند", { timeoutMs: 10_000 });

    // The second petition is handed over with her signature: 1.
    expect((await bot.app.services.petitions.changeStatus(coordinator, deliveredRef, "closed")).ok).toBe(true);
    expect((await bot.app.services.petitions.changeStatus(coordinator, deliveredRef, "delivered")).ok).toBe(true);
    expect((await bot.app.services.petitions.get(deliveredRef))?.count).toBe(1);

    // News from the association to every family.
    const news = await bot.app.services.broadcasts.start(coordinator, {
      audience: { kind: "families", provinces: "all" },
      contentByLocale: { fa: { text: "نشست خانواده‌ها جمعه ساعت ۱۸" }, en: { text: "Families meet on Friday at 18:00" } },
      progressChat: { chatId: COORDINATOR_ID, locale: "en" },
    });
    expect(news.ok).toBe(true);
    await mother.waitForText("نشست خانواده‌ها", { timeoutMs: 10_000 });
    await son.waitForText("Families meet on Friday", { timeoutMs: 10_000 });
    await waitUntil(async () => (await bot.app.models.deliveryJobs.countDocuments({ finishedAt: null })) === 0, 10_000, "every news job finished");

    // She starts a second registration and leaves it unfinished.
    await startRegistration(mother, "fa");
    await press(mother, "مادرش هستم", "نام کامل او چیست؟");
    await answer(mother, MOTHER.unfinishedName, "مرحلهٔ ۳ از");
  });

  it("/mydata sends her a readable Persian file and the same as JSON, with her own answers only", async () => {
    const before = mother.lastBotMessage()!.messageId;
    mother.sendCommand("mydata");
    await waitUntil(() => documentsAfter(mother, before).length === 2, 10_000, "two documents");
    const [textFile, jsonFile] = documentsAfter(mother, before);
    expect(plain(textFile!.caption)).toBe("همهٔ آنچه از شما نگه داشته‌ایم، برای خواندن در گوشی.");
    const text = bot.emulator.fileContent(textFile!.document!)!.toString("utf8");
    const json = bot.emulator.fileContent(jsonFile!.document!)!.toString("utf8");

    // A text file any phone opens: UTF-8 with a byte order mark, every Persian line starting right to left.
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split("\r\n").filter(Boolean);
    expect(lines.every((line) => line.startsWith("\u200f"))).toBe(true);
    const readable = plain(text);
    expect(readable).toContain("همهٔ آنچه این ربات از شما نگه می‌دارد");
    for (const own of [MOTHER.relativeName, MOTHER.otherNames, MOTHER.leftPlace, MOTHER.notes, MOTHER.city, MOTHER.phone, MOTHER.signerName, MOTHER.appealText, MOTHER.letterTo, MOTHER.letterText, FAMILY_NOTE]) {
      expect(readable).toContain(own);
    }
    expect(readable).toContain("• نام: Behrouz Tavakoli");
    expect(readable).toContain(`پرونده ${caseReferenceInPersian} — در حال بررسی`);
    expect(readable).toContain("یک عکس — mother-canary-caption");
    expect(readable).toContain("یک پیام صوتی (۷۵ ثانیه)");
    expect(readable).toContain("پاسخ‌های کاری که هنوز تمام نکرده‌اید");
    // Her son's own answers are his, even though they follow one case.
    for (const his of [SON.relativeName, SON.notes, SON.leftPlace]) expect(readable).not.toContain(his);

    const data = JSON.parse(json) as PersonalData;
    expect(data.cases).toHaveLength(1);
    expect(data.cases[0]!.answers).toMatchObject({ fullName: MOTHER.relativeName, notes: MOTHER.notes, familyCity: MOTHER.city, phone: MOTHER.phone });
    expect(data.signatures.map((s) => s.name)).toEqual([MOTHER.signerName, MOTHER.signerName]);
    expect(data.signatures[0]!.appeals.map((a) => a.kind)).toEqual(["text", "photo", "voice"]);
    expect(data.letters).toEqual([expect.objectContaining({ to: MOTHER.letterTo, from: MOTHER.letterFrom, text: MOTHER.letterText })]);
    expect(data.messages.items.map((m) => m.kind).sort()).toEqual(["broadcast", "case-status", "petition-milestone"]);
    expect(data.unfinishedConversation).toBe(true);
    expect(json).not.toContain(SON.notes);

    // The audit trail records that she asked, nothing of what was sent.
    const entry = await bot.app.models.auditEvents.findOne({ action: "mydata.export" }).lean();
    expect(entry).toMatchObject({ actorId: refOf(MOTHER_ID) });
    expect(entry?.details).toBeUndefined();

    // The next copy lists that request in her words, not as a code.
    const second = mother.lastBotMessage()!.messageId;
    mother.sendCommand("mydata");
    await waitUntil(() => documentsAfter(mother, second).length === 2, 10_000, "two documents again");
    const again = plain(bot.emulator.fileContent(documentsAfter(mother, second)[0]!.document!)!.toString("utf8"));
    expect(again).toContain("اطلاعات خودش را گرفت");
    expect(again).not.toContain("mydata.export");
  });

  it("“🔒 My data” in the menu offers both; erasing asks once, and “No” erases nothing", async () => {
    mother.pressReplyButton("🔒 اطلاعات من");
    await mother.waitForText("آنچه از شما نگه داشته‌ایم مال خود شماست.");
    await press(mother, "🗑 همهٔ اطلاعاتم را پاک کن", "آیا می‌خواهید همهٔ آنچه از شما نگه داشته‌ایم پاک شود؟");
    await press(mother, "نه، اطلاعاتم بماند", "چیزی پاک نشد.");
    expect(await bot.app.models.caseLinks.countDocuments({ userId: refOf(MOTHER_ID) })).toBe(1);
    expect((await bot.app.services.petitions.get(openRef))?.count).toBe(2);
  });

  it("after “Yes, erase everything” no trace of her is left; her son and the counts are intact", async () => {
    // The dump does see her before: her pseudonym and every value she typed or sent are in it.
    const before = await rawDump();
    expect(before).toContain(refOf(MOTHER_ID));
    for (const [field, value] of Object.entries(MOTHER)) expect(before, field).toContain(value);

    erasedAt = Date.now();
    mother.sendCommand("deletemydata");
    await mother.waitForText("آیا می‌خواهید همهٔ آنچه از شما نگه داشته‌ایم پاک شود؟");
    await press(mother, "بله، همه را پاک کن", "همهٔ آنچه از شما نگه داشته بودیم پاک شد.");

    const dump = await rawDump();
    expect(dump).not.toContain(refOf(MOTHER_ID));
    expect(dump).not.toContain(String(MOTHER_ID));
    for (const [field, value] of Object.entries(MOTHER)) expect(dump, field).not.toContain(value);
    // Nothing typed in the unfinished registration either: that conversation is gone.
    expect(await bot.app.connection.db!.collection("conversations").countDocuments({ key: `conv:${refOf(MOTHER_ID)}` })).toBe(0);

    // Her son still follows the case, which now shows his own answers.
    const view = await bot.app.services.cases.getForFamily(SON_ID, caseId);
    expect(view?.draft).toMatchObject({ fullName: SON.relativeName, notes: SON.notes, leftPlace: SON.leftPlace });
    expect(view?.status).toBe("under_review");
    expect(view?.timeline.some((e) => e.familyNote === FAMILY_NOTE)).toBe(true);
    expect(await bot.app.models.petitionSignatures.countDocuments({ userId: refOf(SON_ID) })).toBe(1);

    // The open petition lost her signature; the delivered one keeps the total it was delivered with.
    expect((await bot.app.services.petitions.get(openRef))?.count).toBe(1);
    expect((await bot.app.services.petitions.get(deliveredRef))?.count).toBe(1);
    const delivered = await bot.app.models.petitions.findOne({ ref: deliveredRef }).lean();
    expect(await bot.app.models.petitionSignatures.countDocuments({ petitionId: delivered!._id })).toBe(0);

    // The audit trail keeps the actions and their times, done by "erased".
    expect(await bot.app.models.auditEvents.findOne({ action: "mydata.export" }).lean()).toMatchObject({ actorId: "erased" });
    expect(await bot.app.models.auditEvents.countDocuments({ action: "mydata.erase", actorId: "erased" })).toBe(1);
    // The news already sent keep their figures.
    const broadcast = await bot.app.models.deliveryJobs.findOne({ kind: "broadcast" }).lean();
    expect(broadcast?.summary).toMatchObject({ sent: 2 });
  });

  it("when she writes again she is a new user, in her Telegram's language", async () => {
    mother.sendCommand("start");
    await mother.waitForText("سلام");
    const user = await bot.app.models.users.findById(refOf(MOTHER_ID)).lean();
    expect(user?.firstSeenAt.getTime()).toBeGreaterThanOrEqual(erasedAt);
    expect(user?.locale).toBeUndefined();
    expect(user?.roles ?? []).toEqual([]);
    mother.sendCommand("mycases");
    await mother.waitForText("هنوز کسی را ثبت نکرده‌اید");
    // Her unfinished registration does not come back from what the bot remembered of her chat.
    await bot.emulator.waitForQuiet();
    expect(await bot.app.conversations.read(`conv:${refOf(MOTHER_ID)}`)).toBeUndefined();
  });
});

describe("a volunteer who erases themself loses the role; the admin by configuration stays admin", () => {
  it("the volunteer's role and the invite they used are gone; the admin erases themself and is still admin", async () => {
    const volunteer = bot.emulator.createUser({ languageCode: "en" });
    await startChat(volunteer);
    const invite = await bot.app.services.team.createInvite(coordinator, "volunteer", ["ardabil"]);
    if (!invite.ok) throw new Error(invite.error);
    expect((await bot.app.services.team.acceptInvite(volunteer.id, invite.value.code)).ok).toBe(true);
    expect((await bot.app.services.users.actorNow(volunteer.id)).roles).toContain("volunteer");

    volunteer.sendCommand("deletemydata");
    const question = await volunteer.waitForText("Do you want to erase everything we keep about you?");
    const yes = question.inlineKeyboard!.flat().find((b) => b.text === "Yes, erase everything")!.callbackData!;
    await press(volunteer, "Yes, erase everything", "Everything we kept about you has been erased.");
    expect((await bot.app.services.users.actorNow(volunteer.id)).roles).not.toContain("volunteer");
    // A double tap erases again, quietly: no error for the user.
    const answered = volunteer.callbackAnswers().length;
    volunteer.pressCallback(question.messageId, yes);
    await waitUntil(() => volunteer.callbackAnswers().length > answered, 5_000, "the second tap answered");
    await bot.emulator.waitForQuiet();
    expect(volunteer.botMessages().some((m) => plain(m.text).includes("something went wrong"))).toBe(false);
    expect(await rawDump()).not.toContain(refOf(volunteer.id));

    const admin = bot.emulator.user(COORDINATOR_ID)!;
    admin.sendCommand("deletemydata");
    await admin.waitForText("Do you want to erase everything we keep about you?");
    await press(admin, "Yes, erase everything", "Everything we kept about you has been erased.");
    expect((await bot.app.services.users.actorNow(COORDINATOR_ID)).roles).toContain("admin");
    // What they did as staff stays (petitions, the case's timeline), by nobody in particular.
    expect(await bot.app.models.petitions.countDocuments({ createdBy: "erased" })).toBe(2);
    expect(await rawDump()).not.toContain(refOf(COORDINATOR_ID));
  });
});

describe("withdrawing one case or one signature erases what belongs to it", () => {
  it("a family alone on its case withdraws it: the case, its timeline with notes, the link and its news are gone", async () => {
    const family = bot.emulator.createUser({ languageCode: "en" });
    await startChat(family);
    const saved = await bot.app.services.cases.register({
      userId: family.id,
      locale: "en",
      draft: sampleRegistration({ fullName: "Kourosh Withdrawcanary", notes: "withdraw-canary-note", familyProvince: "qom", familyCity: "Withdrawcanary town" }),
      consentAt: new Date(),
    });
    const changed = await bot.app.services.cases.changeStatus(coordinator, saved.caseId, { to: "under_review", familyNote: "withdraw-canary family note" });
    expect(changed.ok).toBe(true);
    const jobId = `case-status:${changed.ok ? changed.value.eventId : ""}`;
    await family.waitForText("withdraw-canary family note", { timeoutMs: 10_000 });
    await waitUntil(async () => (await bot.app.models.deliveryJobs.findById(jobId).lean())?.finishedAt != null, 10_000, "news job finished");

    family.sendCommand("mycases");
    await family.waitForText("Your registrations (1)");
    await press(family, /^Kourosh Withdrawcanary/, "Case");
    await press(family, "🗑 Withdraw and delete", "Withdraw the registration of");
    await press(family, "Yes, withdraw and delete", "was withdrawn and what you told us was deleted.");

    const id = (await bot.app.models.caseLinks.db.db!.collection("cases").findOne({ reference: saved.reference }))?._id;
    expect(id).toBeUndefined();
    expect(await bot.app.models.caseLinks.countDocuments({ userId: refOf(family.id) })).toBe(0);
    expect(await bot.app.models.deliveryJobs.countDocuments({ _id: jobId })).toBe(0);
    expect(await bot.app.models.deliveries.countDocuments({ jobId })).toBe(0);
    const dump = await rawDump();
    for (const secret of ["Withdrawcanary", "withdraw-canary"]) expect(dump).not.toContain(secret);
  });

  it("a family on a shared case withdraws: its link, its events and its news go; the other family keeps the case", async () => {
    const first = bot.emulator.createUser({ languageCode: "en" });
    const second = bot.emulator.createUser({ languageCode: "en" });
    await startChat(first);
    await startChat(second);
    const draft = (notes: string) => sampleRegistration({ fullName: "Siavash Sharedcase", notes, familyProvince: "gilan", birthYear: 1970 });
    const one = await bot.app.services.cases.register({ userId: first.id, locale: "en", draft: draft("first-shared-canary"), consentAt: new Date() });
    const two = await bot.app.services.cases.register({ userId: second.id, locale: "en", draft: draft("second-own-note"), consentAt: new Date() });
    expect((await bot.app.services.cases.confirmDuplicate(coordinator, two.caseId, one.caseId)).ok).toBe(true);
    const changed = await bot.app.services.cases.changeStatus(coordinator, one.caseId, { to: "under_review", familyNote: "shared news" });
    const jobId = `case-status:${changed.ok ? changed.value.eventId : ""}`;
    await first.waitForText("shared news", { timeoutMs: 10_000 });
    await second.waitForText("shared news", { timeoutMs: 10_000 });
    await waitUntil(async () => (await bot.app.models.deliveryJobs.findById(jobId).lean())?.finishedAt != null, 10_000, "news job finished");

    expect(await bot.app.services.cases.withdraw(first.id, one.caseId)).toMatchObject({ ok: true });
    expect(await bot.app.models.caseLinks.countDocuments({ userId: refOf(first.id) })).toBe(0);
    expect(await bot.app.models.caseEvents.countDocuments({ actorId: refOf(first.id) })).toBe(0);
    expect(await bot.app.models.deliveries.countDocuments({ userId: refOf(first.id) })).toBe(0);
    // The news job stays for the second family with its figures, without its text.
    const job = await bot.app.models.deliveryJobs.findById(jobId).lean();
    expect(job).toMatchObject({ summary: { sent: 2 }, contentByLocale: null });
    expect(await rawDump()).not.toContain("first-shared-canary");
    const view = await bot.app.services.cases.getForFamily(second.id, one.caseId);
    expect(view?.draft).toMatchObject({ notes: "second-own-note" });
  });

  it("a signer takes back a signature: its personal fields, its messages and the milestone news to them are erased", async () => {
    const ref = await openPersianPetition("طومار پس گرفتن");
    const signer = bot.emulator.createUser({ languageCode: "fa" });
    const other = bot.emulator.createUser({ languageCode: "fa" });
    await startChat(signer);
    await startChat(other);
    const sign = (userId: number, name?: string) =>
      bot.app.services.petitions.sign({ userId, ref, seenVersion: 1, nameDisplay: name ? "full" : "anonymous", name, province: "tehran", relation: "sister", notify: true, locale: "fa" });
    expect((await sign(signer.id, "Signature Canaryname")).ok).toBe(true);
    expect((await bot.app.services.appeals.addToSignature(signer.id, ref, { kind: "text", text: "signature-canary appeal" })).ok).toBe(true);
    expect(await sign(other.id)).toMatchObject({ ok: true, value: { count: 2 } });
    await signer.waitForText("طومار پس گرفتن", { timeoutMs: 10_000 });
    const petition = (await bot.app.models.petitions.findOne({ ref }).lean())!;
    const milestoneJob = `petition-milestone:${petition._id.toHexString()}:2`;
    await waitUntil(async () => (await bot.app.models.deliveryJobs.findById(milestoneJob).lean())?.finishedAt != null, 10_000, "milestone news finished");

    signer.sendCommand("start", `p_${ref}`);
    const card = await signer.waitForText("✅ شما در تاریخ");
    await press(signer, "↩️ پس گرفتن امضای من", "می‌خواهید امضایتان را از طومار", { messageId: card.messageId });
    await press(signer, "بله، امضایم را پس می‌گیرم", "امضای شما پس گرفته شد");

    expect((await bot.app.services.petitions.get(ref))?.count).toBe(1);
    const row = await bot.app.models.petitionSignatures.findOne({ petitionId: petition._id, userId: refOf(signer.id) }).lean();
    expect(row).toMatchObject({ state: "withdrawn", name: null, province: null, country: null, relation: null, notify: false });
    expect(await bot.app.models.appeals.countDocuments({ userId: refOf(signer.id) })).toBe(0);
    expect(await bot.app.models.deliveries.countDocuments({ jobId: milestoneJob, userId: refOf(signer.id) })).toBe(0);
    expect(await bot.app.models.deliveries.countDocuments({ jobId: milestoneJob, userId: refOf(other.id) })).toBe(1);
    const dump = await rawDump();
    for (const secret of ["Signature Canaryname", "signature-canary"]) expect(dump).not.toContain(secret);
  });
});
