import { readFileSync } from "node:fs";
import path from "node:path";
import { CASE_STATUSES, CLOSE_REASONS } from "../../domain/caseStatus.js";
import { listProvinces, provinceName } from "../../domain/provinces.js";
import { LOCATION_OTHER, LOCATION_UNKNOWN } from "../../domain/registration/draft.js";
import { can, primaryRole } from "../../domain/roles.js";
import { locationName, type BelievedLocation } from "../../services/locations.js";
import type { DeskRole, DeskSession, Labelled } from "../shared/deskApi.js";
import type { DeskReader } from "./deskReader.js";

/** The locales written right to left (the page sets `dir` from it). */
const RIGHT_TO_LEFT = new Set(["fa", "ar", "he", "ckb", "ur"]);
const DESK_KEY = /^(desk-[a-z0-9-]+)\s*=/;

/**
 * The `desk-*` keys of a locale file, in file order. Read from the file because the i18n plugin does
 * not list its messages; the page gets them rendered (a message with variables keeps them as
 * `{ $name }` for the page to fill in).
 */
export function deskKeysOf(localesDirectory: string, locale: string): string[] {
  const file = path.join(localesDirectory, `${locale}.ftl`);
  return readFileSync(file, "utf8")
    .split("\n")
    .map((line) => DESK_KEY.exec(line)?.[1])
    .filter((key): key is string => key !== undefined);
}

export interface SessionSources {
  /** The `desk-*` keys of a locale (cached by the caller). */
  deskKeys(locale: string): readonly string[];
  activeLocations(): Promise<BelievedLocation[]>;
}

/** GET /desk/api/session: who is looking, in which language, the words of the page and the filters' choices. */
export async function deskSession(reader: DeskReader, sources: SessionSources): Promise<DeskSession> {
  const { actor, locale, t } = reader;
  const role = primaryRole(actor) as DeskRole;
  const strings: Record<string, string> = {};
  for (const key of sources.deskKeys(locale)) strings[key.slice("desk-".length)] = t(key);
  const collator = new Intl.Collator(locale);
  const provinces: Labelled[] = listProvinces()
    .map((province) => ({ code: province.code as string, label: provinceName(province.code, locale) }))
    .sort((a, b) => collator.compare(a.label, b.label));
  provinces.push({ code: "abroad", label: t("stats-abroad") });
  const seesAll = can(actor, "province.all");
  const locations: Labelled[] = (await sources.activeLocations()).map((location) => ({ code: location.code, label: locationName(location, locale) }));
  locations.push({ code: LOCATION_OTHER, label: t("location-other") }, { code: LOCATION_UNKNOWN, label: t("location-unknown") });
  return {
    locale: locale as DeskSession["locale"],
    dir: RIGHT_TO_LEFT.has(locale) ? "rtl" : "ltr",
    role,
    provinces: seesAll ? "all" : [...actor.provinces],
    can: { seeContacts: can(actor, "province.all"), export: can(actor, "case.export") },
    strings,
    choices: {
      // A volunteer filters among their own provinces only (the search narrows them anyway).
      provinces: seesAll ? provinces : provinces.filter((province) => actor.provinces.includes(province.code)),
      statuses: CASE_STATUSES.map((status) => ({ code: status, label: t(`status-${status}`) })),
      locations,
      closeReasons: CLOSE_REASONS.map((reason) => ({ code: reason, label: t(`close-reason-${reason}`) })),
    },
  };
}
