// Registration as a simulated person goes through it in English, one action a step, each with the
// words of the bot's answer that show it was understood (the next question). The same steps as
// tests/support/registrationSteps.ts, as data: a benchmark times each step on its own.

import { setTimeout as sleep } from "node:timers/promises";
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

/** A person's pause between two actions: 3–5 s, uniform. */
export const THINK_MS = [3_000, 5_000] as const;
/** The mean pause: a person's first action comes within it, so the offered load is even from the start. */
export const MEAN_THINK_MS = (THINK_MS[0] + THINK_MS[1]) / 2;
/** An answer later than this counts as dropped. */
export const ANSWER_TIMEOUT_MS = 60_000;

export interface PersonPace {
  /** The next pause, ms (THINK_MS from a seeded random); null: no pauses (a closed loop). */
  pause: (() => number) | null;
  /** When the first action comes, ms from now. */
  firstActionInMs: number;
  /** No action starts after this (performance.now()); an answer not come by then counts as dropped. */
  deadline: number;
  /** Instead: an answer may come until this (an action started just before the deadline is still answered). */
  answersBy?: number;
  /** Each answered step: its index in the script and the ms from the action to the answer on screen. */
  onAnswer: (step: number, latencyMs: number) => void;
}

/**
 * One person going through `steps`, each action waiting only for the question it answers to be on
 * screen. A person whose answer does not come within ANSWER_TIMEOUT_MS, or before the deadline,
 * stops there: 1 (one dropped answer), else 0.
 */
export async function actAsPerson(user: EmulatedUser, steps: ScriptStep[], pace: PersonPace): Promise<number> {
  let next = performance.now() + pace.firstActionInMs;
  for (const [index, step] of steps.entries()) {
    const wait = next - performance.now();
    if (wait > 0) await sleep(wait);
    if (pace.pause) next += pace.pause();
    const started = performance.now();
    if (started >= pace.deadline) return 0;
    try {
      step.act(user);
      await user.waitForText(step.answer, { timeoutMs: Math.min(ANSWER_TIMEOUT_MS, (pace.answersBy ?? pace.deadline) - started) });
      pace.onAnswer(index, performance.now() - started);
    } catch {
      return 1;
    }
  }
  return 0;
}
