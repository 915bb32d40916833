// The contract between the dispatcher and each Bot API method.
import { BotApiError, botBlocked, chatNotFound } from "../botApiError.js";
import type { GroupRecord, UserRecord } from "../chatRecords.js";
import { groupChat, privateChat, type EmulatorState } from "../emulatorState.js";
import type { TelegramObject } from "../types.js";
import type { Upload } from "../requestBody.js";

export interface MethodContext {
  state: EmulatorState;
  uploads: Map<string, Upload>;
  /** Aborted when the HTTP client goes away (ends long polls). */
  abort: AbortSignal;
}

/** A validated call. Sending methods stop here so limits and faults apply before anything happens. */
export interface PreparedCall {
  chatId?: number;
  paid?: boolean;
  run(): unknown;
}

export interface MethodSpec {
  name: string;
  /** Counts against flood limits and is subject to injected faults. */
  sending?: boolean;
  /** Answers 403 when the user blocked the bot (chat actions, unlike edits). */
  blockable?: boolean;
  prepare(params: Record<string, unknown>, ctx: MethodContext): PreparedCall | Promise<PreparedCall>;
}

/** Methods without a separate run step. */
export const immediate = (run: () => unknown): PreparedCall => ({ run });

export function startedChat(state: EmulatorState, chatId: number | string): UserRecord {
  const user = typeof chatId === "number" ? state.store.startedUser(chatId) : undefined;
  if (!user) throw chatNotFound();
  return user;
}

/** A chat the bot can write to: a started private chat, or a group it is a member of. */
export interface ChatTarget {
  id: number;
  /** The Chat object as messages in it carry it. */
  chat: TelegramObject;
  user?: UserRecord;
  group?: GroupRecord;
}

export function writableChat(state: EmulatorState, chatId: number | string): ChatTarget {
  if (typeof chatId === "number" && chatId < 0) {
    const group = state.store.group(chatId);
    if (!group) throw chatNotFound();
    if (group.botStatus === "left") throw notAMember(group);
    return { id: group.id, chat: groupChat(group), group };
  }
  const user = startedChat(state, chatId);
  return { id: user.id, chat: privateChat(user), user };
}

export const notAMember = (group: GroupRecord): BotApiError => new BotApiError(403, `Forbidden: bot is not a member of the ${group.type} chat`);

export function isBlocked(state: EmulatorState, chatId: number): boolean {
  return state.store.user(chatId)?.blockedBot === true || state.faults.isBlocked(chatId);
}

export function assertNotBlocked(state: EmulatorState, chatId: number): void {
  if (isBlocked(state, chatId)) throw botBlocked();
}
