// The cases export (/export in the chat, the desk's export button): one function that sends the CSV
// of a filter to the asking person's private chat as a document, and the filter's words for its caption.

import { InputFile, type Api } from "grammy";
import type { Clock } from "../../../clock.js";
import type { CaseSearchFilter } from "../../../domain/caseSearchFilter.js";
import { formatDigits, isPersianLocale } from "../../../domain/digits.js";
import { provinceName } from "../../../domain/provinces.js";
import type { ActingUser } from "../../../domain/roles.js";
import { toSolarHijri } from "../../../domain/solarHijri.js";
import type { CaseSearchService, SearchResult } from "../../../services/cases/caseSearch.js";
import { locationName, type LocationService } from "../../../services/locations.js";

/** Text in the reader's language: the bot's `ctx.t` or the desk's reader. */
export interface ReaderWords {
  locale: string;
  t(key: string, args?: Record<string, string | number>): string;
}

/** A Gregorian ISO day in the reader's calendar: Solar Hijri with Persian digits for Persian readers. */
function dayIn(iso: string, locale: string): string {
  if (!isPersianLocale(locale)) return iso;
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  const sh = toSolarHijri({ year, month, day });
  return formatDigits(`${sh.year}/${String(sh.month).padStart(2, "0")}/${String(sh.day).padStart(2, "0")}`, locale);
}

/** A filter in words ("Ardabil · Being reviewed"), as /find's results and the export's caption show it. */
export async function filterSummary(words: ReaderWords, locations: Pick<LocationService, "listActive">, filter: CaseSearchFilter): Promise<string> {
  const { t, locale } = words;
  const parts: string[] = [];
  if (filter.reference) parts.push(t("find-filter-reference", { reference: formatDigits(filter.reference, locale) }));
  if (filter.name) parts.push(t("find-filter-name", { name: filter.name }));
  if (filter.province) parts.push(filter.province === "abroad" ? t("province-abroad") : provinceName(filter.province, locale));
  if (filter.status) parts.push(t(`status-${filter.status}`));
  if (filter.location) {
    const location = (await locations.listActive()).find((l) => l.code === filter.location);
    parts.push(location ? locationName(location, locale) : filter.location);
  }
  if (filter.duplicatesPending) parts.push(t("find-filter-duplicates"));
  if (filter.registeredFrom && filter.registeredTo) parts.push(t("find-filter-dates", { from: dayIn(filter.registeredFrom, locale), to: dayIn(filter.registeredTo, locale) }));
  return parts.length > 0 ? parts.join(" · ") : t("find-filter-none");
}

export interface CaseExportDeps {
  api: Pick<Api, "sendDocument">;
  caseSearch: Pick<CaseSearchService, "exportCsv">;
  locations: Pick<LocationService, "listActive">;
  clock: Clock;
}

/**
 * Sends `cases-YYYY-MM-DD.csv` of the filter (the person's current /find filter when none is given)
 * to the person's private chat (its id is their user id). The service checks the role at this moment
 * and audits the export once the file was read to the end; the answer is how many cases it holds.
 */
export async function sendCaseExport(deps: CaseExportDeps, acting: ActingUser, words: ReaderWords, filter?: unknown): Promise<SearchResult<{ rows: number }>> {
  const result = await deps.caseSearch.exportCsv(acting, filter);
  if (!result.ok) return result;
  const day = deps.clock.now().toISOString().slice(0, 10);
  const caption = words.t("export-caption", { filter: await filterSummary(words, deps.locations, result.value.filter) });
  await deps.api.sendDocument(acting.userId, new InputFile(result.value.csv, `cases-${day}.csv`), { caption });
  return { ok: true, value: { rows: result.value.rows() } };
}
