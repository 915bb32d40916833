import { Composer, InputFile } from "grammy";
import { CASE_STATUSES } from "../../../domain/caseStatus.js";
import { formatDigits, isPersianLocale } from "../../../domain/digits.js";
import { formatEventTime } from "../../../domain/events.js";
import { STALE_AFTER_DAYS, type StatisticsSnapshot } from "../../../domain/statistics.js";
import type { BotContext } from "../../context.js";
import { can } from "../../../domain/roles.js";
import { requirePermission, withPermission } from "../../middleware/requirePermission.js";
import type { MenuEntry } from "../menu/mainMenu.js";
import { chartToPng } from "./chartPicture.js";
import { FUNNEL_STATUSES, monthsLineChart, provinceBarChart, provinceLabel, signaturesLineChart, statusFunnel, type ChartSpec } from "./chartSpecs.js";

const TOP_PROVINCES = 5;

/**
 * /stats: the whole picture in numbers for coordinators, a volunteer's own provinces for them
 * (the service scopes and re-reads the role), as a short text and three pictures.
 */
export function statsFeature() {
  const composer = new Composer<BotContext>();

  async function showStats(ctx: BotContext) {
    const locale = await ctx.i18n.getLocale();
    // Persian readers count months in the Solar Hijri calendar.
    const result = await ctx.services.statistics.snapshot(ctx.profile.actor, isPersianLocale(locale) ? "solarHijri" : "gregorian");
    if (!result.ok) return ctx.reply(ctx.t("error-not-allowed"));
    const { timeZone } = await ctx.services.users.settingsOf(ctx.profile.id);
    await ctx.reply(`${statsText(ctx, locale, result.value)}\n\n${ctx.t("stats-as-of", { time: formatEventTime(result.value.asOf, locale, timeZone) })}`);
    for (const [name, spec] of statsCharts(ctx, locale, result.value)) {
      await ctx.replyWithPhoto(new InputFile(chartToPng(spec), `${name}.png`));
    }
  }

  composer.command("stats", requirePermission("stats.view"), showStats);

  // Anyone can type the button's label: it is guarded exactly like /stats.
  const menuEntry: MenuEntry = {
    labelKey: "menu-stats",
    visibleTo: (actor) => can(actor, "stats.view"),
    run: (ctx) => withPermission(ctx, "stats.view", () => showStats(ctx)),
  };
  return { composer, menuEntry };
}

function statsText(ctx: BotContext, locale: string, s: StatisticsSnapshot): string {
  const n = (value: number) => formatDigits(value, locale);
  const abroad = ctx.t("stats-abroad");
  const separator = isPersianLocale(locale) ? "، " : ", ";
  const heading =
    s.scope === "all" ? ctx.t("stats-heading-all") : ctx.t("stats-heading-provinces", { provinces: s.scope.map((p) => provinceLabel(p, locale, abroad)).join(separator) });
  if (s.totalCases === 0 && s.totalSignatures === 0) return `${heading}\n\n${ctx.t("stats-none")}`;
  const lines = [heading, "", ctx.t("stats-cases-total", { count: n(s.totalCases) }), ctx.t("stats-by-status")];
  for (const status of CASE_STATUSES) lines.push(`  • ${ctx.t(`status-${status}`)}: ${n(s.casesByStatus[status])}`);
  lines.push(ctx.t("stats-by-province"));
  for (const row of s.casesByProvince.slice(0, TOP_PROVINCES)) lines.push(`  • ${provinceLabel(row.key, locale, abroad)}: ${n(row.count)}`);
  const thisMonth = s.registrationsByMonth.at(-1)?.count ?? 0;
  const contactYear = s.contactByMonth.reduce((sum, m) => sum + m.count, 0);
  lines.push(
    "",
    ctx.t("stats-stale", { days: n(STALE_AFTER_DAYS), count: n(s.staleCases) }),
    ctx.t("stats-registrations-month", { count: n(thisMonth) }),
    ctx.t("stats-contact-year", { count: n(contactYear) }),
    "",
    ctx.t("stats-signatures", { count: n(s.totalSignatures), recent: n(s.signaturesByDay.reduce((sum, d) => sum + d.count, 0)) }),
  );
  if (s.signaturesByProvince.length > 0) lines.push(ctx.t("stats-signatures-by-province"));
  for (const row of s.signaturesByProvince.slice(0, TOP_PROVINCES)) lines.push(`  • ${provinceLabel(row.key, locale, abroad)}: ${n(row.count)}`);
  lines.push(ctx.t("stats-rsvps", { yes: n(s.rsvps.yes), maybe: n(s.rsvps.maybe), no: n(s.rsvps.no) }));
  return lines.join("\n");
}

function statsCharts(ctx: BotContext, locale: string, s: StatisticsSnapshot): [string, ChartSpec][] {
  const names: Record<string, string> = {
    registrations: ctx.t("stats-series-registrations"),
    contact: ctx.t("stats-series-contact"),
    abroad: ctx.t("stats-abroad"),
    signatures: ctx.t("stats-series-signatures"),
  };
  for (const status of FUNNEL_STATUSES) names[status] = ctx.t(`status-${status}`);
  const charts: [string, ChartSpec][] = [];
  if (s.casesByProvince.length > 0) charts.push(["cases-by-province", provinceBarChart(s.casesByProvince, { locale, title: ctx.t("stats-chart-provinces"), names })]);
  charts.push(["per-month", monthsLineChart(s, { locale, title: ctx.t("stats-chart-months"), names })]);
  charts.push(["status-funnel", statusFunnel(s.casesByStatus, { locale, title: ctx.t("stats-chart-funnel"), names })]);
  if (s.signaturesByDay.some((d) => d.count > 0)) charts.push(["signatures-per-day", signaturesLineChart(s.signaturesByDay, { locale, title: ctx.t("stats-chart-signatures"), names })]);
  return charts;
}
