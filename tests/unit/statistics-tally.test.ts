import { describe, expect, it } from "vitest";
import { NO_PROVINCE, TallyCounter, snapshotOfTally, statisticsTallySchema } from "../../src/domain/statistics.js";

const DAY = 86_400_000;
const now = new Date("2026-11-27T09:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

/** Two provinces, a signature without one, an answer without one, a contact on a case gone since. */
function sampleTally() {
  const counter = new TallyCounter(now);
  counter.addCase({ province: "ardabil", status: "registered", createdAt: daysAgo(3), updatedAt: daysAgo(3) });
  counter.addCase({ province: "ardabil", status: "under_review", createdAt: daysAgo(60), updatedAt: daysAgo(45) });
  counter.addCase({ province: "tehran", status: "closed", createdAt: daysAgo(400), updatedAt: daysAgo(200) });
  counter.addContactEstablished("ardabil", daysAgo(10));
  counter.addContactEstablished(undefined, daysAgo(5));
  counter.addContactEstablished("tehran", daysAgo(500));
  counter.addSignature("ardabil", daysAgo(0));
  counter.addSignature("tehran", daysAgo(1));
  counter.addSignature(null, daysAgo(40));
  counter.addRsvp("ardabil", "yes");
  counter.addRsvp(null, "no");
  return counter.result();
}

describe("the statistics tally", () => {
  it("counts per province, keeps only the windows' months and days, and never counts a closed case as stale", () => {
    const tally = sampleTally();
    expect(tally.cases).toEqual({ ardabil: { registered: 1, under_review: 1 }, tehran: { closed: 1 } });
    // The Tehran case of 400 days ago is outside the 12 months; so is the contact of 500 days ago.
    expect(tally.registrations).toEqual({ ardabil: { "2026-11": 1, "2026-09": 1 } });
    expect(tally.contact).toEqual({ ardabil: { "2026-11": 1 }, [NO_PROVINCE]: { "2026-11": 1 } });
    expect(tally.stale).toEqual({ ardabil: 1 });
    expect(tally.signatures).toEqual({ ardabil: 1, tehran: 1, [NO_PROVINCE]: 1 });
    expect(tally.signaturesByDay).toEqual({ ardabil: { "2026-11-27": 1 }, tehran: { "2026-11-26": 1 } });
  });

  it("a coordinator sees every count, those without a province in the totals but not as a province", () => {
    const s = snapshotOfTally(sampleTally(), "all");
    expect(s.asOf).toEqual(now);
    expect(s.totalCases).toBe(3);
    expect(s.casesByProvince).toEqual([{ key: "ardabil", count: 2 }, { key: "tehran", count: 1 }]);
    expect(s.casesByStatus).toMatchObject({ registered: 1, under_review: 1, closed: 1, verified: 0 });
    expect(s.contactByMonth.at(-1)).toEqual({ key: "2026-11", count: 2 });
    expect(s.totalSignatures).toBe(3);
    expect(s.signaturesByProvince).toEqual([{ key: "ardabil", count: 1 }, { key: "tehran", count: 1 }]);
    expect(s.signaturesByDay).toHaveLength(30);
    expect(s.rsvps).toEqual({ yes: 1, maybe: 0, no: 1 });
  });

  it("a volunteer of Ardabil sees the sum over Ardabil only", () => {
    const s = snapshotOfTally(sampleTally(), ["ardabil"]);
    expect(s.totalCases).toBe(2);
    expect(s.casesByProvince).toEqual([{ key: "ardabil", count: 2 }]);
    expect(s.staleCases).toBe(1);
    expect(s.contactByMonth.reduce((sum, m) => sum + m.count, 0)).toBe(1);
    expect(s.totalSignatures).toBe(1);
    expect(s.signaturesByDay.reduce((sum, d) => sum + d.count, 0)).toBe(1);
    expect(s.rsvps).toEqual({ yes: 1, maybe: 0, no: 0 });
  });

  it("survives the trip through its stored JSON, and a damaged one is refused", () => {
    const tally = sampleTally();
    expect(statisticsTallySchema.parse(JSON.parse(JSON.stringify(tally)))).toEqual(tally);
    expect(statisticsTallySchema.safeParse({ ...JSON.parse(JSON.stringify(tally)), stale: { ardabil: -1 } }).success).toBe(false);
    expect(statisticsTallySchema.safeParse({ computedAt: "soon" }).success).toBe(false);
  });
});
