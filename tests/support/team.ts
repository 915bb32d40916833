import type { BotServices } from "../../src/bot/services.js";

/**
 * A volunteer joins the way volunteers really join: a coordinator or admin (`invitedBy`, a Telegram
 * id) creates an invitation for these provinces and the volunteer accepts it, both through the team
 * service — so roles, invitations and audit entries are what the bot itself would have stored.
 */
export async function seedVolunteer(services: Pick<BotServices, "team">, volunteer: { userId: number; provinces: string[]; invitedBy: number }): Promise<void> {
  const invite = await services.team.createInvite({ userId: volunteer.invitedBy }, "volunteer", volunteer.provinces);
  if (!invite.ok) throw new Error(`invitation not created: ${invite.error}`);
  const accepted = await services.team.acceptInvite(volunteer.userId, invite.value.code);
  if (!accepted.ok) throw new Error(`invitation not accepted: ${accepted.error}`);
}
