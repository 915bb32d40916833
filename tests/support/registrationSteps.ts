// The registration conversation as a user goes through it, for tests whose story passes through it.
import type { EmulatedUser } from "../../src/emulator/index.js";
import { answer, press } from "./chatSteps.js";

const consent = {
  en: { screen: "Before we start, please read this.", agree: "✅ I agree, continue", firstQuestion: "Who are you to the person you are looking for?" },
  fa: { screen: "پیش از شروع، لطفاً این را بخوانید.", agree: "✅ موافقم، ادامه", firstQuestion: "مرحلهٔ ۱ از" },
} as const;

/** /register and the consent screen agreed to: the first question (who the user is to the missing person) is on screen. */
export async function startRegistration(user: EmulatedUser, language: keyof typeof consent = "en"): Promise<void> {
  const steps = consent[language];
  user.sendCommand("register");
  await user.waitForText(steps.screen);
  await press(user, steps.agree, steps.firstQuestion);
}

/** Where the family lives: a province of Iran (its city skipped), or a country outside Iran as typed. */
export type FamilyHome = { province: string } | { abroad: string };

/**
 * A sister registers her brother in English, from the first question to the summary, every answer
 * valid; the family lives in Fars unless `home` says otherwise.
 */
export async function answerEveryQuestion(user: EmulatedUser, name = "Reza Karimi", home: FamilyHome = { province: "Fars" }): Promise<void> {
  await press(user, "I am the sister", "What is their full name?");
  await answer(user, name, "Other spellings");
  await press(user, "⏭ Skip", "a man or a woman");
  await press(user, "Man", "In which year were they born?");
  await answer(user, "1962", "In which year did they leave");
  await answer(user, "1982", "From where did they leave");
  await press(user, "⏭ Skip", "Where do you believe they are now?");
  await press(user, "I do not know", "If you have a photo");
  await press(user, "⏭ Skip", "anything else that could help");
  await press(user, "⏭ Skip", "In which province do you live?");
  if ("abroad" in home) {
    await press(user, "🌍 Outside Iran", "In which country do you live?");
    await answer(user, home.abroad, "last have any contact");
  } else {
    await press(user, home.province, "In which city or town?");
    await press(user, "⏭ Skip", "last have any contact");
  }
  await press(user, "⏭ Skip", "How was that last contact?");
  await press(user, "A letter", "How would you like the association to reach you?");
  await press(user, "Here in Telegram", "Please check your answers.");
}
