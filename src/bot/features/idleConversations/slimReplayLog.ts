import type { ConversationData, ConversationState, VersionedState } from "@grammyjs/conversations";

/**
 * What a conversation's replay log keeps of the updates and Bot API results it recorded.
 *
 * The conversations plugin records every update a conversation waited for and every Bot API
 * result, whole, and hands them back to the code on each replay. Most of that is never read: the
 * Telegram profile of the user (name, username) in every update, and of every message the bot
 * sent or a button was pressed on, its text and inline keyboard (the province list alone is
 * ~2.7 KB, and the summary's text repeats every answer). A registration's log at its summary is
 * ~29 KB of JSON, parsed, compressed, encrypted and written on every step.
 *
 * Kept, because the code reads it: update ids; what the user sent (text, photo, contact, …);
 * the pressed button's data; the ids of users, chats and messages (replies, edits, answers to a
 * press); the user's language code. Dropped: anything else in `from` and `chat`, and of a message
 * that was pressed on or that the bot sent, all but its id, chat and date.
 *
 * The code must read nothing else of a recorded update or API result inside a conversation:
 * a replay would see it missing (tests/unit/slimReplayLog.test.ts lists what is kept, and the
 * registration's e2e tests replay slim logs at every step).
 */
export function slimReplayLog(stored: VersionedState<ConversationData>): VersionedState<ConversationData> {
  const state: ConversationData = {};
  for (const [name, open] of Object.entries(stored.state ?? {})) state[name] = open.map(slimConversation);
  return { ...stored, state };
}

function slimConversation(conversation: ConversationState): ConversationState {
  return {
    ...conversation,
    replay: {
      send: conversation.replay.send,
      receive: conversation.replay.receive.map((op) => ({ send: op.send, returnValue: slimValue(op.returnValue) })),
    },
  };
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** An update (what a wait received), a Bot API call's recorded outcome, or anything else as it is. */
function slimValue(value: unknown): unknown {
  if (!isObject(value)) return value;
  if (typeof value.update_id === "number") return slimUpdate(value);
  // A Bot API call as the plugin records it: { ok: true, res: { ok: true, result } }.
  if (value.ok === true && isObject(value.res) && value.res.ok === true && isObject(value.res.result) && isMessage(value.res.result)) {
    return { ...value, res: { ...value.res, result: messageReference(value.res.result) } };
  }
  return value;
}

function slimUpdate(update: Json): Json {
  const slim: Json = {};
  for (const [key, part] of Object.entries(update)) {
    if (!isObject(part)) slim[key] = part;
    else if (key === "callback_query") slim[key] = slimCallbackQuery(part);
    else if (isMessage(part)) slim[key] = slimReceivedMessage(part);
    else slim[key] = "from" in part ? { ...part, from: slimUser(part.from) } : part;
  }
  return slim;
}

function slimCallbackQuery(query: Json): Json {
  const slim: Json = { ...query, from: slimUser(query.from) };
  if (isObject(query.message) && isMessage(query.message)) slim.message = messageReference(query.message);
  return slim;
}

/** What the user sent, whole (it is the answer), with only the ids of its sender and chat. */
function slimReceivedMessage(message: Json): Json {
  const slim: Json = { ...message, chat: slimChat(message.chat) };
  if ("from" in message) slim.from = slimUser(message.from);
  return slim;
}

/** A message the bot sent or one a button was pressed on: enough to reply to, edit or delete it. */
function messageReference(message: Json): Json {
  return { message_id: message.message_id, chat: slimChat(message.chat), date: message.date };
}

const isMessage = (value: Json): boolean => typeof value.message_id === "number" && isObject(value.chat);

function slimChat(chat: unknown): unknown {
  return isObject(chat) ? { id: chat.id, type: chat.type } : chat;
}

/** A user's id and language (locale negotiation reads it); their name and username are not kept. */
function slimUser(user: unknown): unknown {
  if (!isObject(user)) return user;
  return { id: user.id, is_bot: user.is_bot, first_name: "", ...(user.language_code !== undefined ? { language_code: user.language_code } : {}) };
}
