// Every Bot API method the emulator speaks, looked up case-insensitively like Telegram does.
import { botSettingsMethods } from "./botSettings.js";
import { editMethods } from "./editMessages.js";
import { interactionMethods } from "./interactions.js";
import type { MethodSpec } from "./methodTypes.js";
import { sendMethods } from "./sendMessages.js";
import { updateMethods } from "./updates.js";

const byLowerName = new Map<string, MethodSpec>(
  [...sendMethods, ...editMethods, ...updateMethods, ...botSettingsMethods, ...interactionMethods].map((spec) => [
    spec.name.toLowerCase(),
    spec,
  ]),
);

export function findMethod(name: string): MethodSpec | undefined {
  return byLowerName.get(name.toLowerCase());
}

export type { MethodContext, MethodSpec, PreparedCall } from "./methodTypes.js";
