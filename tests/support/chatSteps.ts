import type { EmulatedUser } from "../../src/emulator/index.js";

/** The user types an answer; resolves when the bot's next message matching `expected` arrives. */
export async function answer(user: EmulatedUser, text: string, expected: string | RegExp, opts: { timeoutMs?: number } = {}): Promise<void> {
  user.sendText(text);
  await user.waitForText(expected, opts);
}

/** The user presses an inline button; resolves when the bot's message matching `expected` arrives. */
export async function press(user: EmulatedUser, label: string | RegExp, expected: string | RegExp, opts: { messageId?: number; timeoutMs?: number } = {}): Promise<void> {
  const { timeoutMs, ...where } = opts;
  user.pressButton(label, where);
  await user.waitForText(expected, timeoutMs !== undefined ? { timeoutMs } : {});
}
