// Whether the bot finished an update, as its claims record it (src/services/updateClaims.ts).
import type { Clock } from "../../src/clock.js";
import type { Models } from "../../src/db/models/index.js";
import { createUpdateClaims } from "../../src/services/updateClaims.js";

const anyClock: Clock = { now: () => new Date() };

/** The update was handled to the end (its completion written), by whichever process. */
export function updateDone(models: Models, updateId: number): Promise<boolean> {
  return createUpdateClaims(models, anyClock, { instanceId: "test-reader", isAlive: () => Promise.resolve(false) }).isDone(updateId);
}

/** How many claimed updates were never finished (no completion), by any process. */
export async function unfinishedUpdates(models: Models): Promise<number> {
  const claims = await models.processedUpdates.find({ state: { $ne: "done" } }, { _id: 1 }).lean().exec();
  const done = new Set((await models.updateCompletions.find({}, { _id: 1 }).lean().exec()).map((row) => row._id));
  return claims.filter((claim) => !done.has(claim._id)).length;
}
