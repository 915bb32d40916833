import { describe, expect, it } from "vitest";
import { registrationWeek, weeksBetween, weeksToRead } from "../../src/domain/registrationWeek.js";

describe("the week a case was registered in", () => {
  it("is the date of its Monday, 00:00 UTC", () => {
    expect(registrationWeek(new Date("2026-11-23T00:00:00Z"))).toBe("2026-11-23");
    expect(registrationWeek(new Date("2026-11-29T23:59:59.999Z"))).toBe("2026-11-23");
    expect(registrationWeek(new Date("2026-11-30T00:00:00Z"))).toBe("2026-11-30");
    // A Thursday (1 January 1970, day 0) and the turn of a year.
    expect(registrationWeek(new Date("1970-01-01T12:00:00Z"))).toBe("1969-12-29");
    expect(registrationWeek(new Date("2027-01-01T08:00:00Z"))).toBe("2026-12-28");
  });

  it("lists the weeks between two moments, both included, oldest first", () => {
    expect(weeksBetween(new Date("2026-11-25T10:00:00Z"), new Date("2026-12-08T10:00:00Z"))).toEqual(["2026-11-23", "2026-11-30", "2026-12-07"]);
    expect(weeksBetween(new Date("2026-11-25T10:00:00Z"), new Date("2026-11-26T10:00:00Z"))).toEqual(["2026-11-23"]);
    expect(weeksBetween(new Date("2026-12-08T10:00:00Z"), new Date("2026-11-25T10:00:00Z"))).toEqual([]);
  });

  it("reads the weeks the tally counted cases in and every week since it was counted, in the list's order", () => {
    const counted = { "2026-10-05": 3, "2026-10-12": 0, "2026-11-02": 7, "2026-11-16": 1 };
    const countedAt = new Date("2026-11-20T09:00:00Z");
    const now = new Date("2026-12-01T09:00:00Z");
    expect(weeksToRead(counted, countedAt, now, false)).toEqual(["2026-11-30", "2026-11-23", "2026-11-16", "2026-11-02", "2026-10-05"]);
    expect(weeksToRead(counted, countedAt, now, true)).toEqual(["2026-10-05", "2026-11-02", "2026-11-16", "2026-11-23", "2026-11-30"]);
    expect(weeksToRead({}, now, now, false)).toEqual(["2026-11-30"]);
  });
});
