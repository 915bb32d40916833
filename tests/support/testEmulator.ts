import { TelegramEmulator, type EmulatorLimits, type EmulatorOptions } from "../../src/emulator/index.js";

/** Flood limits that never get in the way of a functional test; Telegram's own limits have their own tests. */
export const roomyLimits: Partial<EmulatorLimits> = { perChatPerSecond: 30, perChatBurst: 30, globalPerSecond: 1000 };

/** An emulator for functional tests: stories send bursts to one chat faster than Telegram's ~1/s. */
export function startTestEmulator(options: EmulatorOptions = {}): Promise<TelegramEmulator> {
  return TelegramEmulator.start({ limits: roomyLimits, ...options });
}
