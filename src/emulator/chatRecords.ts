// The shapes the emulator keeps for users, groups and chat messages, and the change events it emits.
import type { ReplyMarkup } from "./replyMarkup.js";
import type { CallbackAnswer, ChatMessage, InlineAnswer, TelegramObject } from "./types.js";

export interface UserRecord {
  id: number;
  firstName: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
  /** The chat exists for the bot once the user has sent anything. */
  started: boolean;
  blockedBot: boolean;
}

/** A group, supergroup or channel the emulated users share; the bot is in it only after being added. */
export interface GroupRecord {
  id: number;
  type: "group" | "supergroup" | "channel";
  title: string;
  /** Users who post in the group (channels: the admins who post). */
  memberIds: number[];
  /** The bot's membership, as my_chat_member reports it. */
  botStatus: "left" | "member" | "administrator";
}

export interface NewGroup {
  id?: number;
  type?: GroupRecord["type"];
  title?: string;
  memberIds?: number[];
  /** The bot was added before (as a member), without an update being queued: like a group from an older release. */
  withBot?: boolean;
}

export interface StoredMessage {
  chatId: number;
  messageId: number;
  from: "user" | "bot";
  /** The Message object as Telegram would return it now. */
  message: TelegramObject;
  deleted: boolean;
  editCount: number;
  parseMode?: string;
  markup?: ReplyMarkup;
}

export type ChatEvent =
  | { type: "upsert"; userId: number; seq: number; change: "sent" | "edited"; message: ChatMessage }
  | { type: "delete"; userId: number; seq: number; messageId: number }
  | { type: "callbackAnswer"; userId: number; seq: number; answer: CallbackAnswer }
  | { type: "inlineAnswer"; userId: number; seq: number; answer: InlineAnswer }
  | { type: "user"; userId: number; seq: number; user: UserRecord }
  /** A group's record changed (the bot joined or left); `userId` is the group's chat id. */
  | { type: "group"; userId: number; seq: number; group: GroupRecord };

export interface NewUser {
  id?: number;
  firstName?: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
  /** The user has written to the bot already (the chat exists), without an update being queued. */
  started?: boolean;
}
