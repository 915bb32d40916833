import { describe, expect, it } from "vitest";
import { groupedPageSlices, sortByGroupOrder } from "../../src/domain/groupedPage.js";

const counts = [
  { group: "registered", count: 25 },
  { group: "under_review", count: 0 },
  { group: "verified", count: 12 },
  { group: "closed", count: 3 },
];

describe("a page of rows sorted group by group", () => {
  it("the first page is the start of the first group", () => {
    expect(groupedPageSlices(counts, 0, 20)).toEqual([{ group: "registered", skip: 0, limit: 20 }]);
  });

  it("a page across groups takes the end of one and the start of the next, skipping empty groups", () => {
    expect(groupedPageSlices(counts, 1, 20)).toEqual([
      { group: "registered", skip: 20, limit: 5 },
      { group: "verified", skip: 0, limit: 12 },
      { group: "closed", skip: 0, limit: 3 },
    ]);
  });

  it("a page inside one group skips within it, and a page past the end is empty", () => {
    expect(groupedPageSlices(counts, 2, 10)).toEqual([
      { group: "registered", skip: 20, limit: 5 },
      { group: "verified", skip: 0, limit: 5 },
    ]);
    expect(groupedPageSlices(counts, 3, 20)).toEqual([]);
  });

  it("rows read at once are ordered by their group's rank, each group keeping its order, unknown groups last", () => {
    const rows = [
      { id: 1, s: "closed" },
      { id: 2, s: "registered" },
      { id: 3, s: "odd" },
      { id: 4, s: "registered" },
      { id: 5, s: "verified" },
    ];
    expect(sortByGroupOrder(rows, (r) => r.s, ["registered", "verified", "closed"]).map((r) => r.id)).toEqual([2, 4, 5, 1, 3]);
  });
});
