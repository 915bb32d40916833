import { InlineKeyboard } from "grammy";
import { utcOffsetMinutes } from "../../../domain/petitions/calendarDay.js";
import { pickLocalized } from "../../../domain/petitions/content.js";
import { notSignableReason } from "../../../domain/petitions/lifecycle.js";
import { progressBar, progressPercent } from "../../../domain/petitions/progress.js";
import { petitionStartPayload } from "../../../domain/startPayload.js";
import { provinceName } from "../../../domain/provinces.js";
import { formatDate } from "../../../domain/yearInput.js";
import type { PetitionStats, PetitionSummary, SignatureStatus } from "../../../services/petitions.js";
import { addAppeal, exportLetters, type MANAGE_ACTIONS, managePetition, newPetition, petitionAction, signPetition, viewPetition, withdrawSignature } from "./callbacks.js";

type ManageAction = (typeof MANAGE_ACTIONS)[number];

/** What rendering needs from a context, inside or outside a conversation. */
export interface Speaker {
  t(key: string, variables?: Record<string, string | number>): string;
}

export interface RenderOptions {
  locale: string;
  timeZone: string;
  botUsername: string;
  now: Date;
}

export const petitionLink = (botUsername: string, ref: string) => `https://t.me/${botUsername}?start=${petitionStartPayload(ref)}`;

export function formatCount(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

export function formatDay(date: Date, options: Pick<RenderOptions, "locale" | "timeZone">): string {
  return formatDate(date, options.locale, { utcOffsetMinutes: utcOffsetMinutes(options.timeZone, date) });
}

export function titleOf(petition: Pick<PetitionSummary, "texts">, locale: string): string {
  return pickLocalized(petition.texts, locale)?.title ?? "";
}

function progressLine(s: Speaker, petition: PetitionSummary): string {
  return s.t("pet-card-progress", {
    count: petition.count,
    goal: petition.goal,
    bar: progressBar(petition.count, petition.goal),
    percent: progressPercent(petition.count, petition.goal),
  });
}

/** The petition as a signer reads it: title, addressee, full text in their language, progress. */
export function petitionCard(s: Speaker, petition: PetitionSummary, signature: SignatureStatus | null, o: RenderOptions): { text: string; keyboard: InlineKeyboard } {
  const text = pickLocalized(petition.texts, o.locale);
  const lines = [s.t("pet-card-title", { title: text?.title ?? "" }), s.t("pet-card-addressee", { addressee: petition.addressee }), "", text?.body ?? "", ""];
  lines.push(progressLine(s, petition));
  const closed = notSignableReason(petition, o.now);
  if (closed) lines.push(s.t("pet-card-closed"));
  else if (petition.deadline) lines.push(s.t("pet-card-deadline", { date: formatDay(petition.deadline, o) }));
  const active = signature?.state === "active";
  if (active) lines.push(s.t("pet-card-signed", { date: formatDay(signature.signedAt, o) }));

  const keyboard = new InlineKeyboard();
  if (!closed && !active) keyboard.text(s.t("pet-button-sign"), signPetition.pack({ ref: petition.ref, version: petition.textVersion })).row();
  if (!closed && active) {
    keyboard.text(s.t("pet-button-appeal"), addAppeal.pack({ ref: petition.ref })).row();
    keyboard.text(s.t("pet-button-withdraw"), withdrawSignature.pack({ ref: petition.ref })).row();
  }
  if (!closed) keyboard.switchInline(s.t("pet-button-share"), petition.ref);
  return { text: lines.join("\n"), keyboard };
}

/** Open petitions, one line and one button each. */
export function openPetitionsList(s: Speaker, petitions: readonly PetitionSummary[], locale: string): { text: string; keyboard: InlineKeyboard } {
  const keyboard = new InlineKeyboard();
  if (petitions.length === 0) return { text: s.t("pet-list-empty"), keyboard };
  const lines = [s.t("pet-list-title"), ""];
  petitions.forEach((petition, index) => {
    lines.push(s.t("pet-list-item", { number: index + 1, title: titleOf(petition, locale), count: petition.count, goal: petition.goal, percent: progressPercent(petition.count, petition.goal) }));
    keyboard.text(`${index + 1}. ${truncate(titleOf(petition, locale), 40)}`, viewPetition.pack({ ref: petition.ref })).row();
  });
  return { text: lines.join("\n"), keyboard };
}

/** The coordinator's card: status, version, counts, link, and the actions its status allows. */
export function managementCard(s: Speaker, petition: PetitionSummary, o: RenderOptions): { text: string; keyboard: InlineKeyboard } {
  const lines = [
    s.t("pet-card-title", { title: titleOf(petition, o.locale) }),
    s.t("pet-manage-status", { status: s.t(`pet-status-${petition.status}`), ref: petition.ref }),
    s.t(petition.frozen ? "pet-manage-version-frozen" : "pet-manage-version", { version: petition.textVersion }),
    s.t("pet-card-addressee", { addressee: petition.addressee }),
    progressLine(s, petition),
  ];
  if (petition.deadline) lines.push(s.t("pet-card-deadline", { date: formatDay(petition.deadline, o) }));
  if (petition.deadline && petition.lastCallDays) lines.push(s.t("pet-manage-last-call", { days: petition.lastCallDays }));
  if (petition.milestones.length > 0) lines.push(s.t("pet-manage-milestones", { milestones: petition.milestones.map((m) => formatCount(m, o.locale)).join(" · ") }));
  lines.push(s.t("pet-manage-link", { link: petitionLink(o.botUsername, petition.ref) }));

  const keyboard = new InlineKeyboard();
  const action = (key: string, a: ManageAction) =>
    keyboard.text(s.t(key), petitionAction.pack({ ref: petition.ref, action: a }));
  if (!petition.frozen && (petition.status === "draft" || petition.status === "open")) action("pet-button-edit", "edit");
  if (petition.status === "draft") action("pet-button-open", "open");
  if (petition.status === "open") action("pet-button-close", "close");
  if (petition.deadline && (petition.status === "draft" || petition.status === "open")) action("pet-button-last-call", "lastcall");
  if (petition.status === "closed") {
    action("pet-button-reopen", "reopen");
    action("pet-button-deliver", "deliver");
  }
  keyboard.row();
  if (petition.status !== "draft") {
    action("pet-button-stats", "stats");
    action("pet-button-export", "export");
  }
  return { text: lines.join("\n"), keyboard };
}

export function managementList(s: Speaker, petitions: readonly PetitionSummary[], locale: string): { text: string; keyboard: InlineKeyboard } {
  const keyboard = new InlineKeyboard();
  const lines = [petitions.length === 0 ? s.t("pet-manage-empty") : s.t("pet-manage-title")];
  petitions.forEach((petition) => {
    const label = `${s.t(`pet-status-${petition.status}`)} · ${truncate(titleOf(petition, locale), 36)} · ${formatCount(petition.count, locale)}`;
    keyboard.text(label, managePetition.pack({ ref: petition.ref })).row();
  });
  keyboard.text(s.t("pet-button-new"), newPetition.pack({})).row();
  keyboard.text(s.t("pet-button-export-letters"), exportLetters.pack({}));
  return { text: lines.join("\n"), keyboard };
}

export function statsText(s: Speaker, petition: PetitionSummary, stats: PetitionStats, o: RenderOptions, recentDays = 14): string {
  const lines = [s.t("pet-stats-title", { title: titleOf(petition, o.locale) }), s.t("pet-stats-total", { count: stats.total, withdrawals: stats.withdrawals }), ""];
  lines.push(s.t("pet-stats-by-province"));
  for (const row of stats.byProvince) {
    const place = row.province ? provinceName(row.province, o.locale) : s.t("pet-abroad");
    lines.push(`• ${place}: ${formatCount(row.count, o.locale)}`);
  }
  if (stats.byDay.length > 0) {
    lines.push("", s.t("pet-stats-by-day"));
    for (const row of stats.byDay.slice(-recentDays)) {
      const [y, m, d] = row.day.split("-").map(Number);
      lines.push(`• ${formatDate(new Date(Date.UTC(y!, m! - 1, d!, 12)), o.locale)}: ${formatCount(row.count, o.locale)}`);
    }
  }
  if (stats.milestonesReached.length > 0) {
    lines.push("", s.t("pet-stats-milestones", { milestones: stats.milestonesReached.map((m) => formatCount(m, o.locale)).join(" · ") }));
  }
  return lines.join("\n");
}

function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
