import { Composer, InlineKeyboard } from "grammy";
import { DATE_PRESETS, parseTypedSearch, presetRange, type CaseSearchFilter } from "../../../domain/caseSearchFilter.js";
import { CASE_STATUSES } from "../../../domain/caseStatus.js";
import { formatDigits, isPersianLocale } from "../../../domain/digits.js";
import { listProvinces, provinceName } from "../../../domain/provinces.js";
import { can } from "../../../domain/roles.js";
import type { CaseSearchPage, SearchResult } from "../../../services/cases/caseSearch.js";
import { locationName } from "../../../services/locations.js";
import type { BotContext } from "../../context.js";
import { onButton } from "../../buttons.js";
import { requirePermission } from "../../middleware/requirePermission.js";
import { findChoice, findFilter, findOpen, findPage } from "./callbacks.js";
import { filterSummary, sendCaseExport } from "./caseExport.js";
import { showCase } from "./index.js";

const NAME_ON_BUTTON = 28;

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The results message: the filter, the count, ten cases with a button each, ◀️ ▶️, and the filter buttons. */
async function showResults(ctx: BotContext, result: SearchResult<CaseSearchPage>): Promise<void> {
  if (!result.ok) {
    await ctx.reply(ctx.t(result.error === "forbidden" ? "error-not-allowed" : "find-invalid"));
    return;
  }
  const { filter, page, pages, total, hits } = result.value;
  const locale = await ctx.i18n.getLocale();
  const lines = [ctx.t("find-results", { filter: await filterSummary({ t: ctx.t, locale }, ctx.services.locations, filter), total, page: page + 1, pages })];
  hits.forEach((hit, i) => {
    const province = hit.province === "abroad" ? ctx.t("province-abroad") : provinceName(hit.province, locale);
    lines.push(`${formatDigits(page * 10 + i + 1, locale)}. ${hit.fullName} — ${formatDigits(hit.reference, locale)} — ${ctx.t(`status-${hit.status}`)} — ${province}`);
  });
  if (total === 0) lines.push(ctx.t("find-nothing"));
  const keyboard = new InlineKeyboard();
  for (const hit of hits) keyboard.text(`📂 ${formatDigits(hit.reference, locale)} · ${shorten(hit.fullName, NAME_ON_BUTTON)}`, findOpen.pack({ reference: hit.reference })).row();
  if (page > 0) keyboard.text("◀️", findPage.pack({ page: String(page - 1) }));
  if (page + 1 < pages) keyboard.text("▶️", findPage.pack({ page: String(page + 1) }));
  if (pages > 1) keyboard.row();
  keyboard.text(ctx.t("find-by-province"), findFilter.pack({ field: "province" })).text(ctx.t("find-by-status"), findFilter.pack({ field: "status" })).row();
  keyboard.text(ctx.t("find-by-location"), findFilter.pack({ field: "location" })).text(ctx.t("find-by-dates"), findFilter.pack({ field: "dates" })).row();
  keyboard.text(ctx.t(filter.duplicatesPending ? "find-duplicates-on" : "find-duplicates-off"), findFilter.pack({ field: "dup" }));
  keyboard.text(ctx.t("find-clear"), findFilter.pack({ field: "clear" }));
  await ctx.reply(`${lines.join("\n")}\n\n${ctx.t("find-hint")}`, { reply_markup: keyboard });
}

/**
 * /find: coordinators (all provinces) and volunteers (theirs) search cases by typed name in any
 * script, reference or date range, and by buttons; /export sends a coordinator the result as CSV.
 */
export function caseSearchFeature() {
  const composer = new Composer<BotContext>();

  composer.command("find", requirePermission("case.view"), async (ctx) => {
    const current = await ctx.services.caseSearch.currentFilter(ctx.profile.actor);
    const text = ctx.match.trim();
    if (!text) return showResults(ctx, await ctx.services.caseSearch.search(ctx.profile.actor, current));
    const typed = parseTypedSearch(text);
    if (typed.kind === "invalid") return ctx.reply(ctx.t(`find-invalid-${typed.reason}`));
    const { reference: _reference, name: _name, ...rest } = current;
    const filter: CaseSearchFilter =
      typed.kind === "reference"
        ? { reference: typed.reference }
        : typed.kind === "name"
          ? { ...rest, name: typed.name }
          : { ...rest, ...(current.name ? { name: current.name } : {}), registeredFrom: typed.from, registeredTo: typed.to };
    await showResults(ctx, await ctx.services.caseSearch.search(ctx.profile.actor, filter));
  });

  onButton(composer, findPage, requirePermission("case.view"), async (ctx, data) => {
    await ctx.answerCallbackQuery();
    await showResults(ctx, await ctx.services.caseSearch.page(ctx.profile.actor, Number(data.page)));
  });

  onButton(composer, findOpen, requirePermission("case.view"), async (ctx, data) => {
    await ctx.answerCallbackQuery();
    // The reference comes from a button, which can be forged: the service checks the province.
    const result = await ctx.services.cases.findForStaff(ctx.profile.actor, data.reference);
    if (!result.ok) return ctx.reply(ctx.t(result.error === "forbidden" ? "casework-not-your-province" : "casework-not-found"));
    await showCase(ctx, result.value);
  });

  onButton(composer, findFilter, requirePermission("case.view"), async (ctx, data) => {
    await ctx.answerCallbackQuery();
    const actor = ctx.profile.actor;
    const current = await ctx.services.caseSearch.currentFilter(actor);
    if (data.field === "clear") return showResults(ctx, await ctx.services.caseSearch.search(actor, {}));
    if (data.field === "dup") {
      const { duplicatesPending: _d, ...rest } = current;
      return showResults(ctx, await ctx.services.caseSearch.search(actor, current.duplicatesPending ? rest : { ...rest, duplicatesPending: true }));
    }
    const locale = await ctx.i18n.getLocale();
    const keyboard = new InlineKeyboard().text(ctx.t("find-any"), findChoice.pack({ field: data.field, value: "any" })).row();
    if (data.field === "province") {
      const provinces = can(actor, "province.all") ? [...listProvinces().map((p) => p.code), "abroad"] : [...actor.provinces];
      provinces.forEach((code, i) => {
        keyboard.text(code === "abroad" ? ctx.t("province-abroad") : provinceName(code, locale), findChoice.pack({ field: "province", value: code }));
        if (i % 2 === 1) keyboard.row();
      });
    } else if (data.field === "dates") {
      keyboard.text(ctx.t("find-dates-d30"), findChoice.pack({ field: "dates", value: "d30" })).row();
      keyboard.text(ctx.t("find-dates-d365"), findChoice.pack({ field: "dates", value: "d365" })).row();
      keyboard.text(ctx.t("find-dates-year"), findChoice.pack({ field: "dates", value: "year" })).row();
    } else if (data.field === "status") {
      for (const status of CASE_STATUSES) keyboard.text(ctx.t(`status-${status}`), findChoice.pack({ field: "status", value: status })).row();
    } else {
      for (const location of await ctx.services.locations.listActive()) keyboard.text(locationName(location, locale), findChoice.pack({ field: "location", value: location.code })).row();
    }
    await ctx.reply(ctx.t(`find-choose-${data.field}`), { reply_markup: keyboard });
  });

  onButton(composer, findChoice, requirePermission("case.view"), async (ctx, data) => {
    await ctx.answerCallbackQuery();
    const current = await ctx.services.caseSearch.currentFilter(ctx.profile.actor);
    if (data.field === "dates") {
      const { registeredFrom: _from, registeredTo: _to, ...others } = current;
      const preset = DATE_PRESETS.find((p) => p === data.value);
      if (data.value !== "any" && !preset) return ctx.reply(ctx.t("find-invalid"));
      const range = preset ? presetRange(preset, ctx.services.clock.now(), isPersianLocale(await ctx.i18n.getLocale())) : null;
      return showResults(ctx, await ctx.services.caseSearch.search(ctx.profile.actor, range ? { ...others, registeredFrom: range.from, registeredTo: range.to } : others));
    }
    const { [data.field]: _previous, ...rest } = current;
    // The service's schema refuses a forged value (an unknown province or status) with "invalid".
    const filter = data.value === "any" ? rest : { ...rest, [data.field]: data.value };
    await showResults(ctx, await ctx.services.caseSearch.search(ctx.profile.actor, filter));
  });

  composer.command("export", requirePermission("case.export"), async (ctx) => {
    const words = { t: ctx.t, locale: await ctx.i18n.getLocale() };
    const { api, services } = ctx;
    // The same sending as the desk's export button: to this person's private chat.
    const result = await sendCaseExport({ api, caseSearch: services.caseSearch, locations: services.locations, clock: services.clock }, ctx.profile.actor, words);
    if (!result.ok) await ctx.reply(ctx.t("error-not-allowed"));
  });

  return composer;
}
