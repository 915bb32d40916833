import { describe, expect, it } from "vitest";
import { NO_PROVINCE, TallyCounter, snapshotOfTally, solarHijriMonthKey, statisticsTallySchema } from "../../src/domain/statistics.js";

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
    // Each month twice: Gregorian, and Solar Hijri in Iran's time (24 Nov 2026 = 3 Azar 1405; 28 Sep = 6 Mehr).
    expect(tally.registrations).toEqual({ ardabil: { "2026-11": 1, "2026-09": 1, "sh:1405-09": 1, "sh:1405-07": 1 } });
    expect(tally.contact).toEqual({ ardabil: { "2026-11": 1, "sh:1405-08": 1 }, [NO_PROVINCE]: { "2026-11": 1, "sh:1405-09": 1 } });
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

  it("a Persian reader gets the twelve Solar Hijri months that end with this one", () => {
    const s = snapshotOfTally(sampleTally(), "all", "solarHijri");
    expect(s.registrationsByMonth).toHaveLength(12);
    expect(s.registrationsByMonth[0]!.key).toBe("sh:1404-10");
    expect(s.registrationsByMonth.at(-1)).toEqual({ key: "sh:1405-09", count: 1 });
    expect(s.registrationsByMonth.find((m) => m.key === "sh:1405-07")?.count).toBe(1);
    expect(s.contactByMonth.find((m) => m.key === "sh:1405-08")?.count).toBe(1);
    // A month starts at Tehran's midnight: 21:00 UTC on 21 Nov is already 1 Azar there.
    expect(solarHijriMonthKey(new Date("2026-11-21T20:00:00Z"))).toBe("sh:1405-08");
    expect(solarHijriMonthKey(new Date("2026-11-21T21:00:00Z"))).toBe("sh:1405-09");
    // Across the new year: Esfand 1404 comes before Farvardin 1405.
    const nowruz = new TallyCounter(new Date("2026-03-25T09:00:00Z"));
    expect(snapshotOfTally(nowruz.result(), "all", "solarHijri").registrationsByMonth.slice(-2).map((m) => m.key)).toEqual(["sh:1404-12", "sh:1405-01"]);
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
