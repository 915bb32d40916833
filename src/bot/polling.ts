import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import { isDatabaseUnavailableError } from "../db/connection.js";
import type { Logger } from "../logger.js";
import { isUpdateInFlightElsewhere } from "../services/updateClaims.js";
import type { BotContext } from "./context.js";

export interface PollingOptions {
  log: Logger;
  /** Long-poll seconds per getUpdates call. */
  timeoutSeconds?: number;
  limit?: number;
  allowedUpdates?: readonly string[];
}

export interface Poller {
  /** Resolves when the loop has stopped. */
  done: Promise<void>;
  /** Stops fetching, lets in-flight updates finish, confirms them to Telegram. */
  stop(): Promise<void>;
}

/**
 * Long polling that never loses an update: a batch is confirmed to Telegram (by the next offset) only
 * after every update in it was handled. Updates of one chat run in order; different chats run in
 * parallel. If the database went away, the batch is fetched again from the first update that failed;
 * so is an update another live process is still handling (after a restart, the killed process's
 * claim is taken over once its heartbeat is stale: the retry comes every IN_FLIGHT_RETRY_MS).
 *
 * Why not @grammyjs/runner: it confirms offsets as soon as updates are fetched, so a crash loses them.
 */
/** How soon an update held by another live process is asked for again (no backoff: the wait is bounded by the heartbeat). */
const IN_FLIGHT_RETRY_MS = 1_000;

export function startPolling(bot: Bot<BotContext>, options: PollingOptions): Poller {
  const { log, timeoutSeconds = 25, limit = 100 } = options;
  const abort = new AbortController();
  let offset = 0;
  let stopping = false;

  async function loop(): Promise<void> {
    let backoffMs = 500;
    while (!stopping) {
      let updates: Update[];
      try {
        updates = await bot.api.getUpdates(
          { offset, limit, timeout: timeoutSeconds, allowed_updates: options.allowedUpdates as never },
          abort.signal as never,
        );
      } catch (error) {
        if (stopping) break;
        log.warn({ err: (error as Error).message, retryInMs: backoffMs }, "getUpdates failed");
        await sleep(backoffMs, abort.signal);
        backoffMs = Math.min(backoffMs * 2, 10_000);
        continue;
      }
      if (updates.length === 0) continue;
      const retry = await handleBatch(bot, updates, log);
      if (retry === undefined) {
        offset = updates[updates.length - 1]!.update_id + 1;
        backoffMs = 500;
      } else if (retry.databaseUnavailable) {
        offset = retry.from;
        log.warn({ retryInMs: backoffMs }, "database unavailable; batch will be fetched again");
        await sleep(backoffMs, abort.signal);
        backoffMs = Math.min(backoffMs * 2, 10_000);
      } else {
        offset = retry.from;
        log.info({ retryInMs: IN_FLIGHT_RETRY_MS }, "an update is still being handled by another process; batch will be fetched again");
        await sleep(IN_FLIGHT_RETRY_MS, abort.signal);
      }
    }
    // Confirm what was handled so a restart does not receive it again.
    if (offset > 0) await bot.api.getUpdates({ offset, limit: 1, timeout: 0 }).catch(() => undefined);
  }

  const done = loop();
  return {
    done,
    async stop() {
      stopping = true;
      abort.abort();
      await done;
    },
  };
}

/** Handles a batch; returns the lowest update_id that must be fetched again (and why), if any. */
export async function handleBatch(
  bot: Bot<BotContext>,
  updates: Update[],
  log: Logger,
): Promise<{ from: number; databaseUnavailable: boolean } | undefined> {
  const byChat = new Map<string, Update[]>();
  for (const update of updates) {
    const key = chatKey(update);
    const list = byChat.get(key);
    if (list) list.push(update);
    else byChat.set(key, [update]);
  }
  const failed: number[] = [];
  let databaseUnavailable = false;
  await Promise.all(
    [...byChat.values()].map(async (chatUpdates) => {
      for (const update of chatUpdates) {
        try {
          await bot.handleUpdate(update);
        } catch (error) {
          const unavailable = isDatabaseUnavailableError(error);
          if (unavailable || isUpdateInFlightElsewhere(error)) {
            databaseUnavailable ||= unavailable;
            failed.push(update.update_id);
            return; // keep this chat's order: its later updates wait for the retry too
          }
          // The error boundary answers users; anything reaching here is a bug outside handlers.
          log.error({ update_id: update.update_id, err: (error as Error).message }, "update failed outside the error boundary");
        }
      }
    }),
  );
  return failed.length > 0 ? { from: Math.min(...failed), databaseUnavailable } : undefined;
}

function chatKey(update: Update): string {
  const chat =
    update.message?.chat.id ??
    update.edited_message?.chat.id ??
    update.callback_query?.message?.chat.id ??
    update.callback_query?.from.id ??
    update.inline_query?.from.id ??
    update.my_chat_member?.chat.id ??
    update.pre_checkout_query?.from.id;
  return chat === undefined ? `update:${update.update_id}` : `chat:${chat}`;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
