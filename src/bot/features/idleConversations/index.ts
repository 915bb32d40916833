import type { ConversationData, ConversationStorage, VersionedState } from "@grammyjs/conversations";
import { Composer, type Context } from "grammy";
import type { ConversationStore } from "../../../db/conversationStorage.js";
import type { FieldCipher } from "../../../security/fieldCipher.js";
import type { BotContext } from "../../context.js";
import { UpdateAlreadyAppliedError } from "../../middleware/deduplicateUpdates.js";
import { COMPOSE_CONVERSATION } from "../broadcasts/composeConversation.js";
import { APPEAL_CONVERSATION, LETTER_CONVERSATION } from "../petitions/appealConversations.js";
import { SIGN_PETITION_CONVERSATION } from "../petitions/signConversation.js";
import { REGISTRATION_CONVERSATION } from "../registration/registrationConversation.js";
import { slimReplayLog } from "./slimReplayLog.js";

export type StoredConversations = VersionedState<ConversationData>;

/**
 * The version of the conversations' steps. A stored conversation is a replay log of the code that
 * wrote it: when the steps change (another question, `ask` in place of a hand-written wait), a
 * log from before cannot be replayed. Bump this with such a change; a conversation stored under
 * another version is cleared when its user next writes, and they are told once.
 */
export const CONVERSATION_STEPS_VERSION = 2;

/** How many of the latest update_ids written into a chat's state are kept beside it. */
const APPLIED_UPDATES_KEPT = 8;

/** What the user is told, by the conversation that was dropped (any other: a general line). */
const DROPPED_MESSAGE: Record<string, string> = {
  [REGISTRATION_CONVERSATION]: "conv-dropped-registration",
  [SIGN_PETITION_CONVERSATION]: "conv-dropped-petition",
  [APPEAL_CONVERSATION]: "conv-dropped-petition",
  [LETTER_CONVERSATION]: "conv-dropped-letter",
  [COMPOSE_CONVERSATION]: "conv-dropped-broadcast",
};

/** The names of the conversations open in a stored state (the plugin keys its state by name). */
export const openConversationNames = (stored: StoredConversations): string[] => Object.keys(stored.state ?? {});

/**
 * Conversation state per private chat, keyed by the user's pseudonym (a copy of the database does
 * not list Telegram ids), and the one-time notice for a conversation the retention job dropped
 * (or that older code stored, see CONVERSATION_STEPS_VERSION):
 * the storage sees the marker when the plugin reads the chat's state, and `droppedNotice`, right
 * after the plugin, tells the user and forgets the marker.
 */
export function idleConversations(store: ConversationStore<StoredConversations>, cipher: Pick<FieldCipher, "userRef">, idleDays: number) {
  const keyOf = (ctx: Context): string | undefined => (ctx.chatId === undefined ? undefined : `conv:${cipher.userRef(ctx.chatId)}`);
  const droppedFor = new WeakMap<Context, string[]>();
  const outdatedFor = new WeakSet<Context>();
  const appliedBefore = new WeakMap<Context, number[]>();

  const storage: ConversationStorage<BotContext, ConversationData> = {
    type: "context",
    version: CONVERSATION_STEPS_VERSION,
    adapter: {
      async read(ctx) {
        const key = keyOf(ctx);
        if (key === undefined) return undefined;
        const found = await store.read(key);
        if (found === undefined) return undefined;
        if ("dropped" in found) {
          droppedFor.set(ctx, found.dropped);
          return undefined;
        }
        // This very update was written into the state already: the process handling it was killed after
        // saving the conversation and before marking the update done. Replaying it would apply the
        // answer twice (to the next question), so it is finished instead (deduplicateUpdates).
        const applied = found.updateIds ?? [];
        if (applied.includes(ctx.update.update_id)) throw new UpdateAlreadyAppliedError(ctx.update.update_id);
        appliedBefore.set(ctx, applied);
        if (found.state.version[1] !== CONVERSATION_STEPS_VERSION) {
          outdatedFor.add(ctx);
          await store.delete(key);
          return undefined;
        }
        return found.state;
      },
      async write(ctx, state) {
        const key = keyOf(ctx);
        if (key !== undefined) await store.write(key, slimReplayLog(state), [...(appliedBefore.get(ctx) ?? []), ctx.update.update_id].slice(-APPLIED_UPDATES_KEPT));
      },
      async delete(ctx) {
        const key = keyOf(ctx);
        if (key !== undefined) await store.delete(key);
      },
    },
  };

  const droppedNotice = new Composer<BotContext>();
  droppedNotice.use(async (ctx, next) => {
    const dropped = droppedFor.get(ctx);
    const key = keyOf(ctx);
    // Told in answer to something they wrote or pressed (not, say, when they block the bot).
    const wroteToUs = ctx.message !== undefined || ctx.callbackQuery !== undefined;
    if (dropped !== undefined && key !== undefined && wroteToUs) {
      const messageKey = dropped.map((name) => DROPPED_MESSAGE[name]).find((k) => k !== undefined) ?? "conv-dropped-other";
      await ctx.reply(ctx.t(messageKey, { days: idleDays }));
      await store.forgetDropped(key);
    }
    if (outdatedFor.has(ctx) && wroteToUs) await ctx.reply(ctx.t("conv-outdated"));
    await next();
  });

  return { storage, droppedNotice };
}
