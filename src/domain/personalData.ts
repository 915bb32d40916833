import { isPersianLocale } from "./digits.js";
import type { RegistrationDraft } from "./registration/draft.js";

/**
 * What the bot stores about one person, as they receive it with /mydata, and the markers that
 * take their place once they erased themselves (/deletemydata).
 */

/** Stands where an erased person's pseudonym was (audit actors, case events, creators). */
export const ERASED_USER = "erased";
/** A recipient list keeps its order when someone is taken out: they become `erased:<position>`. */
export const erasedRecipient = (position: string | number): string => `${ERASED_USER}:${position}`;
export const isErasedUser = (ref: string): boolean => ref === ERASED_USER || ref.startsWith(`${ERASED_USER}:`);

export interface PersonalAppeal {
  kind: "text" | "photo" | "voice";
  /** The text, or a photo's caption; null for voice messages. */
  text: string | null;
  durationSeconds: number | null;
  createdAt: Date;
}

export interface PersonalData {
  generatedAt: Date;
  profile: {
    /** The language chosen with /language; null when they never chose one. */
    locale: string | null;
    roles: { role: string; provinces: string[]; since: Date }[];
    /** An admin by the bot's configuration (ADMIN_IDS), which erasure cannot change. */
    adminByConfiguration: boolean;
    firstSeenAt: Date | null;
    lastSeenAt: Date | null;
    unreachableSince: Date | null;
    /** The IANA zone chosen in /settings (or from the country at registration); null: the default. */
    timeZone: string | null;
    /** Reminder kinds switched off in /settings. */
    reminderOptOuts: string[];
  };
  cases: {
    reference: string;
    status: string;
    closeReason: string | null;
    followingSince: Date;
    consentAt: Date;
    /** This family's own answers (after a merge: still only theirs). */
    answers: RegistrationDraft;
    /** The timeline as families see it (never the staff's internal notes). */
    timeline: { at: Date; type: string; to: string | null; closeReason: string | null; familyNote: string | null }[];
  }[];
  signatures: {
    petitionRef: string;
    petitionTitle: string;
    state: "active" | "withdrawn";
    signedAt: Date;
    withdrawnAt: Date | null;
    nameDisplay: string;
    name: string | null;
    province: string | null;
    country: string | null;
    relation: string | null;
    news: boolean;
    language: string;
    appeals: PersonalAppeal[];
  }[];
  /** Signatures given and taken back (the record of the withdrawal, no personal fields). */
  signatureWithdrawals: { petitionRef: string; petitionTitle: string; signedAt: Date; withdrawnAt: Date }[];
  letters: (PersonalAppeal & { to: string | null; from: string | null })[];
  /** Their answers to event invitations (Yes / Maybe / No), with the event's title and start. */
  eventAnswers?: { title: string; startsAt: Date; answer: string; answeredAt: Date }[];
  /** Messages the bot sent through its outbox (news, case updates, milestones). */
  messages: { total: number; items: { at: Date; kind: string; state: string }[] };
  /** Invitation links they issued as staff (who used one is another person's data: not shown). */
  invites: { role: string; provinces: string[]; createdAt: Date; expiresAt: Date; used: boolean }[];
  unfinishedConversation: boolean;
  /** Actions of theirs in the audit trail (what and when, nothing else is stored there). */
  /** The person's own entries of the audit trail, with the details /audit may show (counts and kinds, never content). */
  auditTrail: { at: Date; action: string; details: Record<string, unknown> }[];
}

/** What the text needs from the user's language; the bot builds it from its i18n. */
export interface PersonalDataWords {
  locale: string;
  t(key: string, args?: Record<string, string | number>): string;
  date(value: Date): string;
  /** A case's answers as the family reads them back in registration ("label: value"). */
  caseAnswers(answers: RegistrationDraft): { label: string; value: string }[];
  province(code: string): string;
  relation(code: string): string;
  language(code: string): string;
  /** Digits as the user writes them (Persian digits in Persian). */
  digits(value: string | number): string;
  /** An audit entry in words, as /audit shows it ("exported 12 cases"). */
  auditAction(action: string, details: Record<string, unknown>): string;
}

const BOM = "\ufeff";
const RLM = "\u200f";
const FSI = "\u2068";
const PDI = "\u2069";

/** A value inside a line: isolated, so Latin names and numbers do not scramble a Persian line. */
const isolate = (value: string): string => `${FSI}${value}${PDI}`;

/**
 * The readable part of /mydata: plain text (UTF-8 with a byte order mark, CRLF lines), which any
 * phone opens. Right-to-left languages get a right-to-left mark at the start of every line, so a
 * line that begins with a Latin name or a digit still reads from the right.
 */
export function personalDataText(data: PersonalData, words: PersonalDataWords): string {
  const { t } = words;
  const lines: string[] = [];
  const line = (text = "") => lines.push(text);
  const item = (label: string, value: string, indent = "") => line(`${indent}• ${label}: ${isolate(value)}`);
  const section = (title: string) => {
    line();
    line(`━━ ${title} ━━`);
  };
  const yesNo = (value: boolean) => t(value ? "mydata-yes" : "mydata-no");

  line(t("mydata-doc-title"));
  line(t("mydata-doc-made", { date: words.date(data.generatedAt) }));

  section(t("mydata-section-profile"));
  const { profile } = data;
  item(t("mydata-language"), profile.locale ? words.language(profile.locale) : t("mydata-language-not-chosen"));
  const roles = [t("mydata-role-family")];
  for (const grant of profile.roles) {
    const provinces = grant.provinces.map(words.province).join("، ");
    roles.push(`${t(`role-${grant.role}`)}${provinces ? ` (${provinces})` : ""} — ${t("mydata-since", { date: words.date(grant.since) })}`);
  }
  if (profile.adminByConfiguration) roles.push(t("mydata-admin-by-configuration"));
  item(t("mydata-roles"), roles.join("; "));
  if (profile.firstSeenAt) item(t("mydata-first-seen"), words.date(profile.firstSeenAt));
  if (profile.lastSeenAt) item(t("mydata-last-seen"), words.date(profile.lastSeenAt));
  if (profile.unreachableSince) item(t("mydata-unreachable"), words.date(profile.unreachableSince));
  item(t("mydata-time-zone"), profile.timeZone ?? t("mydata-time-zone-not-chosen"));
  if (profile.reminderOptOuts.length > 0) item(t("mydata-reminders-off"), profile.reminderOptOuts.map((kind) => t(`settings-reminder-${kind}`)).join("; "));

  section(t("mydata-section-cases", { count: data.cases.length }));
  if (data.cases.length === 0) line(t("mydata-none"));
  for (const registered of data.cases) {
    line();
    const status = t(`status-${registered.status}`) + (registered.closeReason ? ` (${t(`close-reason-${registered.closeReason}`)})` : "");
    line(t("mydata-case-heading", { reference: words.digits(registered.reference), status }));
    item(t("mydata-following-since"), words.date(registered.followingSince));
    item(t("mydata-consent"), words.date(registered.consentAt));
    for (const answer of words.caseAnswers(registered.answers)) item(answer.label, answer.value);
    line(`${t("mydata-timeline")}:`);
    for (const entry of registered.timeline) {
      const what =
        entry.type === "status" && entry.to ? t(`status-${entry.to}`) + (entry.closeReason ? ` (${t(`close-reason-${entry.closeReason}`)})` : "") : t(`timeline-${entry.type}`);
      line(`   • ${words.date(entry.at)}: ${what}${entry.familyNote ? ` — ${isolate(entry.familyNote)}` : ""}`);
    }
  }

  section(t("mydata-section-signatures", { count: data.signatures.length }));
  if (data.signatures.length === 0) line(t("mydata-none"));
  for (const signature of data.signatures) {
    line();
    line(`« ${isolate(signature.petitionTitle)} »`);
    item(t("mydata-signed-on"), words.date(signature.signedAt));
    if (signature.withdrawnAt) item(t("mydata-withdrawn-on"), words.date(signature.withdrawnAt));
    item(t("mydata-name-shown"), signature.name ?? t("mydata-without-name"));
    if (signature.province) item(t("mydata-province"), words.province(signature.province));
    if (signature.country) item(t("mydata-country"), signature.country);
    if (signature.relation) item(t("mydata-relation"), words.relation(signature.relation));
    item(t("mydata-news"), yesNo(signature.news));
    if (signature.appeals.length > 0) {
      line(`${t("mydata-appeals")}:`);
      for (const appeal of signature.appeals) line(`   • ${words.date(appeal.createdAt)}: ${appealText(appeal, words)}`);
    }
  }

  if (data.signatureWithdrawals.length > 0) {
    section(t("mydata-section-withdrawals"));
    for (const withdrawal of data.signatureWithdrawals) {
      line(`• « ${isolate(withdrawal.petitionTitle)} » ${t("mydata-withdrawal", { signed: words.date(withdrawal.signedAt), withdrawn: words.date(withdrawal.withdrawnAt) })}`);
    }
  }

  section(t("mydata-section-letters", { count: data.letters.length }));
  if (data.letters.length === 0) line(t("mydata-none"));
  for (const letter of data.letters) {
    line(`• ${words.date(letter.createdAt)}: ${t("mydata-letter-to-from", { to: letter.to ?? "", from: letter.from ?? "" })}`);
    line(`   ${appealText(letter, words)}`);
  }

  if (data.eventAnswers && data.eventAnswers.length > 0) {
    section(t("mydata-section-events"));
    for (const entry of data.eventAnswers) {
      line(`• « ${isolate(entry.title)} » ${words.date(entry.startsAt)}: ${t(`ev-answer-${entry.answer}`)} (${words.date(entry.answeredAt)})`);
    }
  }

  section(t("mydata-section-messages"));
  line(t("mydata-messages-total", { count: data.messages.total }));
  for (const message of data.messages.items) {
    line(`• ${words.date(message.at)}: ${t(`mydata-kind-${message.kind}`)}${message.state === "sent" ? "" : ` (${t("mydata-not-delivered")})`}`);
  }

  if (data.invites.length > 0) {
    section(t("mydata-section-invites"));
    for (const invite of data.invites) {
      const provinces = invite.provinces.map(words.province).join("، ");
      const what = `${t(`role-${invite.role}`)}${provinces ? ` (${provinces})` : ""}`;
      line(`• ${words.date(invite.createdAt)}: ${what} — ${t(invite.used ? "mydata-invite-used" : "mydata-invite-unused", { date: words.date(invite.expiresAt) })}`);
    }
  }

  section(t("mydata-section-conversation"));
  line(t(data.unfinishedConversation ? "mydata-conversation-stored" : "mydata-conversation-none"));

  section(t("mydata-section-audit"));
  if (data.auditTrail.length === 0) line(t("mydata-none"));
  for (const entry of data.auditTrail) line(`• ${words.date(entry.at)}: ${words.auditAction(entry.action, entry.details)}`);

  line();
  line(t("mydata-doc-footer"));

  const rtl = isPersianLocale(words.locale);
  return BOM + lines.map((text) => (rtl && text ? RLM + text : text)).join("\r\n") + "\r\n";
}

function appealText(appeal: PersonalAppeal, words: PersonalDataWords): string {
  const { t } = words;
  if (appeal.kind === "photo") return t("mydata-photo") + (appeal.text ? ` — ${isolate(appeal.text)}` : "");
  if (appeal.kind === "voice") return t("mydata-voice", { seconds: words.digits(appeal.durationSeconds ?? 0) });
  return isolate(appeal.text ?? "");
}

/** The same data for programs: JSON (UTF-8, no BOM), dates as ISO strings. */
export function personalDataJson(data: PersonalData): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
