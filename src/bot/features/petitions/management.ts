import { InlineKeyboard, InputFile } from "grammy";
import { UTF8_BOM } from "../../../domain/petitions/csv.js";
import type { PetitionStatus } from "../../../domain/petitions/lifecycle.js";
import { provinceName } from "../../../domain/provinces.js";
import type { ExportAttachment, PetitionExport } from "../../../services/petitionExport.js";
import type { BotContext } from "../../context.js";
import { sendAttachments } from "./callbacks.js";
import { formatCount, formatDay, managementCard, managementList, statsText, type RenderOptions, type Speaker } from "./petitionText.js";

/** Attachments are sent a page at a time: Telegram allows about one message a second per chat. */
export const ATTACHMENT_PAGE = 10;

export async function renderOptions(ctx: BotContext): Promise<RenderOptions> {
  return { locale: await ctx.i18n.getLocale(), timeZone: ctx.services.petitions.timeZone, botUsername: ctx.services.botUsername(), now: ctx.services.clock.now() };
}

export async function showManagementCard(ctx: BotContext, ref: string): Promise<void> {
  const petition = await ctx.services.petitions.get(ref);
  if (!petition) {
    await ctx.reply(ctx.t("pet-not-found"));
    return;
  }
  const card = managementCard(ctx, petition, await renderOptions(ctx));
  await ctx.reply(card.text, { reply_markup: card.keyboard, link_preview_options: { is_disabled: true } });
}

export async function showManagementList(ctx: BotContext): Promise<void> {
  const listed = await ctx.services.petitions.listForManagement(ctx.profile.actor);
  if (!listed.ok) {
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  const list = managementList(ctx, listed.value, await ctx.i18n.getLocale());
  await ctx.reply(list.text, { reply_markup: list.keyboard });
}

const STATUS_AFTER: Record<"open" | "close" | "reopen" | "deliver", PetitionStatus> = { open: "open", close: "closed", reopen: "open", deliver: "delivered" };

export async function changeStatus(ctx: BotContext, ref: string, action: keyof typeof STATUS_AFTER): Promise<void> {
  const result = await ctx.services.petitions.changeStatus(ctx.profile.actor, ref, STATUS_AFTER[action]);
  if (!result.ok) {
    await ctx.reply(ctx.t(result.error === "not_found" ? "pet-not-found" : result.error === "invalid_transition" ? "pet-error-transition" : "error-not-allowed"));
    return;
  }
  ctx.log.info({ petition: ref, status: result.value.status }, "petition status changed");
  await ctx.reply(ctx.t(`pet-status-changed-${result.value.status}`));
  await showManagementCard(ctx, ref);
}

export async function showStats(ctx: BotContext, ref: string): Promise<void> {
  const [petition, stats] = await Promise.all([ctx.services.petitions.get(ref), ctx.services.petitions.stats(ctx.profile.actor, ref)]);
  if (!petition || !stats.ok) {
    await ctx.reply(ctx.t(!petition ? "pet-not-found" : "error-not-allowed"));
    return;
  }
  await ctx.reply(statsText(ctx, petition, stats.value, await renderOptions(ctx)));
}

/** Sends the signatures, the appeals and the text with totals as files, then offers the attachments. */
export async function exportPetition(ctx: BotContext, ref: string): Promise<void> {
  const result = await ctx.services.petitionExport.exportPetition(ctx.profile.actor, ref);
  if (!result.ok) {
    await ctx.reply(ctx.t(result.error === "not_found" ? "pet-not-found" : "error-not-allowed"));
    return;
  }
  const exported = result.value;
  const options = await renderOptions(ctx);
  ctx.log.info({ petition: ref, signatures: exported.totals.signatures, appeals: exported.totals.appeals }, "petition exported");
  await ctx.replyWithChatAction("upload_document");
  await ctx.replyWithDocument(file(exported.signaturesCsv, `petition-${ref}-signatures.csv`), {
    caption: ctx.t("pet-export-signatures-caption", { count: exported.totals.signatures }),
  });
  await ctx.replyWithDocument(file(exported.appealsCsv, `petition-${ref}-appeals.csv`), {
    caption: ctx.t("pet-export-appeals-caption", { count: exported.totals.appeals, attachments: exported.attachments.length }),
  });
  await ctx.replyWithDocument(file(UTF8_BOM + petitionTextFile(ctx, exported, options), `petition-${ref}-text.txt`), {
    caption: ctx.t("pet-export-text-caption"),
  });
  await offerAttachments(ctx, ref, exported.attachments.length);
}

export async function exportLetters(ctx: BotContext): Promise<void> {
  const result = await ctx.services.petitionExport.exportLetters(ctx.profile.actor);
  if (!result.ok) {
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  ctx.log.info({ letters: result.value.count }, "letters exported");
  await ctx.replyWithDocument(file(result.value.lettersCsv, `letters-${result.value.exportedAt.toISOString().slice(0, 10)}.csv`), {
    caption: ctx.t("pet-export-letters-caption", { count: result.value.count, attachments: result.value.attachments.length }),
  });
  await offerAttachments(ctx, "letters", result.value.attachments.length);
}

async function offerAttachments(ctx: BotContext, scope: string, count: number): Promise<void> {
  if (count === 0) return;
  await ctx.reply(ctx.t("pet-export-attachments", { count }), {
    reply_markup: new InlineKeyboard().text(ctx.t("pet-button-send-attachments"), sendAttachments.pack({ scope, from: 0 })),
  });
}

/** One page of photos and voice messages, each captioned with its number in the file ("A-0003"). */
export async function sendAttachmentPage(ctx: BotContext, scope: string, from: number): Promise<void> {
  const result = await ctx.services.petitionExport.attachments(ctx.profile.actor, scope);
  if (!result.ok) {
    await ctx.reply(ctx.t(result.error === "not_found" ? "pet-not-found" : "error-not-allowed"));
    return;
  }
  const page = result.value.slice(from, from + ATTACHMENT_PAGE);
  for (const attachment of page) await sendAttachment(ctx, attachment);
  const next = from + page.length;
  if (next < result.value.length) {
    await ctx.reply(ctx.t("pet-export-attachments-more", { sent: next, count: result.value.length }), {
      reply_markup: new InlineKeyboard().text(ctx.t("pet-button-next"), sendAttachments.pack({ scope, from: next })),
    });
  } else {
    await ctx.reply(ctx.t("pet-export-attachments-done", { count: result.value.length }));
  }
}

async function sendAttachment(ctx: BotContext, attachment: ExportAttachment): Promise<void> {
  if (attachment.kind === "photo") await ctx.replyWithPhoto(attachment.fileId, { caption: attachment.label });
  else await ctx.replyWithVoice(attachment.fileId, { caption: attachment.label });
}

function file(content: string, filename: string): InputFile {
  return new InputFile(Buffer.from(content, "utf8"), filename);
}

/** Bidi isolation marks help in chat bubbles; a text file for printing is cleaner without them. */
const withoutIsolation = (text: string) => text.replace(/[\u2066-\u2069]/g, "");

/** The petition text in every language it was written in, with the totals, for the addressee's file. */
export function petitionTextFile(s: Speaker, exported: PetitionExport, o: RenderOptions): string {
  const { petition, totals } = exported;
  const t = (key: string, variables?: Record<string, string | number>) => withoutIsolation(s.t(key, variables));
  const lines = [
    t("pet-export-heading", { ref: petition.ref, version: petition.textVersion }),
    t("pet-card-addressee", { addressee: petition.addressee }),
    t("pet-export-exported-at", { date: exported.exportedAt.toISOString() }),
    "",
  ];
  for (const text of petition.texts) {
    lines.push(`==== ${t(`pet-language-${text.locale}`)} ====`, "", text.title, "", text.body.replace(/\n/g, "\r\n"), "");
  }
  lines.push("====", t("pet-export-totals", { count: totals.signatures, withdrawals: totals.withdrawals, appeals: totals.appeals }));
  if (totals.firstSignedAt && totals.lastSignedAt) {
    lines.push(t("pet-export-period", { first: formatDay(totals.firstSignedAt, o), last: formatDay(totals.lastSignedAt, o) }));
  }
  lines.push("", t("pet-stats-by-province"));
  for (const row of totals.byProvince) {
    lines.push(`• ${row.province ? provinceName(row.province, o.locale) : t("pet-abroad")}: ${formatCount(row.count, o.locale)}`);
  }
  return lines.join("\r\n") + "\r\n";
}
