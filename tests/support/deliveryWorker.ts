import { Api } from "grammy";
import { systemClock } from "../../src/clock.js";
import type { Models } from "../../src/db/models/index.js";
import { startDeliveryWorker, type DeliveryWorker, type DeliveryWorkerOptions } from "../../src/delivery/deliveryWorker.js";
import { createSendBudget } from "../../src/delivery/sendBudget.js";
import type { TelegramEmulator } from "../../src/emulator/index.js";
import { silentLogger } from "../../src/logger.js";
import { testCipher } from "./userRefs.js";

/**
 * The outbox's worker sending to the emulator without waiting: it looks for work every 100 ms,
 * retries after 100 ms, holds a short lease, has a roomy send budget, and opens pseudonyms and
 * content with the test key. A test changes only what its story is about (`overrides`).
 */
export function startTestDeliveryWorker(emulator: TelegramEmulator, models: Models, overrides: Partial<DeliveryWorkerOptions> = {}): DeliveryWorker {
  return startDeliveryWorker({
    models,
    // No auto-retry here: the worker decides about 429 and 5xx itself.
    api: new Api(emulator.token, { apiRoot: emulator.apiRoot, timeoutSeconds: 5 }),
    clock: systemClock,
    log: silentLogger,
    budget: createSendBudget({ perSecond: 200 }),
    concurrency: 4,
    tickMs: 100,
    leaseTtlMs: 3_000,
    retry: { baseDelayMs: 100 },
    random: () => 0.5,
    chatIdOf: (ref) => testCipher.telegramIdOf(ref),
    contentCipher: testCipher,
    ...overrides,
  });
}
