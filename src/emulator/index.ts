// Public entry of the Telegram Bot API emulator.
export { TelegramEmulator } from "./emulator.js";
export { EmulatedUser } from "./emulatedUser.js";
export { EmulatedGroup } from "./emulatedGroup.js";
export type { CallStats } from "./callLog.js";
export type { QuietOptions } from "./botActivity.js";
export type { WebAppLaunch, WebAppSource } from "./webApps.js";
export type {
  ApiCall,
  CallbackAnswer,
  ChatMessage,
  EmulatorFaults,
  EmulatorLimits,
  EmulatorOptions,
  InlineButtonView,
} from "./types.js";
