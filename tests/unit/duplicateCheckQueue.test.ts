import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/logger.js";
import { createDuplicateCheckQueue } from "../../src/services/cases/duplicateCheckQueue.js";

/** A check that finishes when the test says so, recording what started. */
function controlledChecks() {
  const started: string[] = [];
  const finish = new Map<string, (fail?: boolean) => void>();
  const check = (caseId: string) =>
    new Promise<void>((resolve, reject) => {
      started.push(caseId);
      finish.set(caseId, (fail) => (fail ? reject(new Error("database away")) : resolve()));
    });
  return { started, finish, check };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the background queue of duplicate searches", () => {
  it("runs at most `concurrency` searches at once, the next one as one ends, in order", async () => {
    const { started, finish, check } = controlledChecks();
    const queue = createDuplicateCheckQueue({ check, log: silentLogger, concurrency: 2 });
    for (const id of ["a", "b", "c", "d"]) expect(queue.add(id)).toBe(true);
    expect(started).toEqual(["a", "b"]);
    expect(queue.size()).toBe(4);
    finish.get("b")!();
    await settle();
    expect(started).toEqual(["a", "b", "c"]);
    finish.get("a")!();
    await settle();
    expect(started).toEqual(["a", "b", "c", "d"]);
    finish.get("c")!();
    finish.get("d")!();
    await settle();
    expect(queue.size()).toBe(0);
  });

  it("a full queue refuses (the sweep runs those later) instead of growing without bound", () => {
    const { check } = controlledChecks();
    const queue = createDuplicateCheckQueue({ check, log: silentLogger, concurrency: 1, maxWaiting: 2 });
    expect([queue.add("a"), queue.add("b"), queue.add("c"), queue.add("d")]).toEqual([true, true, true, false]);
  });

  it("a failed search is logged and the queue goes on", async () => {
    const { started, finish, check } = controlledChecks();
    const warnings: string[] = [];
    const log = { ...silentLogger, warn: (_: unknown, message: string) => warnings.push(message) } as unknown as typeof silentLogger;
    const queue = createDuplicateCheckQueue({ check, log, concurrency: 1 });
    queue.add("a");
    queue.add("b");
    finish.get("a")!(true);
    await settle();
    expect(warnings).toEqual(["duplicate search failed; the sweep will run it again"]);
    expect(started).toEqual(["a", "b"]);
  });

  it("stop waits for the searches running, starts none of those waiting, and takes no more", async () => {
    const { started, finish, check } = controlledChecks();
    const queue = createDuplicateCheckQueue({ check, log: silentLogger, concurrency: 1 });
    queue.add("a");
    queue.add("b");
    let stopped = false;
    const stopping = queue.stop().then(() => (stopped = true));
    await settle();
    expect(stopped).toBe(false);
    finish.get("a")!();
    await stopping;
    expect(started).toEqual(["a"]);
    expect(queue.add("c")).toBe(false);
    expect(queue.size()).toBe(0);
  });
});
