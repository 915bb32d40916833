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

/** A sister registers her brother in English, from the first question to the summary, every answer valid. */
export async function answerEveryQuestion(user: EmulatedUser, name = "Reza Karimi"): Promise<void> {
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
  await press(user, "Fars", "In which city or town?");
  await press(user, "⏭ Skip", "last have any contact");
  await press(user, "⏭ Skip", "How was that last contact?");
  await press(user, "A letter", "How would you like the association to reach you?");
  await press(user, "Here in Telegram", "Please check your answers.");
}
