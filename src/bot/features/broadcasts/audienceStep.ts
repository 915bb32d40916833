import { InlineKeyboard } from "grammy";
import { CASE_STATUSES } from "../../../domain/caseStatus.js";
import { listProvinces } from "../../../domain/provinces.js";
import { can, type Actor } from "../../../domain/roles.js";
import type { Audience } from "../../../services/broadcasts.js";
import { ask } from "../../ask.js";
import type { ConversationContext } from "../../context.js";
import type { BotConversation } from "../../conversationKit.js";
import { pickProvinces } from "../../provincePicker.js";
import { audienceDetailButton, audienceKindButton, composeControl } from "./callbacks.js";

/** Who is composing, read once when the conversation starts. */
export interface Sender {
  actor: Actor;
  locale: string;
  defaultLocale: string;
  locales: readonly string[];
}

interface Choice {
  label: string;
  value: string;
}

/** The audiences that need one more choice: what is asked, what is offered, and where the answer goes. */
interface AudienceDetail {
  promptKey: string;
  field: "locale" | "status" | "petitionId" | "eventId";
  /** Said instead of the question when there is nothing to choose (the conversation ends). */
  noneKey?: string;
  choices(conversation: BotConversation, ctx: ConversationContext, sender: Sender): Promise<Choice[]>;
}

const AUDIENCE_DETAILS: Record<Exclude<Audience["kind"], "families">, AudienceDetail> = {
  language: {
    promptKey: "bc-choose-language",
    field: "locale",
    choices: async (_conversation, ctx, sender) => sender.locales.map((l) => ({ label: ctx.t(`language-name-${l}`), value: l })),
  },
  caseStatus: {
    promptKey: "bc-choose-status",
    field: "status",
    choices: async (_conversation, ctx) => CASE_STATUSES.map((s) => ({ label: ctx.t(`status-${s}`), value: s })),
  },
  signers: {
    promptKey: "bc-choose-petition",
    field: "petitionId",
    noneKey: "bc-no-petitions",
    choices: (conversation, _ctx, sender) =>
      conversation.external(async (outside) =>
        (await outside.services.petitions.listOpen()).map((p) => ({
          label: ((p.texts.find((t) => t.locale === sender.locale) ?? p.texts[0])?.title ?? p.ref).slice(0, 60),
          value: p.id,
        })),
      ),
  },
  eventYes: {
    promptKey: "bc-choose-event",
    field: "eventId",
    noneKey: "bc-no-events",
    choices: (conversation, _ctx, sender) =>
      conversation.external(async (outside) => {
        const events = await outside.services.events.list(outside.profile.actor);
        return events.ok
          ? events.value.map((e) => ({ label: ((e.texts.find((t) => t.locale === sender.locale) ?? e.texts[0])?.title ?? e.id).slice(0, 60), value: e.id }))
          : [];
      }),
  },
};

const AUDIENCE_KINDS = ["families", "language", "caseStatus", "signers", "eventYes"] as const;

export const withCancel = (ctx: ConversationContext, keyboard: InlineKeyboard) => keyboard.row().text(ctx.t("button-cancel"), composeControl.pack({ action: "cancel" }));
/** Cancel is the only control button these questions take. */
export const cancelOnly = { button: composeControl, accepts: (d: { action: string }) => d.action === "cancel" };

/**
 * Who receives the broadcast: a kind, the choice that kind needs, then provinces (coordinators may
 * reach everyone; volunteers choose among their own). Null when cancelled or nobody can be chosen;
 * the service checks the audience again on the server.
 */
export async function chooseAudience(conversation: BotConversation, ctx: ConversationContext, sender: Sender): Promise<Audience | "cancelled" | null> {
  const kindKeyboard = new InlineKeyboard();
  for (const kind of AUDIENCE_KINDS) kindKeyboard.text(ctx.t(`bc-audience-${kind}`), audienceKindButton.pack({ kind })).row();
  const kind = await ask(conversation, {
    prompt: () => ctx.reply(ctx.t("bc-choose-audience"), { reply_markup: withCancel(ctx, kindKeyboard) }),
    buttons: { kind: audienceKindButton, control: cancelOnly },
  });
  if (kind.kind === "control") return "cancelled";
  let audience: Audience = { kind: kind.data.kind, provinces: "all" };

  if (kind.data.kind !== "families") {
    const detail = AUDIENCE_DETAILS[kind.data.kind];
    const choices = await detail.choices(conversation, ctx, sender);
    if (choices.length === 0 && detail.noneKey) {
      await ctx.reply(ctx.t(detail.noneKey));
      return null;
    }
    const keyboard = new InlineKeyboard();
    for (const choice of choices) keyboard.text(choice.label, audienceDetailButton.pack({ value: choice.value })).row();
    const picked = await ask(conversation, {
      prompt: () => ctx.reply(ctx.t(detail.promptKey), { reply_markup: withCancel(ctx, keyboard) }),
      buttons: { choice: { button: audienceDetailButton, accepts: (d: { value: string }) => choices.some((c) => c.value === d.value) }, control: cancelOnly },
    });
    if (picked.kind === "control") return "cancelled";
    // One of the values offered above; the service parses the whole audience again.
    audience = { ...audience, [detail.field]: picked.data.value } as Audience;
  }

  const wide = can(sender.actor, "province.all");
  const choosable = wide ? [] : [...sender.actor.provinces];
  if (!wide && choosable.length === 1) return { ...audience, provinces: choosable };
  const provinces = await pickProvinces(conversation, ctx, {
    codes: wide ? listProvinces().map((p) => p.code) : choosable,
    locale: sender.locale,
    promptKey: wide ? "bc-choose-provinces-wide" : "bc-choose-provinces",
    allowAll: wide,
  });
  return provinces === null ? "cancelled" : { ...audience, provinces };
}
