// Each family's own daytime: 22:00–08:00 on their wall clock is quiet, and a reminder due then
// waits for 08:00. Iran has kept one offset (+03:30) since 2022; Albania changes on the last
// Sunday of March and of October, and the morning must follow the change.
import { describe, expect, it } from "vitest";
import { isQuiet, isTimeZone, nextMorning } from "../../src/domain/quietHours.js";

const at = (iso: string) => new Date(iso);

describe("quiet hours in Tehran (+03:30 all year)", () => {
  it("starts at 22:00 and ends at 08:00 local time", () => {
    expect(isQuiet(at("2026-06-01T18:29:00Z"), "Asia/Tehran")).toBe(false); // 21:59
    expect(isQuiet(at("2026-06-01T18:30:00Z"), "Asia/Tehran")).toBe(true); // 22:00
    expect(isQuiet(at("2026-06-02T04:29:00Z"), "Asia/Tehran")).toBe(true); // 07:59
    expect(isQuiet(at("2026-06-02T04:30:00Z"), "Asia/Tehran")).toBe(false); // 08:00
    // Winter: the same offset (no daylight saving since 2022).
    expect(isQuiet(at("2026-01-10T18:30:00Z"), "Asia/Tehran")).toBe(true);
  });

  it("a reminder due late in the evening waits for the next morning, one due before dawn for the same morning", () => {
    expect(nextMorning(at("2026-06-01T19:00:00Z"), "Asia/Tehran")).toEqual(at("2026-06-02T04:30:00Z")); // 22:30 → 08:00 next day
    expect(nextMorning(at("2026-06-02T01:00:00Z"), "Asia/Tehran")).toEqual(at("2026-06-02T04:30:00Z")); // 04:30 → 08:00 same day
    expect(nextMorning(at("2026-12-31T20:00:00Z"), "Asia/Tehran")).toEqual(at("2027-01-01T04:30:00Z")); // across the year's end
  });
});

describe("quiet hours in Tirana across its daylight-saving changes", () => {
  it("follows the clock forward on the last Sunday of March (29 March 2026)", () => {
    // Saturday 23:00 CET (+01:00) → Sunday 08:00 CEST (+02:00), which is 06:00 UTC, not 07:00.
    expect(nextMorning(at("2026-03-28T22:00:00Z"), "Europe/Tirane")).toEqual(at("2026-03-29T06:00:00Z"));
    // The day before: 08:00 CET is 07:00 UTC.
    expect(nextMorning(at("2026-03-27T22:00:00Z"), "Europe/Tirane")).toEqual(at("2026-03-28T07:00:00Z"));
    expect(isQuiet(at("2026-03-28T06:30:00Z"), "Europe/Tirane")).toBe(true); // 07:30 CET
    expect(isQuiet(at("2026-03-29T06:30:00Z"), "Europe/Tirane")).toBe(false); // 08:30 CEST
  });

  it("follows the clock back on the last Sunday of October (25 October 2026)", () => {
    // Saturday 23:00 CEST → Sunday 08:00 CET = 07:00 UTC.
    expect(nextMorning(at("2026-10-24T21:00:00Z"), "Europe/Tirane")).toEqual(at("2026-10-25T07:00:00Z"));
    expect(isQuiet(at("2026-10-25T06:30:00Z"), "Europe/Tirane")).toBe(true); // 07:30 CET
    expect(isQuiet(at("2026-10-24T06:30:00Z"), "Europe/Tirane")).toBe(false); // 08:30 CEST
    expect(isQuiet(at("2026-10-24T20:00:00Z"), "Europe/Tirane")).toBe(true); // 22:00 CEST
  });

  it("the same instant is night in Tehran and evening in Tirana", () => {
    const instant = at("2026-06-01T19:00:00Z"); // 22:30 in Tehran, 21:00 in Tirana
    expect(isQuiet(instant, "Asia/Tehran")).toBe(true);
    expect(isQuiet(instant, "Europe/Tirane")).toBe(false);
  });
});

describe("time zone names", () => {
  it("accepts the zones families live in and refuses made-up ones", () => {
    expect(isTimeZone("Asia/Tehran")).toBe(true);
    expect(isTimeZone("Europe/Tirane")).toBe(true);
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone(" Asia/Tehran")).toBe(false);
  });
});
