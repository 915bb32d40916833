import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import { z } from "zod";
import { can } from "../../../domain/roles.js";
import { defineCallback } from "../../callbackData.js";
import { onButton, replacePressedMessage } from "../../buttons.js";
import { enterConversation } from "../../conversationKit.js";
import type { BotContext, ConversationContext } from "../../context.js";
import { requirePermission, withPermission } from "../../middleware/requirePermission.js";
import type { MenuEntry } from "../menu/mainMenu.js";
import { createInviteConversation, INVITE_CONVERSATION } from "./inviteConversation.js";
import { provinceList } from "./provinceLabels.js";
import { auditPage } from "../audit/index.js";

const revokeRole = defineCallback("trev", { userId: z.coerce.number().int().positive(), role: z.enum(["volunteer", "coordinator"]) });

/** Coordinators and admins manage the team: invite links and revocation. */
export function teamFeature() {
  const composer = new Composer<BotContext>();
  const conversation = createConversation<BotContext, ConversationContext>(createInviteConversation, INVITE_CONVERSATION);

  const startInvite = async (ctx: BotContext) => {
    await enterConversation(ctx, INVITE_CONVERSATION);
  };

  async function showTeam(ctx: BotContext): Promise<void> {
    const result = await ctx.services.team.listMembers(ctx.profile.actor);
    if (!result.ok) {
      await ctx.reply(ctx.t("error-not-allowed"));
      return;
    }
    if (result.value.length === 0) {
      await ctx.reply(ctx.t("team-empty"));
      return;
    }
    for (const member of result.value) {
      const keyboard = new InlineKeyboard();
      const lines: string[] = [];
      for (const grant of member.roles) {
        const provinces = grant.provinces.length > 0 ? await provinceList(ctx, grant.provinces) : "";
        lines.push(ctx.t("team-member-role", { role: ctx.t(`role-${grant.role}`), provinces }));
        keyboard.text(ctx.t("team-revoke-button", { role: ctx.t(`role-${grant.role}`) }), revokeRole.pack({ userId: member.userId, role: grant.role })).row();
      }
      // Admins open this member's audit trail from their card (the button is checked again when pressed).
      if (can(ctx.profile.actor, "audit.read")) keyboard.text(ctx.t("team-audit-button"), auditPage.pack({ page: 0, person: String(member.userId), day: "0", kind: "all" })).row();
      await ctx.reply(ctx.t("team-member", { id: String(member.userId), roles: lines.join("\n") }), { reply_markup: keyboard });
    }
  }

  composer.command("invite", requirePermission("team.invite.volunteer"), startInvite);
  composer.command("team", requirePermission("team.list"), showTeam);
  onButton(composer, revokeRole, requirePermission("team.revoke"), async (ctx, data) => {
    const result = await ctx.services.team.revoke(ctx.profile.actor, data.userId, data.role);
    await ctx.answerCallbackQuery();
    if (!result.ok) {
      const key = result.error === "cannot_revoke_self" ? "team-cannot-revoke-self" : result.error === "not_a_member" ? "team-not-a-member" : "error-not-allowed";
      await ctx.reply(ctx.t(key));
      return;
    }
    ctx.log.info({ role: data.role }, "role revoked");
    await replacePressedMessage(ctx, ctx.t("team-revoked", { id: String(data.userId), role: ctx.t(`role-${data.role}`) }));
  });

  const menuEntries: MenuEntry[] = [
    { labelKey: "menu-team", visibleTo: (actor) => can(actor, "team.list"), run: (ctx) => withPermission(ctx, "team.list", () => showTeam(ctx)) },
    { labelKey: "menu-invite", visibleTo: (actor) => can(actor, "team.invite.volunteer"), run: (ctx) => withPermission(ctx, "team.invite.volunteer", () => startInvite(ctx)) },
  ];
  return { composer, menuEntries, conversations: [conversation] };
}
