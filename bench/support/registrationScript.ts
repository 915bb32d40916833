// Registration as a simulated person goes through it in English, one action a step, each with the
// words of the bot's answer that show it was understood (the next question). The same steps as
// tests/support/registrationSteps.ts, as data: a benchmark times each step on its own.

import type { EmulatedUser } from "../../src/emulator/index.js";

export interface ScriptStep {
  act: (user: EmulatedUser) => void;
  /** Text of the bot's answer to this step. */
  answer: string;
}

const press = (label: string, answer: string): ScriptStep => ({ act: (user) => user.pressButton(label), answer });
const type = (text: string, answer: string): ScriptStep => ({ act: (user) => user.sendText(text), answer });

/** From /register to the saved case: 19 actions. */
export function registrationScript(name: string): ScriptStep[] {
  return [
    { act: (user) => user.sendCommand("register"), answer: "Before we start, please read this." },
    press("✅ I agree, continue", "Who are you to the person you are looking for?"),
    press("I am the sister", "What is their full name?"),
    type(name, "Other spellings"),
    press("⏭ Skip", "a man or a woman"),
    press("Man", "In which year were they born?"),
    type("1962", "In which year did they leave"),
    type("1982", "From where did they leave"),
    press("⏭ Skip", "Where do you believe they are now?"),
    press("I do not know", "If you have a photo"),
    press("⏭ Skip", "anything else that could help"),
    press("⏭ Skip", "In which province do you live?"),
    press("Fars", "In which city or town?"),
    press("⏭ Skip", "last have any contact"),
    press("⏭ Skip", "How was that last contact?"),
    press("A letter", "How would you like the association to reach you?"),
    press("Here in Telegram", "Please check your answers."),
    press("✅ Save", "Your registration is saved."),
  ];
}
