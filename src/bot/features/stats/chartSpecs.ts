import type { EChartsOption } from "echarts";
import { CASE_STATUSES, type CaseStatus } from "../../../domain/caseStatus.js";
import { formatDigits, isPersianLocale } from "../../../domain/digits.js";
import { provinceName } from "../../../domain/provinces.js";
import { dayLabel, monthLabel, type KeyedCount, type StatisticsSnapshot } from "../../../domain/statistics.js";

/**
 * What the three /stats pictures say, as ECharts options: pure functions of the counts and the
 * reader's words, so a test can read the labels and their order without drawing anything.
 * Right-to-left readers (Persian) get the value axis growing leftwards and the category labels on
 * the right; every number is written in the reader's digits.
 */
export interface ChartSpec {
  option: EChartsOption;
  width: number;
  height: number;
}

export interface ChartWords {
  locale: string;
  title: string;
  /** Series names (line chart) or the status names (funnel), already translated. */
  names: Record<string, string>;
}

/** The font every picture is drawn with (bundled, see chartPicture.ts). */
export const CHART_FONT = "Vazirmatn";
const WIDTH = 800;
const COLORS = ["#3b6ea8", "#d9822b", "#3a9a5b", "#8e5ea2", "#c0504d", "#7f7f7f"];

function isRightToLeft(locale: string): boolean {
  return isPersianLocale(locale);
}

function base(title: string, locale: string): EChartsOption {
  const rtl = isRightToLeft(locale);
  return {
    animation: false,
    backgroundColor: "#ffffff",
    color: COLORS,
    textStyle: { fontFamily: CHART_FONT, fontSize: 14 },
    // Anchored by its own end for right-to-left: ECharts measures text without the font on a
    // server and would misplace a right-aligned box; resvg measures the real glyphs.
    title: { text: title, left: rtl ? WIDTH - 16 : 16, textAlign: rtl ? "right" : "left", top: 10, textStyle: { fontFamily: CHART_FONT, fontSize: 18, fontWeight: "bold" } },
  };
}

const digits = (locale: string) => (value: number | string) => formatDigits(String(value), locale);

/** Cases per province, largest on top. */
export function provinceBarChart(byProvince: readonly KeyedCount[], words: ChartWords): ChartSpec {
  const { locale } = words;
  const rtl = isRightToLeft(locale);
  const rows = byProvince.length > 0 ? byProvince : [];
  const height = Math.max(220, 90 + rows.length * 30);
  return {
    width: WIDTH,
    height,
    option: {
      ...base(words.title, locale),
      grid: { top: 70, bottom: 20, left: rtl ? 50 : 170, right: rtl ? 170 : 50, containLabel: false },
      xAxis: { type: "value", position: "top", inverse: rtl, minInterval: 1, axisLabel: { formatter: digits(locale) } },
      yAxis: {
        type: "category",
        inverse: true,
        position: rtl ? "right" : "left",
        data: rows.map((r) => provinceLabel(r.key, locale, words.names.abroad)),
        axisLabel: { fontSize: 13 },
      },
      series: [
        {
          type: "bar",
          data: rows.map((r) => r.count),
          barMaxWidth: 22,
          label: { show: true, position: rtl ? "left" : "right", formatter: (p: { value: unknown }) => formatDigits(String(p.value), locale) },
        },
      ],
    },
  };
}

export function provinceLabel(code: string, locale: string, abroad = "abroad"): string {
  return code === "abroad" ? abroad : provinceName(code, locale);
}


/**
 * Lines over time: one series per entry of `series`, sharing the x labels. Time runs in the
 * reading direction (right to left for Persian).
 */
export function timeLineChart(labels: readonly string[], series: readonly { name: string; values: readonly number[] }[], words: ChartWords): ChartSpec {
  const { locale } = words;
  const rtl = isRightToLeft(locale);
  return {
    width: WIDTH,
    height: 420,
    option: {
      ...base(words.title, locale),
      legend: { top: 44, [rtl ? "right" : "left"]: 16, data: series.map((s) => s.name), textStyle: { fontFamily: CHART_FONT } },
      grid: { top: 90, bottom: 50, left: 60, right: 60 },
      xAxis: { type: "category", inverse: rtl, data: [...labels], axisLabel: { rotate: 0, interval: "auto" }, boundaryGap: false },
      yAxis: { type: "value", position: rtl ? "right" : "left", minInterval: 1, axisLabel: { formatter: digits(locale) } },
      series: series.map((s) => ({ type: "line", name: s.name, data: [...s.values], symbolSize: 6, lineStyle: { width: 3 } })),
    },
  };
}

/** Registrations and contact established per month. */
export function monthsLineChart(snapshot: Pick<StatisticsSnapshot, "registrationsByMonth" | "contactByMonth">, words: ChartWords): ChartSpec {
  return timeLineChart(
    snapshot.registrationsByMonth.map((m) => monthLabel(m.key, words.locale)),
    [
      { name: words.names.registrations ?? "", values: snapshot.registrationsByMonth.map((m) => m.count) },
      { name: words.names.contact ?? "", values: snapshot.contactByMonth.map((m) => m.count) },
    ],
    words,
  );
}

/** Active petition signatures per day (the last 30 days), days in the reader's calendar. */
export function signaturesLineChart(byDay: readonly KeyedCount[], words: ChartWords): ChartSpec {
  return timeLineChart(
    byDay.map((d) => dayLabel(d.key, words.locale)),
    [{ name: words.names.signatures ?? "", values: byDay.map((d) => d.count) }],
    words,
  );
}

/** The open statuses in their order along the case's way (closed cases are not a step of it). */
export const FUNNEL_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((s) => s !== "closed");

/**
 * The status funnel: how many cases reached each step or a later one, widest first
 * (a case in "verified" has also passed "registered" and "under review").
 */
export function statusFunnel(byStatus: Record<CaseStatus, number>, words: ChartWords): ChartSpec {
  const { locale } = words;
  const reached = FUNNEL_STATUSES.map((status, i) => ({
    status,
    value: FUNNEL_STATUSES.slice(i).reduce((sum, s) => sum + byStatus[s], 0),
  }));
  return {
    width: WIDTH,
    height: 420,
    option: {
      ...base(words.title, locale),
      series: [
        {
          type: "funnel",
          top: 70,
          bottom: 20,
          left: "10%",
          width: "80%",
          sort: "none",
          min: 0,
          max: Math.max(1, reached[0]?.value ?? 1),
          minSize: "36%",
          gap: 3,
          label: {
            show: true,
            position: "inside",
            fontFamily: CHART_FONT,
            fontSize: 14,
            color: "#ffffff",
            formatter: (p: { name: string; value: unknown }) => `${p.name}: ${formatDigits(String(p.value), locale)}`,
          },
          data: reached.map((r) => ({ name: words.names[r.status] ?? r.status, value: r.value })),
        },
      ],
    },
  };
}
