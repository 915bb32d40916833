import { describe, expect, it } from "vitest";
import { eventReminderPlan, formatEventTime } from "../../src/domain/events.js";
import { readStartTime } from "../../src/bot/features/events/newEventConversation.js";

describe("an event's time on each reader's clock and calendar", () => {
  const startsAt = new Date("2026-12-01T15:00:00Z");

  it("Persian readers see the Solar Hijri date with the weekday, in Persian digits; others their own weekday and calendar", () => {
    expect(formatEventTime(startsAt, "fa", "Asia/Tehran")).toBe("سه‌شنبه ۱۰ آذر ۱۴۰۵، ساعت ۱۸:۳۰");
    expect(formatEventTime(startsAt, "en", "Asia/Tehran")).toBe("Tuesday 1 Dec 2026, 18:30");
    expect(formatEventTime(startsAt, "sq", "Europe/Tirane")).toBe("e martë 1 dhj 2026, 16:00");
    // Late in Tehran is already the next day in Sydney.
    expect(formatEventTime(new Date("2026-12-01T19:30:00Z"), "en", "Australia/Sydney")).toBe("Wednesday 2 Dec 2026, 06:30");
  });
});

describe("the reminders of someone who comes", () => {
  it("a day and an hour before, both waiting for the morning when the event is in the reader's day", () => {
    const now = new Date("2026-11-27T12:00:00Z");
    expect(eventReminderPlan(new Date("2026-12-01T15:00:00Z"), "Asia/Tehran", now)).toEqual([
      { before: "24h", dueAt: new Date("2026-11-30T15:00:00Z"), lateAfter: new Date("2026-12-01T15:00:00Z"), quietHours: "respect" },
      { before: "1h", dueAt: new Date("2026-12-01T14:00:00Z"), lateAfter: new Date("2026-12-01T15:00:00Z"), quietHours: "respect" },
    ]);
  });

  it("the hour-before reminder may wake a reader only when the event itself is in their night", () => {
    const now = new Date("2026-11-27T12:00:00Z");
    // 23:30 in Tehran is night there, but 21:00 in Tirana is not.
    const late = new Date("2026-12-01T20:00:00Z");
    expect(eventReminderPlan(late, "Asia/Tehran", now).find((r) => r.before === "1h")?.quietHours).toBe("ignore");
    expect(eventReminderPlan(late, "Europe/Tirane", now).find((r) => r.before === "1h")?.quietHours).toBe("respect");
    expect(eventReminderPlan(late, "Asia/Tehran", now).find((r) => r.before === "24h")?.quietHours).toBe("respect");
  });

  it("reminders already due are left out (an answer given an hour before the start)", () => {
    const startsAt = new Date("2026-12-01T15:00:00Z");
    expect(eventReminderPlan(startsAt, "Asia/Tehran", new Date("2026-12-01T14:30:00Z"))).toEqual([]);
    expect(eventReminderPlan(startsAt, "Asia/Tehran", new Date("2026-12-01T10:00:00Z")).map((r) => r.before)).toEqual(["1h"]);
  });
});

describe("the start time an organiser types", () => {
  const now = new Date("2026-11-27T12:00:00Z");
  it("each wrong answer gets its own message", () => {
    expect(readStartTime("۱۴۰۵/۰۹/۱۰ ۱۸:۳۰", "Asia/Tehran", now)).toEqual({ ok: true, value: new Date("2026-12-01T15:00:00Z") });
    expect(readStartTime("1403/12/31 18:00", "Asia/Tehran", now)).toEqual({ ok: false, error: "ev-error-no-such-date" });
    expect(readStartTime("1405/09/01 10:00", "Asia/Tehran", now)).toEqual({ ok: false, error: "ev-error-time-past" });
    expect(readStartTime("next Friday", "Asia/Tehran", now)).toEqual({ ok: false, error: "ev-error-time-format" });
  });
});
