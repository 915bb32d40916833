import { describe, expect, it } from "vitest";
import { freshCounter } from "../../src/services/freshCount.js";

describe("counting after a write, shared", () => {
  it("a burst of callers costs two counts, and every caller sees a count started after it asked", async () => {
    let rows = 0;
    const started: number[] = [];
    const count = freshCounter(async (_key: string) => {
      const seen = rows;
      started.push(seen);
      await new Promise((r) => setTimeout(r, 20));
      return seen;
    });
    rows = 1;
    const first = count("p");
    const burst: Promise<number>[] = [];
    for (let i = 0; i < 50; i += 1) {
      rows += 1;
      burst.push(count("p"));
    }
    expect(await first).toBe(1);
    // Each of the 50 wrote before asking, so each must see all 51 rows.
    expect(new Set(await Promise.all(burst))).toEqual(new Set([51]));
    expect(started).toEqual([1, 51]);
  });

  it("keys are counted separately, and a failed count does not block the next", async () => {
    let fail = true;
    const count = freshCounter(async (key: string) => {
      const failing = fail && key === "a";
      await new Promise((r) => setTimeout(r, 5));
      if (failing) throw new Error("database away");
      return key === "a" ? 1 : 2;
    });
    const a = count("a");
    const b = count("b");
    fail = false;
    const again = count("a");
    await expect(a).rejects.toThrow("database away");
    expect(await b).toBe(2);
    expect(await again).toBe(1);
  });
});
