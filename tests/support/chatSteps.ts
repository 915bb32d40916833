import type { EmulatedUser } from "../../src/emulator/index.js";

/** The user types an answer; resolves when the bot's next message matching `expected` arrives. */
export async function answer(user: EmulatedUser, text: string, expected: string | RegExp): Promise<void> {
  user.sendText(text);
  await user.waitForText(expected);
}

/** The user presses an inline button; resolves when the bot's message matching `expected` arrives. */
export async function press(user: EmulatedUser, label: string | RegExp, expected: string | RegExp, opts: { messageId?: number } = {}): Promise<void> {
  user.pressButton(label, opts);
  await user.waitForText(expected);
}
