import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard, InlineQueryResultBuilder } from "grammy";
import { pickLocalized } from "../../../domain/petitions/content.js";
import { notSignableReason } from "../../../domain/petitions/lifecycle.js";
import { can } from "../../../domain/roles.js";
import { onButton, replacePressedMessage } from "../../buttons.js";
import { enterConversation } from "../../conversationKit.js";
import type { BotContext, ConversationContext } from "../../context.js";
import { requirePermission, withPermission } from "../../middleware/requirePermission.js";
import type { MenuEntry } from "../menu/mainMenu.js";
import { APPEAL_CONVERSATION, appealConversation, LETTER_CONVERSATION, letterConversation } from "./appealConversations.js";
import {
  addAppeal,
  confirmWithdrawal,
  exportLetters as exportLettersButton,
  managePetition,
  newPetition,
  petitionAction,
  sendAttachments,
  signPetition,
  viewPetition,
  withdrawSignature,
} from "./callbacks.js";
import { CREATE_PETITION_CONVERSATION, createPetitionConversation, EDIT_PETITION_CONVERSATION, editPetitionConversation } from "./createPetitionConversation.js";
import { changeStatus, exportLetters, exportPetition, renderOptions, sendAttachmentPage, showManagementCard, showManagementList, showStats } from "./management.js";
import { openPetitionsList, petitionCard, petitionLink, titleOf } from "./petitionText.js";
import { LAST_CALL_CONVERSATION, lastCallConversation } from "./lastCallConversation.js";
import { SIGN_PETITION_CONVERSATION, signPetitionConversation } from "./signConversation.js";

const INLINE_RESULTS = 20;
const INLINE_EXCERPT = 300;

/**
 * Petitions and appeals: signers read, sign, withdraw and add appeals; coordinators write, open,
 * close, count and export; anyone can share a petition card with inline mode (@bot in any chat).
 */
export function petitionsFeature() {
  const composer = new Composer<BotContext>();
  const conversations = [
    createConversation<BotContext, ConversationContext>(createPetitionConversation, CREATE_PETITION_CONVERSATION),
    createConversation<BotContext, ConversationContext>(editPetitionConversation, EDIT_PETITION_CONVERSATION),
    createConversation<BotContext, ConversationContext>(signPetitionConversation, SIGN_PETITION_CONVERSATION),
    createConversation<BotContext, ConversationContext>(appealConversation, APPEAL_CONVERSATION),
    createConversation<BotContext, ConversationContext>(letterConversation, LETTER_CONVERSATION),
    createConversation<BotContext, ConversationContext>(lastCallConversation, LAST_CALL_CONVERSATION),
  ];

  async function listOpen(ctx: BotContext): Promise<void> {
    const petitions = await ctx.services.petitions.listOpen();
    const list = openPetitionsList(ctx, petitions, await ctx.i18n.getLocale());
    await ctx.reply(list.text, { reply_markup: list.keyboard });
  }

  /** The signer's card. Drafts are visible only to those who manage petitions. */
  async function showPetition(ctx: BotContext, ref: string): Promise<void> {
    const petition = await ctx.services.petitions.get(ref);
    if (!petition || (petition.status === "draft" && !can(ctx.profile.actor, "petition.manage"))) {
      await ctx.reply(ctx.t("pet-not-found"));
      return;
    }
    const signature = await ctx.services.petitions.signatureOf(ctx.from!.id, ref);
    const card = petitionCard(ctx, petition, signature, await renderOptions(ctx));
    await ctx.reply(card.text, { reply_markup: card.keyboard });
  }

  /** t.me/<bot>?start=p_<ref>: the card, or a clear answer and the open petitions. */
  async function openFromLink(ctx: BotContext, ref: string): Promise<void> {
    const petition = await ctx.services.petitions.get(ref);
    if (!petition || petition.status === "draft") {
      await ctx.reply(ctx.t("pet-link-unknown"));
      return listOpen(ctx);
    }
    if (notSignableReason(petition, ctx.services.clock.now())) {
      await ctx.reply(ctx.t("pet-link-closed", { title: titleOf(petition, await ctx.i18n.getLocale()) }));
      return listOpen(ctx);
    }
    return showPetition(ctx, ref);
  }

  composer.command("petitions", listOpen);
  composer.command("letter", (ctx) => enterConversation(ctx, LETTER_CONVERSATION));
  composer.command("managepetitions", requirePermission("petition.manage"), showManagementList);
  composer.command("newpetition", requirePermission("petition.manage"), (ctx) => enterConversation(ctx, CREATE_PETITION_CONVERSATION));

  onButton(composer, viewPetition, async (ctx, data) => {
    await ctx.answerCallbackQuery();
    await showPetition(ctx, data.ref);
  });

  // Reading first, then signing: the button carries the text version the signer was shown.
  onButton(composer, signPetition, async (ctx, data) => {
    const petition = await ctx.services.petitions.get(data.ref);
    if (!petition || notSignableReason(petition, ctx.services.clock.now())) {
      await ctx.answerCallbackQuery();
      await ctx.reply(ctx.t(petition ? "pet-closed" : "pet-not-found"));
      return;
    }
    const signature = await ctx.services.petitions.signatureOf(ctx.from.id, data.ref);
    if (signature?.state === "active") {
      await ctx.answerCallbackQuery({ text: ctx.t("pet-already-signed"), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    if (petition.textVersion !== data.version) {
      await ctx.reply(ctx.t("pet-error-text-changed"));
      return showPetition(ctx, data.ref);
    }
    await enterConversation(ctx, SIGN_PETITION_CONVERSATION, data.ref, data.version);
  });

  onButton(composer, withdrawSignature, async (ctx, data) => {
    await ctx.answerCallbackQuery();
    const petition = await ctx.services.petitions.get(data.ref);
    await ctx.reply(ctx.t("pet-withdraw-confirm", { title: petition ? titleOf(petition, await ctx.i18n.getLocale()) : "" }), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t("pet-button-withdraw-yes"), confirmWithdrawal.pack({ ref: data.ref, answer: "yes" }))
        .row()
        .text(ctx.t("pet-button-withdraw-no"), confirmWithdrawal.pack({ ref: data.ref, answer: "no" })),
    });
  });

  onButton(composer, confirmWithdrawal, async (ctx, data) => {
    await ctx.answerCallbackQuery();
    if (data.answer === "no") {
      await replacePressedMessage(ctx, ctx.t("pet-withdraw-kept"));
      return;
    }
    const result = await ctx.services.petitions.withdraw(ctx.from.id, data.ref);
    if (!result.ok) {
      await replacePressedMessage(ctx, ctx.t(result.error === "not_signed" ? "pet-withdraw-not-signed" : result.error === "not_open" ? "pet-withdraw-closed" : "pet-not-found"));
      return;
    }
    ctx.log.info({ petition: data.ref }, "signature withdrawn");
    await replacePressedMessage(ctx, ctx.t("pet-withdrawn", { count: result.value.count }));
  });

  onButton(composer, addAppeal, async (ctx, data) => {
    await ctx.answerCallbackQuery();
    const signature = await ctx.services.petitions.signatureOf(ctx.from.id, data.ref);
    if (signature?.state !== "active") {
      await ctx.reply(ctx.t("pet-appeal-sign-first"));
      return;
    }
    await enterConversation(ctx, APPEAL_CONVERSATION, data.ref);
  });

  // Coordinators. Every handler sits behind the role guard; the services check again.
  composer.callbackQuery(newPetition.filter, requirePermission("petition.manage"), async (ctx) => {
    await ctx.answerCallbackQuery();
    await enterConversation(ctx, CREATE_PETITION_CONVERSATION);
  });
  onButton(composer, managePetition, requirePermission("petition.manage"), async (ctx, data) => {
    await ctx.answerCallbackQuery();
    await showManagementCard(ctx, data.ref);
  });
  // Exporting personal data is its own permission; every other action needs petition.manage.
  onButton(composer, petitionAction, (ctx, data) =>
    withPermission(ctx, data.action === "export" ? "petition.export" : "petition.manage", async () => {
      await ctx.answerCallbackQuery();
      switch (data.action) {
        case "edit":
          return enterConversation(ctx, EDIT_PETITION_CONVERSATION, data.ref);
        case "stats":
          return showStats(ctx, data.ref);
        case "export":
          return exportPetition(ctx, data.ref);
        case "lastcall":
          return enterConversation(ctx, LAST_CALL_CONVERSATION, data.ref);
        default:
          return changeStatus(ctx, data.ref, data.action);
      }
    }),
  );
  composer.callbackQuery(exportLettersButton.filter, requirePermission("petition.export"), async (ctx) => {
    await ctx.answerCallbackQuery();
    await exportLetters(ctx);
  });
  onButton(composer, sendAttachments, requirePermission("petition.export"), async (ctx, data) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    await sendAttachmentPage(ctx, data.scope, data.from);
  });

  // Inline mode: "@bot" in any chat offers the open petitions as cards with a link to sign.
  composer.on("inline_query", async (ctx) => {
    const query = ctx.inlineQuery.query.trim().toLowerCase();
    const locale = await ctx.i18n.getLocale();
    const botUsername = ctx.services.botUsername();
    const open = await ctx.services.petitions.listOpen();
    const matching = query === "" ? open : open.filter((p) => p.ref === query || p.texts.some((t) => t.title.toLowerCase().includes(query)));
    const results = matching.slice(0, INLINE_RESULTS).map((petition) => {
      const text = pickLocalized(petition.texts, locale);
      const excerpt = excerptOf(text?.body ?? "", INLINE_EXCERPT);
      const message = [
        ctx.t("pet-card-title", { title: text?.title ?? "" }),
        ctx.t("pet-card-addressee", { addressee: petition.addressee }),
        "",
        excerpt,
        "",
        ctx.t("pet-inline-count", { count: petition.count, goal: petition.goal }),
      ].join("\n");
      return InlineQueryResultBuilder.article(petition.ref, text?.title ?? petition.ref, {
        description: ctx.t("pet-inline-count", { count: petition.count, goal: petition.goal }),
        reply_markup: new InlineKeyboard().url(ctx.t("pet-button-read-and-sign"), petitionLink(botUsername, petition.ref)),
      }).text(message, { link_preview_options: { is_disabled: true } });
    });
    await ctx.answerInlineQuery(results, { cache_time: 10, is_personal: true });
  });

  const menuEntries: MenuEntry[] = [
    { labelKey: "pet-menu-petitions", visibleTo: () => true, run: listOpen },
    { labelKey: "pet-menu-letter", visibleTo: () => true, run: (ctx) => enterConversation(ctx, LETTER_CONVERSATION) },
    { labelKey: "pet-menu-manage", visibleTo: (actor) => can(actor, "petition.manage"), run: (ctx) => withPermission(ctx, "petition.manage", () => showManagementList(ctx)) },
  ];
  return { composer, conversations, menuEntries, openFromLink };
}

function excerptOf(body: string, max: number): string {
  const chars = Array.from(body);
  return chars.length <= max ? body : `${chars.slice(0, max - 1).join("").trimEnd()}…`;
}
