import type { BotContext } from "../../context.js";
import { provinceList } from "./provinceLabels.js";

/** Accepts a role invitation from a /start deep link and tells the user what they can now do. */
export async function acceptInvite(ctx: BotContext, code: string): Promise<void> {
  const result = await ctx.services.team.acceptInvite(ctx.from!.id, code);
  if (!result.ok) {
    const key = result.error === "invite_used" ? "invite-used" : result.error === "invite_expired" ? "invite-expired" : "invite-invalid";
    await ctx.reply(ctx.t(key));
    return;
  }
  ctx.log.info({ role: result.value.role }, "role granted by invite");
  ctx.profile = (await ctx.services.users.get(ctx.from!.id)) ?? ctx.profile;
  if (result.value.role === "volunteer") {
    await ctx.reply(ctx.t("invite-accepted-volunteer", { provinces: await provinceList(ctx, result.value.provinces) }));
  } else {
    await ctx.reply(ctx.t("invite-accepted-coordinator"));
  }
}
