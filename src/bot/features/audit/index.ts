import { Composer, InlineKeyboard } from "grammy";
import { z } from "zod";
import { AUDIT_KIND_NAMES, type AuditKind } from "../../../domain/auditActions.js";
import { parseAuditFilter, type AuditFilter } from "../../../domain/auditFilter.js";
import { formatDigits } from "../../../domain/digits.js";
import { parseCaseReference } from "../../../domain/caseReference.js";
import { formatEventTime } from "../../../domain/events.js";
import { formatDate } from "../../../domain/yearInput.js";
import type { AuditActor, AuditLine } from "../../../services/auditLog.js";
import { onButton, replacePressedMessage } from "../../buttons.js";
import { defineCallback } from "../../callbackData.js";
import type { BotContext } from "../../context.js";
import { requirePermission } from "../../middleware/requirePermission.js";
import { actionText } from "./actionText.js";

/** A page of the trail: the filter travels in the button (person "all" | "me" | a member's number, day "0" | YYYYMMDD, kind "all" | a kind). */
export const auditPage = defineCallback("aud", {
  page: z.coerce.number().int().min(0).max(99_999),
  person: z.string().regex(/^(all|me|[1-9]\d{0,15})$/),
  day: z.string().regex(/^(0|\d{8})$/),
  kind: z.enum(["all", ...AUDIT_KIND_NAMES]),
});

const packFilter = (filter: AuditFilter) => ({
  person: filter.person === undefined ? "all" : String(filter.person),
  day: filter.day === undefined ? "0" : filter.day.replaceAll("-", ""),
  kind: filter.kind ?? ("all" as const),
});

function unpackFilter(data: { person: string; day: string; kind: AuditKind | "all" }): AuditFilter {
  return {
    ...(data.person === "all" ? {} : { person: data.person === "me" ? "me" : Number(data.person) }),
    ...(data.day === "0" ? {} : { day: `${data.day.slice(0, 4)}-${data.day.slice(4, 6)}-${data.day.slice(6, 8)}` }),
    ...(data.kind === "all" ? {} : { kind: data.kind }),
  };
}

function withoutKind(filter: AuditFilter): AuditFilter {
  const { kind: _kind, ...rest } = filter;
  return rest;
}

/** Admins read who did what and when (never the content): /audit [me | member number] [day] [kind of action]. */
export function auditFeature() {
  const composer = new Composer<BotContext>();

  function who(ctx: BotContext, actor: AuditActor): string {
    if (actor.kind === "member") return ctx.t("audit-actor-member", { id: String(actor.userId) });
    return ctx.t(actor.kind === "family" ? "audit-actor-family" : actor.kind === "gone" ? "audit-actor-gone" : "audit-actor-erased");
  }

  /** "• <when> · <who> · <what, with counts> · <on which case or person>", all in the reader's language. */
  function lineText(ctx: BotContext, line: AuditLine, locale: string, timeZone: string): string {
    // A case reference is written in the reader's digits (as /case shows it); other subjects (an invitation's or a job's id) as they are.
    const subject = line.subjectPerson
      ? who(ctx, line.subjectPerson)
      : line.subject !== undefined
        ? `\u2068${parseCaseReference(line.subject) === line.subject ? formatDigits(line.subject, locale) : line.subject}\u2069`
        : undefined;
    const parts = [formatEventTime(line.at, locale, timeZone), who(ctx, line.actor), actionText((key, args) => ctx.t(key, args), line.entry, locale)];
    if (subject) parts.push(subject);
    return `• ${parts.join(" · ")}`;
  }

  async function showPage(ctx: BotContext, filter: AuditFilter, page: number, edit: boolean): Promise<void> {
    const locale = await ctx.i18n.getLocale();
    const { timeZone } = await ctx.services.users.settingsOf(ctx.profile.id);
    const result = await ctx.services.auditLog.list(ctx.profile.actor, { ...filter, page }, timeZone);
    if (!result.ok) {
      await ctx.reply(result.error === "forbidden" ? ctx.t("error-not-allowed") : `${ctx.t("audit-filter-unknown")}\n${ctx.t("audit-filter-kinds")}`);
      return;
    }
    const { lines, hasMore } = result.value;
    const heading = [ctx.t("audit-title", { page: formatDigits(page + 1, locale) })];
    if (filter.person !== undefined) heading.push(ctx.t("audit-filter-person", { who: filter.person === "me" ? ctx.t("audit-me") : ctx.t("audit-actor-member", { id: String(filter.person) }) }));
    if (filter.day !== undefined) heading.push(ctx.t("audit-filter-day", { day: formatDate(new Date(`${filter.day}T12:00:00Z`), locale) }));
    if (filter.kind !== undefined) heading.push(ctx.t("audit-filter-kind", { kind: ctx.t(`audit-kind-${filter.kind}`) }));
    const body = lines.length > 0 ? lines.map((line) => lineText(ctx, line, locale, timeZone)).join("\n") : ctx.t(page === 0 ? "audit-empty" : "audit-page-empty");
    const keyboard = new InlineKeyboard();
    if (page > 0) keyboard.text(ctx.t("audit-previous"), auditPage.pack({ page: page - 1, ...packFilter(filter) }));
    if (hasMore) keyboard.text(ctx.t("audit-next"), auditPage.pack({ page: page + 1, ...packFilter(filter) }));
    // One kind of action at a press (the chosen one is ticked; pressed again, it is lifted), keeping the person and the day.
    AUDIT_KIND_NAMES.forEach((kind, index) => {
      if (index % 3 === 0) keyboard.row();
      const chosen = filter.kind === kind;
      const label = `${chosen ? "✅ " : ""}${ctx.t(`audit-kind-${kind}`)}`;
      keyboard.text(label, auditPage.pack({ page: 0, ...packFilter({ ...withoutKind(filter), ...(chosen ? {} : { kind }) }) }));
    });
    const text = `${heading.join("\n")}\n\n${body}`;
    if (edit) await replacePressedMessage(ctx, text, { reply_markup: keyboard });
    else await ctx.reply(text, { reply_markup: keyboard });
  }

  composer.command("audit", requirePermission("audit.read"), async (ctx) => {
    const parsed = parseAuditFilter(typeof ctx.match === "string" ? ctx.match : "");
    if (!parsed.ok) {
      const key = parsed.error === "too_long" ? "audit-filter-too-long" : parsed.error === "no_such_date" ? "audit-filter-no-such-date" : "audit-filter-unknown";
      // An unknown word is answered with every filter there is, the kinds of action included.
      await ctx.reply(key === "audit-filter-unknown" ? `${ctx.t(key)}\n${ctx.t("audit-filter-kinds")}` : ctx.t(key));
      return;
    }
    await showPage(ctx, parsed.filter, 0, false);
  });

  onButton(composer, auditPage, requirePermission("audit.read"), async (ctx, data) => {
    await ctx.answerCallbackQuery();
    // Paging turns the page in place; pressed on a /team card, the trail comes as a new message.
    const buttons = ctx.callbackQuery.message?.reply_markup?.inline_keyboard.flat() ?? [];
    const onAuditPage = buttons.every((button) => "callback_data" in button && auditPage.filter.test(button.callback_data));
    await showPage(ctx, unpackFilter(data), data.page, onAuditPage);
  });

  return { composer };
}
