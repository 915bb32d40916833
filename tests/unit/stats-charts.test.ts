import { describe, expect, it } from "vitest";
import { chartToPng, chartToSvg } from "../../src/bot/features/stats/chartPicture.js";
import { monthsLineChart, provinceBarChart, statusFunnel } from "../../src/bot/features/stats/chartSpecs.js";
import { dayLabel, monthLabel } from "../../src/domain/statistics.js";
import { fillDays, fillMonths, largestFirst } from "../../src/domain/statistics.js";

const words = (locale: string, names: Record<string, string> = {}) => ({ locale, title: "title", names });
type Axis = { data?: string[]; inverse?: boolean; position?: string; axisLabel?: { formatter?: (v: number) => string } };
type Series = { data: { name: string; value: number }[] | number[]; label?: { formatter?: (p: { name: string; value: number }) => string } };

describe("the /stats chart specs", () => {
  it("the province bar chart lists the largest province first, in Persian names, growing leftwards for a Persian reader", () => {
    const counts = largestFirst(new Map([["tehran", 4], ["ardabil", 12], ["abroad", 1], ["fars", 4]]));
    expect(counts.map((c) => c.key)).toEqual(["ardabil", "fars", "tehran", "abroad"]);
    const spec = provinceBarChart(counts, words("fa", { abroad: "خارج از ایران" }));
    const yAxis = spec.option.yAxis as Axis;
    const xAxis = spec.option.xAxis as Axis;
    expect(yAxis.data).toEqual(["اردبیل", "فارس", "تهران", "خارج از ایران"]);
    expect(yAxis.inverse).toBe(true); // the first category is drawn on top
    expect(yAxis.position).toBe("right");
    expect(xAxis.inverse).toBe(true);
    expect(xAxis.axisLabel?.formatter?.(120)).toBe("۱۲۰");
    const series = (spec.option.series as Series[])[0]!;
    expect(series.data).toEqual([12, 4, 4, 1]);
    expect(series.label?.formatter?.({ name: "", value: 12 })).toBe("۱۲");
  });

  it("an English reader gets ASCII digits and the axis on the left", () => {
    const spec = provinceBarChart([{ key: "ardabil", count: 7 }], words("en"));
    expect((spec.option.yAxis as Axis).data).toEqual(["Ardabil"]);
    expect((spec.option.yAxis as Axis).position).toBe("left");
    expect((spec.option.xAxis as Axis).axisLabel?.formatter?.(120)).toBe("120");
  });

  it("the monthly line chart has every month of the window, oldest first, labelled in Persian digits", () => {
    const now = new Date("2026-11-20T10:00:00Z");
    const registrations = fillMonths(now, 12, new Map([["2026-03", 5], ["2026-11", 2]]));
    const contact = fillMonths(now, 12, new Map([["2026-06", 1]]));
    expect(registrations[0]).toEqual({ key: "2025-12", count: 0 });
    expect(registrations.at(-1)).toEqual({ key: "2026-11", count: 2 });
    const spec = monthsLineChart({ registrationsByMonth: registrations, contactByMonth: contact }, words("fa", { registrations: "ثبت‌نام‌ها", contact: "برقراری تماس" }));
    const labels = (spec.option.xAxis as Axis).data!;
    expect(labels).toHaveLength(12);
    expect(labels[0]).toBe("۲۰۲۵/۱۲");
    expect(labels.at(-1)).toBe("۲۰۲۶/۱۱");
    const series = spec.option.series as (Series & { name: string })[];
    expect(series.map((s) => s.name)).toEqual(["ثبت‌نام‌ها", "برقراری تماس"]);
    expect(series[0]!.data[3]).toBe(5);
  });

  it("days are labelled on the Solar Hijri calendar for a Persian reader", () => {
    expect(dayLabel("2026-03-21", "fa")).toBe("۱/۱"); // Nowruz 1405
    expect(dayLabel("2026-03-21", "en")).toBe("3/21");
    expect(monthLabel("2026-03", "en")).toBe("2026/03");
    expect(fillDays(new Date("2026-11-28T01:00:00Z"), 30, new Map()).map((d) => d.key).at(-1)).toBe("2026-11-28");
  });

  it("the funnel counts every case that reached a step or went further, in the order of the steps", () => {
    const spec = statusFunnel(
      { registered: 5, under_review: 4, verified: 3, outreach: 2, contact_established: 1, closed: 9 },
      words("fa", { registered: "ثبت شده", under_review: "در حال بررسی", verified: "تأیید شده", outreach: "پیگیری", contact_established: "تماس برقرار شد" }),
    );
    const series = (spec.option.series as Series[])[0]!;
    expect(series.data).toEqual([
      { name: "ثبت شده", value: 15 },
      { name: "در حال بررسی", value: 10 },
      { name: "تأیید شده", value: 6 },
      { name: "پیگیری", value: 3 },
      { name: "تماس برقرار شد", value: 1 },
    ]);
    expect(series.label?.formatter?.({ name: "ثبت شده", value: 15 })).toBe("ثبت شده: ۱۵");
  });

  it("a spec draws to an SVG with the Persian words in it and to a PNG", () => {
    const spec = provinceBarChart([{ key: "ardabil", count: 3 }], words("fa"));
    const svg = chartToSvg(spec);
    expect(svg).toContain("اردبیل");
    expect(svg).toContain("Vazirmatn");
    const png = chartToPng(spec);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  });
});
