import { sendingMethods } from "../../src/emulator/callLog.js";
import type { CallStats, TelegramEmulator } from "../../src/emulator/index.js";

/** How fast the emulator accepted sends, first to last: the figure a benchmark holds against its cap. */
export function sendRate(emulator: TelegramEmulator, cap: number): { stats: CallStats; accepted: number; seconds: number; ratio: number } {
  const stats = emulator.state.log.summary();
  const sendingCalls = Object.entries(stats.byMethod)
    .filter(([method]) => sendingMethods.has(method))
    .reduce((sum, [, m]) => sum + m.calls, 0);
  const accepted = sendingCalls - stats.refused429;
  const seconds = ((stats.lastSendAt ?? 0) - (stats.firstSendAt ?? 0)) / 1000;
  return { stats, accepted, seconds, ratio: seconds > 0 ? accepted / seconds / cap : 0 };
}
