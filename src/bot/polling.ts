import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import { isDatabaseUnavailableError } from "../db/connection.js";
import type { Logger } from "../logger.js";
import { isUpdateInFlightElsewhere } from "../services/updateClaims.js";
import { sleep } from "../sleep.js";
import type { UpdateContext } from "./context.js";
import { isTelegramUnreachableError } from "./telegramUnreachable.js";

export interface PollingOptions {
  log: Logger;
  /** Long-poll seconds per getUpdates call. */
  timeoutSeconds?: number;
  limit?: number;
  allowedUpdates?: readonly string[];
  /** getUpdates answered 409: another process polls with this token (or a webhook is set). */
  onConflict?: () => void;
}

export interface Poller {
  /** Resolves when the loop has stopped. */
  done: Promise<void>;
  /** Stops fetching, lets in-flight updates finish, confirms them to Telegram. */
  stop(): Promise<void>;
}

/**
 * Long polling that never loses an update and never lets one slow chat stall the others.
 *
 * The offset confirmed to Telegram never passes an update that was not handled: it is the lowest
 * update still queued, running or waiting for a retry (crash-safety: a restart receives again
 * whatever was not finished). Fetching goes on while a slow chat finishes: a re-fetch from that
 * offset returns the unfinished update again together with newer ones; what is already running or
 * done is skipped and only new updates are dispatched. Updates of one chat run in order (a busy
 * chat's new updates queue behind it); different chats run in parallel. At most `limit` updates
 * sit between the confirmed offset and the newest fetched one, so one getUpdates call always
 * reaches past them.
 *
 * If the database went away, or Telegram did not take the update's reply (unreachable, 5xx), the
 * failed update (and the rest of its chat's queue) is fetched again after a backoff; so is an update
 * another live process is still handling (after a restart, the
 * killed process's claim is taken over once its heartbeat is stale: the retry comes every
 * IN_FLIGHT_RETRY_MS).
 *
 * Why not @grammyjs/runner: it confirms offsets as soon as updates are fetched, so a crash loses them.
 */
/** How soon an update held by another live process is asked for again (no backoff: the wait is bounded by the heartbeat). */
const IN_FLIGHT_RETRY_MS = 1_000;
/** While an update is unfinished, newer updates are polled for this often (a long poll would return the unfinished one at once). */
const REFETCH_WHILE_BUSY_MS = 250;
/**
 * While updates are unfinished, at least this long between two fetches. Each fetch from the
 * confirmable offset returns again every update above it (up to 100, already running or done): a
 * fetch after every finished update, ~140 a second under load, had Telegram send and the bot parse
 * ~100 repeated updates each time (bench:updates profile). Finishes within the gap share one fetch.
 */
const MIN_GAP_WHILE_BUSY_MS = 20;

/** `unavailable`: the database or Telegram was away (backoff); otherwise another process holds the update. */
type Retry = { unavailable: boolean };

export function startPolling(bot: Bot<UpdateContext>, options: PollingOptions): Poller {
  const { log, timeoutSeconds = 25, limit = 100 } = options;
  const abort = new AbortController();
  let stopping = false;

  /** Fetched and not finished: queued behind its chat, running, or waiting to be fetched again. */
  const unfinished = new Map<number, "queued" | "running" | "retry">();
  /** Finished, but above an unfinished one: not confirmable yet, skipped when fetched again. */
  const finishedAbove = new Set<number>();
  let highestFetched = -1;
  const chatQueues = new Map<string, Update[]>();
  const running = new Set<Promise<void>>();
  let pendingRetry: Retry | undefined;
  let unavailableBackoffMs = 500;
  let wake: (() => void) | undefined;
  /**
   * A chat finished since the loop last fetched or waited: its wake may have come while the loop
   * was not waiting (fetching, or keeping the gap), and must not be missed — an idle wait then would hold
   * the updates that arrived meanwhile for a whole REFETCH_WHILE_BUSY_MS.
   */
  let finishedSinceFetch = false;
  const wakeLoop = () => {
    finishedSinceFetch = true;
    wake?.();
  };

  /** The offset to confirm: everything below it was handled. */
  function confirmableOffset(): number {
    if (unfinished.size > 0) return Math.min(...unfinished.keys());
    return highestFetched + 1;
  }

  function forgetConfirmed(): void {
    const offset = confirmableOffset();
    for (const id of finishedAbove) if (id < offset) finishedAbove.delete(id);
  }

  /**
   * Waits for a handler to finish (or the loop to stop), at most `ms`. The timer ends with the wait:
   * left running, each one kept a listener on the loop's signal until it fired, and a busy poller
   * (one wait per finished handler) passed Node's limit of 10 (MaxListenersExceededWarning).
   */
  async function idle(ms: number): Promise<void> {
    if (abort.signal.aborted) return;
    // A finish the loop has not looked at yet: look now (once; the next wait waits).
    if (finishedSinceFetch) {
      finishedSinceFetch = false;
      return;
    }
    const woken = new Promise<void>((resolve) => (wake = resolve));
    const waitOver = new AbortController();
    const onStop = () => waitOver.abort();
    abort.signal.addEventListener("abort", onStop, { once: true });
    try {
      await Promise.race([woken, sleep(ms, waitOver.signal)]);
      // Woken by a finish (or the time is up): what the loop does next looks at everything finished so far.
      finishedSinceFetch = false;
    } finally {
      waitOver.abort();
      abort.signal.removeEventListener("abort", onStop);
      wake = undefined;
    }
  }

  function dispatch(update: Update): void {
    unfinished.set(update.update_id, "queued");
    const key = chatKey(update);
    const queue = chatQueues.get(key);
    if (queue) {
      queue.push(update);
      return;
    }
    chatQueues.set(key, [update]);
    const drained = drainChat(key);
    running.add(drained);
    void drained.finally(() => running.delete(drained));
  }

  async function drainChat(key: string): Promise<void> {
    const queue = chatQueues.get(key)!;
    while (queue.length > 0) {
      const update = queue[0]!;
      unfinished.set(update.update_id, "running");
      const retry = await handleUpdate(bot, update, log);
      if (retry) {
        // Keep this chat's order: its later updates wait for the retry too.
        for (const waiting of queue) unfinished.set(waiting.update_id, "retry");
        queue.length = 0;
        pendingRetry = { unavailable: retry.unavailable || (pendingRetry?.unavailable ?? false) };
        break;
      }
      unavailableBackoffMs = 500;
      queue.shift();
      unfinished.delete(update.update_id);
      finishedAbove.add(update.update_id);
      forgetConfirmed();
    }
    chatQueues.delete(key);
    wakeLoop();
  }

  async function loop(): Promise<void> {
    let fetchBackoffMs = 500;
    let lastFetchAt = -Infinity;
    while (!stopping) {
      if (pendingRetry) {
        const { unavailable } = pendingRetry;
        pendingRetry = undefined;
        if (unavailable) {
          log.warn({ retryInMs: unavailableBackoffMs }, "database or Telegram unavailable; the update will be fetched again");
          await sleep(unavailableBackoffMs, abort.signal);
          unavailableBackoffMs = Math.min(unavailableBackoffMs * 2, 10_000);
        } else {
          log.info({ retryInMs: IN_FLIGHT_RETRY_MS }, "an update is still being handled by another process; it will be fetched again");
          await sleep(IN_FLIGHT_RETRY_MS, abort.signal);
        }
        continue;
      }
      // The window is full: a fetch from the confirmable offset could not reach a new update.
      if (unfinished.size + finishedAbove.size >= limit) {
        await idle(REFETCH_WHILE_BUSY_MS * 4);
        continue;
      }
      if (unfinished.size > 0) {
        const gap = lastFetchAt + MIN_GAP_WHILE_BUSY_MS - performance.now();
        if (gap > 0) await sleep(gap, abort.signal);
        if (stopping) break;
      }
      // Read after the gap: everything may have finished meanwhile, and then it is a long poll again.
      const busy = unfinished.size > 0;
      lastFetchAt = performance.now();
      finishedSinceFetch = false;
      let updates: Update[];
      try {
        updates = await bot.api.getUpdates(
          { offset: confirmableOffset(), limit, timeout: busy ? 0 : timeoutSeconds, allowed_updates: options.allowedUpdates as never },
          abort.signal as never,
        );
        fetchBackoffMs = 500;
      } catch (error) {
        if (stopping) break;
        if ((error as { error_code?: number }).error_code === 409) options.onConflict?.();
        log.warn({ err: (error as Error).message, retryInMs: fetchBackoffMs }, "getUpdates failed");
        await sleep(fetchBackoffMs, abort.signal);
        fetchBackoffMs = Math.min(fetchBackoffMs * 2, 10_000);
        continue;
      }
      let fresh = 0;
      for (const update of updates) {
        const id = update.update_id;
        // Running, queued or done already: fetched again only because an older update is unfinished.
        if (id <= highestFetched && unfinished.get(id) !== "retry") continue;
        highestFetched = Math.max(highestFetched, id);
        dispatch(update);
        fresh += 1;
      }
      if (busy && fresh === 0) await idle(REFETCH_WHILE_BUSY_MS);
    }
    // Let what was fetched finish, then confirm it so a restart does not receive it again.
    while (running.size > 0) await Promise.all([...running]);
    const offset = confirmableOffset();
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

/** Handles one update; says whether it must be fetched again (and why). */
async function handleUpdate(bot: Bot<UpdateContext>, update: Update, log: Logger): Promise<Retry | undefined> {
  try {
    await bot.handleUpdate(update);
  } catch (error) {
    const unavailable = isDatabaseUnavailableError(error) || isTelegramUnreachableError(error);
    if (unavailable || isUpdateInFlightElsewhere(error)) return { unavailable };
    // The error boundary answers users; anything reaching here is a bug outside handlers.
    log.error({ update_id: update.update_id, err: (error as Error).message }, "update failed outside the error boundary");
  }
  return undefined;
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
