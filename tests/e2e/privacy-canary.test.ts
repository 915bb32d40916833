import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatedUser } from "../../src/emulator/index.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { answer, press } from "../support/chatSteps.js";
import { startRegistration } from "../support/registrationSteps.js";
import { openPetition } from "../support/petitions.js";
import { captureLogs } from "../support/logCapture.js";

/**
 * The canary test: canary values go into every free-text step a person can type into (registration,
 * an edit, appeals, letters, a petition signature, a broadcast, case notes), a shared phone contact,
 * canary Telegram names, usernames and ids. Then a raw dump of EVERY collection the database lists
 * (so a collection added later is covered without touching this test) and every log line must hold
 * none of them. Every canary text carries the marker "zqxw" (lower case in the dump, any case).
 */
const MARK = "zqxw";
const FAMILY = { id: 7_770_123_456, firstName: "Qanarifirst", lastName: "Qanarilast", username: "qanari_family" };
const COORDINATOR = { id: 7_770_223_457, firstName: "Qanaricoord", lastName: "Qanarichief", username: "qanari_coord" };
const VOLUNTEER = { id: 7_770_323_458, firstName: "Qanarivol", lastName: "Qanarihelper", username: "qanari_vol" };
const PHONE_DIGITS = "9127771234";
const canaryIds = [FAMILY.id, COORDINATOR.id, VOLUNTEER.id].map(String);
const canaryNames = ["qanari"];

const { logger: capturingLogger, lines: logLines } = captureLogs();

let bot: TestBot;
let family: EmulatedUser;
let coordinator: EmulatedUser;
let reference = "";
let petitionRef = "";
/** Every file id the emulator hands out ends so (photos of the relative and of letters are canaries too). */
const FILE_ID_MARK = "_emu";

beforeAll(async () => {
  bot = await startTestBot({ adminIds: [COORDINATOR.id], logger: capturingLogger });
  family = bot.emulator.createUser({ ...FAMILY, languageCode: "en" });
  coordinator = bot.emulator.createUser({ ...COORDINATOR, languageCode: "en" });
});
afterAll(() => bot?.stop());


describe("a hostile reader of a database copy or of the logs finds nothing personal", () => {
  it("a family registers with canary answers, a photo and a shared phone number", async () => {
    family.sendCommand("start");
    await family.waitForText("Choose from the menu below.");
    await startRegistration(family);
    await press(family, "I am the sister", "What is their full name?");
    await answer(family, `Kanarname Zqxwname`, "Other spellings");
    await answer(family, `Kanarother Zqxwother`, "a man or a woman");
    await press(family, "Man", "In which year were they born?");
    await answer(family, "1962", "In which year did they leave");
    await answer(family, "1982", "From where did they leave");
    await answer(family, `Kanarplace Zqxwplace`, "Where do you believe they are now?");
    await press(family, "Somewhere else", "Please write where you believe they are.");
    await answer(family, `Kanarwhere Zqxwwhere`, "If you have a photo");
    family.sendPhoto();
    await family.waitForText("anything else that could help");
    await answer(family, `kanarnotes ${MARK}notes`, "In which province do you live?");
    await press(family, "Fars", "In which city or town?");
    await answer(family, `Kanarcity Zqxwcity`, "last have any contact");
    await press(family, "⏭ Skip", "How was that last contact?");
    await press(family, "A letter", "How would you like the association to reach you?");
    await press(family, "By phone call", "Please share your phone number");
    family.sendContact({ phoneNumber: `+98 912 777 1234` });
    await family.waitForText("Please check your answers.");
    family.pressButton("✅ Save");
    const saved = plain((await family.waitForText("Your registration is saved.")).text);
    reference = /(\d{4}-\d{4}-\d)/.exec(saved)![1]!;
  });

  it("she edits her notes through /mycases", async () => {
    family.sendCommand("mycases");
    await family.waitForText("Your registrations (1)");
    await press(family, /^Kanarname Zqxwname/, "Case");
    await press(family, "✏️ Change", "Please check your answers.");
    await press(family, "✏️ Notes", "anything else that could help");
    await answer(family, `kanaredit ${MARK}edit`, "Please check your answers.");
    await press(family, "✅ Save the changes", "Your changes are saved.");
  });

  it("a coordinator moves her case with a family note and an internal note", async () => {
    coordinator.sendCommand("case", reference);
    await coordinator.waitForText("Families following this case: 1");
    await press(coordinator, "➡️ Being reviewed", "Write a short note for the family");
    await answer(coordinator, `kanarfamilynote ${MARK}familynote`, "Write an internal note");
    await answer(coordinator, `kanarinternal ${MARK}internal`, /Change case .* to "Being reviewed"\?/);
    await press(coordinator, "✅ Change the status", 'The status is now "Being reviewed". Families told: 1.');
    await family.waitForText(`${MARK}familynote`, { timeoutMs: 10_000 });
  });

  it("she signs a petition with her name and from abroad, and adds a text and a photo appeal", async () => {
    petitionRef = await openPetition(bot.app.services.petitions, { userId: COORDINATOR.id });

    family.sendCommand("start", `p_${petitionRef}`);
    const card = await family.waitForText("Let them call");
    await press(family, "✍️ Sign", "How should your name appear", { messageId: card.messageId });
    await press(family, "✍️ With my name", "Please type your name as it should appear on the list.");
    await answer(family, `Kanarsigner Zqxwsigner`, "Which province do you live in?");
    await press(family, "🌍 I live outside Iran", "In which country do you live?");
    await answer(family, `Kanarland Zqxwland`, "Is one of your relatives in the camp?");
    await press(family, "Sister", "Please check before signing");
    await press(family, "✅ Sign", "Your signature is counted");
    await press(family, "✉️ Add a personal appeal", "Send your appeal now");
    await answer(family, `kanarappeal ${MARK}appeal`, "Your appeal was saved.");

    family.sendCommand("start", `p_${petitionRef}`);
    const again = await family.waitForText("✅ You signed on");
    await press(family, "✉️ Add a personal appeal", "Send your appeal now", { messageId: again.messageId });
    family.sendPhoto({ caption: `kanarcaption ${MARK}caption` });
    await family.waitForText("Your appeal was saved.");
  });

  it("she writes a letter to her relative", async () => {
    family.sendCommand("letter");
    await family.waitForText("Who is the letter for?");
    await answer(family, `Kanarletterto Zqxwto`, "How should the letter be signed?");
    await answer(family, `Kanarletterfrom Zqxwfrom`, "Now send the letter");
    await answer(family, `kanarletter ${MARK}letter`, "Your letter was saved");
  });

  it("a coordinator sends news to all families; it reaches her", async () => {
    coordinator.sendCommand("broadcast");
    await coordinator.waitForText("Who should receive this message?");
    await press(coordinator, "👪 Families", "All provinces, or choose some and press Done.");
    await press(coordinator, "🌐 All provinces", "Send the message in Persian");
    await answer(coordinator, `kanarbroadcastfa ${MARK}broadcastfa`, "Send the English version");
    await answer(coordinator, `kanarbroadcast ${MARK}broadcast`, "Send the Albanian version");
    await press(coordinator, "⏭ Skip", "This message will go to 1 people.");
    await press(coordinator, "📤 Send now", /Finished: 1 sent/, { timeoutMs: 15_000 });
    await family.waitForText(`${MARK}broadcast`, { timeoutMs: 10_000 });
  });

  it("a volunteer joins through an invite link", async () => {
    coordinator.sendCommand("invite");
    await coordinator.waitForText("Which role should the invitation grant?");
    await press(coordinator, "Volunteer", "Choose the provinces");
    coordinator.pressButton("Fars");
    await coordinator.waitForReply();
    coordinator.pressButton(/Done$/);
    const created = await coordinator.waitForText("It works once and expires in");
    const code = /start=inv_([A-Za-z0-9_-]+)/.exec(plain(created.text))![1]!;
    const volunteer = bot.emulator.createUser({ ...VOLUNTEER, languageCode: "en" });
    volunteer.sendCommand("start", `inv_${code}`);
    await volunteer.waitForText("You are now a volunteer");
  });

  it("she leaves a registration half-finished (its state stays stored until she comes back)", async () => {
    await startRegistration(family);
    await press(family, "I am the sister", "What is their full name?");
    await answer(family, `Kanarunfinished Zqxwunfinished`, "Other spellings");
  });

  it("no collection, document or field holds a canary, and no log line does", async () => {
    const db = bot.app.connection.db!;
    const collections = (await db.listCollections().toArray()).map((c) => c.name).sort();
    // The collections this story must have written to (the dump below covers every one listed).
    expect(collections).toEqual(expect.arrayContaining(["users", "cases", "case_links", "case_events", "petition_signatures", "appeals", "deliveries", "delivery_jobs", "conversations", "invites", "audit_events"]));
    const leaks: string[] = [];
    for (const name of collections) {
      const documents = await db.collection(name).find({}).toArray();
      for (const document of documents) {
        const raw = JSON.stringify(document).toLowerCase();
        for (const canary of [MARK, "kanar", ...canaryNames, ...canaryIds, PHONE_DIGITS, FILE_ID_MARK]) {
          if (raw.includes(canary)) leaks.push(`${name}: ${canary}`);
        }
      }
    }
    expect(leaks).toEqual([]);

    // Proof that the values were really stored (encrypted): the family's own data export shows them.
    const ownCases = await bot.app.services.cases.listForFamily(FAMILY.id);
    expect(ownCases.map((c) => c.fullName)).toEqual(["Kanarname Zqxwname"]);

    const logLeaks = logLines.filter((line) => [MARK, "kanar", ...canaryNames, ...canaryIds, PHONE_DIGITS].some((c) => line.toLowerCase().includes(c)));
    expect(logLeaks).toEqual([]);
    expect(logLines.length).toBeGreaterThan(50);
  });
});
