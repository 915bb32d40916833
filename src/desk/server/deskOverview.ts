// The desk's overview: the /stats figures (the statistics tally, read in milliseconds), each
// petition's numbers as the chat shows them to coordinators, and the answers to events — with
// every key labelled in the reader's words, for the page's charts.

import { CASE_STATUSES } from "../../domain/caseStatus.js";
import { isPersianLocale } from "../../domain/digits.js";
import { formatEventTime } from "../../domain/events.js";
import { pickLocalized } from "../../domain/petitions/content.js";
import { dayLabel as dayKeyLabel, monthLabel, type KeyedCount } from "../../domain/statistics.js";
import type { EventService } from "../../services/events.js";
import type { PetitionService } from "../../services/petitions.js";
import type { StatisticsService } from "../../services/statistics.js";
import type { DeskCount, DeskOverview } from "../shared/deskApi.js";
import { forbidden } from "./deskCases.js";
import { provinceLabel, statusLabel } from "./deskLabels.js";
import type { DeskAnswer, DeskReader } from "./deskReader.js";

/** Petitions on the overview, newest first (drafts are not counted: nobody can sign them). */
export const OVERVIEW_PETITIONS = 10;

export interface DeskOverviewDeps {
  statistics: Pick<StatisticsService, "snapshot">;
  petitions: Pick<PetitionService, "listForManagement" | "stats">;
  events: Pick<EventService, "list">;
}

const labelled = (counts: readonly KeyedCount[], label: (key: string) => string): DeskCount[] => counts.map(({ key, count }) => ({ key, label: label(key), count }));

export function createDeskOverview(deps: DeskOverviewDeps) {
  const { statistics, petitions, events } = deps;

  /**
   * Petitions for those who manage them (coordinators, admins; the chat shows volunteers no
   * petition figures): each one's count against its goal, by province and by day. Each petition's
   * figures are read by the same service call as the chat's, so each is audited as `petition.stats`.
   */
  async function petitionFigures(reader: DeskReader): Promise<DeskOverview["petitions"]> {
    const listed = await petitions.listForManagement(reader.actor);
    if (!listed.ok) return [];
    const shown = listed.value.filter((p) => p.status !== "draft").slice(0, OVERVIEW_PETITIONS);
    const figures: DeskOverview["petitions"] = [];
    for (const petition of shown) {
      const stats = await petitions.stats(reader.actor, petition.ref);
      if (!stats.ok) continue;
      figures.push({
        ref: petition.ref,
        title: pickLocalized(petition.texts, reader.locale)?.title ?? petition.ref,
        statusLabel: reader.t(`pet-status-${petition.status}`),
        count: stats.value.total,
        goal: petition.goal > 0 ? petition.goal : null,
        // Signers who gave no province are in the count, not in the bars (as /stats leaves them out).
        byProvince: stats.value.byProvince.flatMap(({ province, count }) => (province ? [{ key: province, label: provinceLabel(reader, province), count }] : [])),
        byDay: stats.value.byDay.map(({ day, count }) => ({ key: day, label: dayKeyLabel(day, reader.locale), count })),
      });
    }
    return figures;
  }

  /** Events the reader may manage (coordinators: all; volunteers: those they created, as /events shows them). */
  async function eventAnswers(reader: DeskReader): Promise<DeskOverview["events"]> {
    const listed = await events.list(reader.actor);
    if (!listed.ok) return [];
    return listed.value.map((event) => ({
      title: pickLocalized(event.texts, reader.locale)?.title ?? "",
      startsLabel: formatEventTime(event.startsAt, reader.locale, reader.timeZone),
      yes: event.counts.total.yes,
      maybe: event.counts.total.maybe,
      no: event.counts.total.no,
    }));
  }

  return {
    async overview(reader: DeskReader): Promise<DeskAnswer> {
      // Volunteers get the sums over their provinces; families are refused (by D1 first, here again).
      const snapshot = await statistics.snapshot(reader.actor, isPersianLocale(reader.locale) ? "solarHijri" : "gregorian");
      if (!snapshot.ok) return forbidden;
      const s = snapshot.value;
      const body: DeskOverview = {
        asOfLabel: reader.t("stats-as-of", { time: formatEventTime(s.asOf, reader.locale, reader.timeZone) }),
        totalCases: s.totalCases,
        casesByProvince: labelled(s.casesByProvince, (key) => provinceLabel(reader, key)),
        casesByStatus: CASE_STATUSES.map((status) => ({ key: status, label: statusLabel(reader, status), count: s.casesByStatus[status] })),
        registrationsByMonth: labelled(s.registrationsByMonth, (key) => monthLabel(key, reader.locale)),
        contactByMonth: labelled(s.contactByMonth, (key) => monthLabel(key, reader.locale)),
        staleCases: s.staleCases,
        signaturesByDay: labelled(s.signaturesByDay, (key) => dayKeyLabel(key, reader.locale)),
        petitions: await petitionFigures(reader),
        events: await eventAnswers(reader),
      };
      return { status: 200, body };
    },
  };
}
