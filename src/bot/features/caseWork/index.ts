import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import { parseCaseReference } from "../../../domain/caseReference.js";
import { allowedTargets } from "../../../domain/caseStatus.js";
import { formatDigits, isPersianLocale } from "../../../domain/digits.js";
import { provinceName } from "../../../domain/provinces.js";
import { can, caseActorOf } from "../../../domain/roles.js";
import { formatYear } from "../../../domain/yearInput.js";
import type { FollowingFamily, StaffCaseView } from "../../../services/cases/caseService.js";
import type { BotContext, ConversationContext } from "../../context.js";
import { onButton } from "../../buttons.js";
import { enterConversation } from "../../conversationKit.js";
import { requirePermission } from "../../middleware/requirePermission.js";
import { timelineLines } from "../myCases/index.js";
import { confirmDuplicate, moveCase, rejectDuplicates } from "./callbacks.js";
import { caseSearchFeature } from "./caseSearch.js";
import { locationsFeature } from "./locations.js";
import { createStatusConversation, STATUS_CONVERSATION, type StatusChangeInput } from "./statusConversation.js";

function placeName(ctx: BotContext, province: string, locale: string): string {
  return province === "abroad" ? ctx.t("province-abroad") : provinceName(province, locale);
}

/** One family following the case, for coordinators: relation, where they live, how to reach them. */
function familyLine(ctx: BotContext, locale: string, family: FollowingFamily): string {
  const place = [placeName(ctx, family.province, locale), family.city].filter(Boolean).join(isPersianLocale(locale) ? "، " : ", ");
  const reach = family.reach.kind === "phone" ? ctx.t("casework-family-phone", { phone: family.reach.phone }) : ctx.t("casework-family-telegram");
  return ctx.t("casework-family-line", { relation: ctx.t(`pet-relation-${family.relation}`), place, reach });
}

/** The case card: details, the families following it (contacts for coordinators only), timeline and the moves the role allows. */
export async function showCase(ctx: BotContext, view: StaffCaseView): Promise<void> {
  const locale = await ctx.i18n.getLocale();
  const none = ctx.t("reg-value-none");
  const lines = [
    ctx.t("status-card", { name: view.fullName, reference: formatDigits(view.reference, locale), status: ctx.t(`status-${view.status}`) }),
    `${ctx.t("reg-field-otherNames")}: ${view.otherNames ?? none}`,
    `${ctx.t("reg-field-birthYear")}: ${view.birthYear ? formatYear(view.birthYear, locale) : none}`,
    `${ctx.t("reg-field-leftYear")}: ${view.leftYear ? formatYear(view.leftYear, locale) : none}`,
    `${ctx.t("casework-province")}: ${view.province === "abroad" ? ctx.t("province-abroad") : provinceName(view.province, locale)}`,
    ctx.t("casework-families", { count: view.familyCount }),
  ];
  for (const family of view.families ?? []) lines.push(familyLine(ctx, locale, family));
  if (view.possibleDuplicates.length > 0 && view.duplicateReview === "pending") {
    lines.push(ctx.t("casework-possible-duplicates", { references: view.possibleDuplicates.map((d) => formatDigits(d.reference, locale)).join(", ") }));
  }
  const timeline = timelineLines(ctx, locale, view.timeline).map((line, i) => {
    const internal = view.timeline[i]?.internalNote;
    return internal ? `${line}\n   🔒 ${internal}` : line;
  });
  const keyboard = new InlineKeyboard();
  for (const to of allowedTargets(view.status, caseActorOf(ctx.profile.actor))) {
    keyboard.text(`➡️ ${ctx.t(`status-${to}`)}`, moveCase.pack({ caseId: view.caseId, to })).row();
  }
  if (can(ctx.profile.actor, "case.duplicates") && view.duplicateReview === "pending" && view.status !== "closed") {
    for (const d of view.possibleDuplicates) {
      keyboard.text(ctx.t("casework-confirm-duplicate", { reference: formatDigits(d.reference, locale) }), confirmDuplicate.pack({ caseId: view.caseId, of: d.caseId })).row();
    }
    keyboard.text(ctx.t("casework-reject-duplicates"), rejectDuplicates.pack({ caseId: view.caseId })).row();
  }
  await ctx.reply(`${lines.join("\n")}\n\n${timeline.join("\n")}`, { reply_markup: keyboard });
}

/**
 * Volunteers and coordinators work on cases: /case <reference> shows it (volunteers only within
 * their provinces; every view is audited) with the status moves their role allows.
 */
export function caseWorkFeature() {
  const composer = new Composer<BotContext>();
  const statusConversation = createConversation<BotContext, ConversationContext>(createStatusConversation(), STATUS_CONVERSATION);
  const locations = locationsFeature();

  composer.command("case", requirePermission("case.view"), async (ctx) => {
    const reference = parseCaseReference(ctx.match);
    if (!reference) return ctx.reply(ctx.t("casework-usage"));
    const result = await ctx.services.cases.findForStaff(ctx.profile.actor, reference);
    if (!result.ok) return ctx.reply(ctx.t(result.error === "forbidden" ? "casework-not-your-province" : "casework-not-found"));
    await showCase(ctx, result.value);
  });

  onButton(composer, moveCase, requirePermission("case.status"), async (ctx, data) => {
    await ctx.answerCallbackQuery();
    // The case id comes from a button, which can be forged: the service checks it against the
    // volunteer's provinces before anything about the case is shown.
    const found = await ctx.services.cases.referenceForStatusMove(ctx.profile.actor, data.caseId);
    if (!found.ok) return ctx.reply(ctx.t(found.error === "forbidden" ? "casework-not-your-province" : "casework-not-found"));
    const input: StatusChangeInput = { caseId: data.caseId, reference: found.value, to: data.to };
    await enterConversation(ctx, STATUS_CONVERSATION, input);
  });

  onButton(composer, confirmDuplicate, requirePermission("case.duplicates"), async (ctx, data) => {
    await ctx.answerCallbackQuery();
    const result = await ctx.services.cases.confirmDuplicate(ctx.profile.actor, data.caseId, data.of);
    await ctx.reply(result.ok ? ctx.t("casework-duplicate-confirmed", { families: result.value.movedFamilies }) : ctx.t("casework-not-found"));
  });

  onButton(composer, rejectDuplicates, requirePermission("case.duplicates"), async (ctx, data) => {
    await ctx.answerCallbackQuery();
    const result = await ctx.services.cases.rejectDuplicates(ctx.profile.actor, data.caseId);
    await ctx.reply(ctx.t(result.ok ? "casework-duplicates-rejected" : "casework-not-found"));
  });

  composer.use(locations.composer);
  composer.use(caseSearchFeature());
  return { composer, conversations: [statusConversation, ...locations.conversations] };
}
