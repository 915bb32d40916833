import { InlineKeyboard } from "grammy";
import { z } from "zod";
import { listProvinces } from "../../../domain/provinces.js";
import { can, invitePermission, type GrantableRole } from "../../../domain/roles.js";
import { inviteStartPayload } from "../../../domain/startPayload.js";
import { defineCallback } from "../../callbackData.js";
import type { ConversationContext } from "../../context.js";
import { ask } from "../../ask.js";
import { replacePressedMessage } from "../../buttons.js";
import type { BotConversation } from "../../conversationKit.js";
import { pickProvinces } from "../../provincePicker.js";

export const INVITE_CONVERSATION = "createInvite";

const pickRole = defineCallback("invr", { role: z.enum(["volunteer", "coordinator", "cancel"]) });

/**
 * A coordinator creates a single-use invite link: role, then (for volunteers) the provinces they serve.
 * Permission is checked when the conversation starts, when the role is chosen, and by the service
 * at the moment it creates the invite (roles re-read from the database each time).
 */
export async function createInviteConversation(conversation: BotConversation, ctx: ConversationContext): Promise<void> {
  const botUsername = await conversation.external((outside) => outside.services.botUsername());
  const locale = await conversation.external((outside) => outside.i18n.getLocale());

  const { data, ctx: roleCtx } = await ask(conversation, {
    prompt: () =>
      ctx.reply(ctx.t("invite-choose-role"), {
        reply_markup: new InlineKeyboard()
          .text(ctx.t("role-volunteer"), pickRole.pack({ role: "volunteer" }))
          .text(ctx.t("role-coordinator"), pickRole.pack({ role: "coordinator" }))
          .row()
          .text(ctx.t("button-cancel"), pickRole.pack({ role: "cancel" })),
      }),
    buttons: { role: pickRole },
    hint: "invite-use-buttons",
  });
  const choice = data.role;
  if (choice === "cancel") {
    await replacePressedMessage(roleCtx, ctx.t("invite-cancelled"));
    return;
  }
  const role: GrantableRole = choice;
  // Roles as stored now, not when /invite was sent (a coordinator may have been revoked meanwhile).
  const allowed = await conversation.external(async (outside) => can(await outside.services.users.actorNow(outside.profile.id), invitePermission(role)));
  if (!allowed) {
    await replacePressedMessage(roleCtx, ctx.t("error-not-allowed"));
    return;
  }

  let provinces: string[] = [];
  if (role === "volunteer") {
    const picked = await pickProvinces(conversation, ctx, {
      codes: listProvinces().map((p) => p.code),
      locale,
      promptKey: "invite-choose-provinces",
      editInPlace: roleCtx,
    });
    if (picked === null || picked === "all") {
      await ctx.reply(ctx.t("invite-cancelled"));
      return;
    }
    provinces = picked;
  }

  // The service re-reads the inviter's roles at this moment and refuses a member revoked meanwhile.
  const created = await conversation.external((outside) => outside.services.team.createInvite(outside.profile.actor, role, provinces));
  if (!created.ok) {
    await ctx.reply(ctx.t("error-not-allowed"));
    return;
  }
  const link = `https://t.me/${botUsername}?start=${inviteStartPayload(created.value.code)}`;
  await ctx.reply(ctx.t("invite-created", { role: ctx.t(`role-${role}`), link, hours: 48 }));
}
