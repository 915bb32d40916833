import { describe, expect, it } from "vitest";
import { entitiesToHtml } from "../../src/domain/formattedText.js";
import { parseLocalDateTime, utcOffsetMinutes } from "../../src/domain/localTime.js";

describe("formatted text to HTML", () => {
  it("keeps bold, italics and links, nested properly, and escapes everything else", () => {
    const text = "Gathering <today> at Tirana & online";
    const html = entitiesToHtml(text, [
      { type: "bold", offset: 0, length: 9 },
      { type: "italic", offset: 0, length: 17 },
      { type: "text_link", offset: 21, length: 6, url: "https://example.org/?a=1&b=2" },
      { type: "mention", offset: 30, length: 6 },
    ]);
    expect(html).toBe('<i><b>Gathering</b> &lt;today&gt;</i> at <a href="https://example.org/?a=1&amp;b=2">Tirana</a> &amp; online');
  });

  it("handles Persian text with emoji (UTF-16 offsets)", () => {
    const text = "📣 نشست آنلاین";
    expect(entitiesToHtml(text, [{ type: "bold", offset: 3, length: 4 }])).toBe("📣 <b>نشست</b> آنلاین");
  });

  it("drops links that are not web or Telegram links", () => {
    expect(entitiesToHtml("click", [{ type: "text_link", offset: 0, length: 5, url: "javascript:alert(1)" }])).toBe("click");
  });
});

describe("local date and time", () => {
  const now = new Date("2026-11-27T12:00:00Z");

  it("reads a Gregorian time on Tehran's clock (+03:30)", () => {
    expect(utcOffsetMinutes("Asia/Tehran", now)).toBe(210);
    expect(parseLocalDateTime("2026-12-01 18:30", { timeZone: "Asia/Tehran", now })).toEqual({ ok: true, at: new Date("2026-12-01T15:00:00Z") });
  });

  it("reads a Solar Hijri date in Persian digits", () => {
    // 10 Azar 1405 = 1 December 2026.
    expect(parseLocalDateTime("۱۴۰۵/۰۹/۱۰ ۱۸:۳۰", { timeZone: "Asia/Tehran", now })).toEqual({ ok: true, at: new Date("2026-12-01T15:00:00Z") });
  });

  it("reads Tirana's clock, winter and summer", () => {
    expect(parseLocalDateTime("2026-12-01 18:30", { timeZone: "Europe/Tirane", now })).toEqual({ ok: true, at: new Date("2026-12-01T17:30:00Z") });
    expect(parseLocalDateTime("2027-07-01 18:30", { timeZone: "Europe/Tirane", now })).toEqual({ ok: true, at: new Date("2027-07-01T16:30:00Z") });
  });

  it("refuses nonsense and the past", () => {
    expect(parseLocalDateTime("tomorrow evening", { timeZone: "Asia/Tehran", now })).toEqual({ ok: false, error: "format" });
    expect(parseLocalDateTime("2026-02-30 10:00", { timeZone: "Asia/Tehran", now })).toEqual({ ok: false, error: "no-such-date" });
    expect(parseLocalDateTime("1403/12/31 10:00", { timeZone: "Asia/Tehran", now })).toEqual({ ok: false, error: "no-such-date" });
    expect(parseLocalDateTime("2026-11-01 10:00", { timeZone: "Asia/Tehran", now })).toEqual({ ok: false, error: "past" });
  });
});
