import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import { z } from "zod";
import { COUNTRY_CODES, COUNTRY_TIME_ZONES, COUNTRY_ZONE_LIST, canonicalTimeZone, countryFromName, zoneCityKey, type CountryCode } from "../../../domain/timeZones.js";
import { OPTIONAL_REMINDER_KINDS, type ReminderKind } from "../../../services/reminders/reminderTypes.js";
import type { UserSettings } from "../../../services/users.js";
import { ask, type Parsed } from "../../ask.js";
import { onButton, replacePressedMessage } from "../../buttons.js";
import { defineCallback } from "../../callbackData.js";
import { enterConversation, type BotConversation } from "../../conversationKit.js";
import type { BotContext, ConversationContext } from "../../context.js";
import type { MenuEntry } from "../menu/mainMenu.js";

export const TIME_ZONE_CONVERSATION = "settingsTimeZone";

const settingsAction = defineCallback("stg", { action: z.enum(["language", "zone", "typezone", "cancel"]) });
const reminderToggle = defineCallback("stgr", { kind: z.enum(OPTIONAL_REMINDER_KINDS), on: z.enum(["0", "1"]) });
const chooseCountry = defineCallback("stgc", { country: z.enum(COUNTRY_CODES as [CountryCode, ...CountryCode[]]) });
const chooseZone = defineCallback("stgz", { zone: z.string().refine((zone) => COUNTRY_ZONE_LIST.includes(zone)) });

type Translate = (key: string, variables?: Record<string, string | number>) => string;

/** A zone as a family reads it: "Germany", "Canada — Vancouver", or the IANA name typed by the user. */
export function zoneLabel(t: Translate, zone: string): string {
  for (const code of COUNTRY_CODES) {
    const zones: readonly string[] = COUNTRY_TIME_ZONES[code];
    if (!zones.includes(zone)) continue;
    const country = t(`tz-country-${code}`);
    return zones.length === 1 ? country : `${country} — ${t(`tz-zone-${zoneCityKey(zone)}`)}`;
  }
  return zone;
}

function settingsText(t: Translate, settings: UserSettings): string {
  const reminders = OPTIONAL_REMINDER_KINDS.map((kind) => `${settings.reminderOptOuts.includes(kind) ? "🔕" : "🔔"} ${t(`settings-reminder-${kind}`)}`);
  return [
    t("settings-title"),
    "",
    t("settings-language", { language: t("language-native-name") }),
    t("settings-time-zone", { zone: zoneLabel(t, settings.timeZone) }),
    "",
    t("settings-reminders"),
    ...reminders,
  ].join("\n");
}

function settingsKeyboard(t: Translate, settings: UserSettings): InlineKeyboard {
  const keyboard = new InlineKeyboard()
    .text(t("settings-button-language"), settingsAction.pack({ action: "language" }))
    .text(t("settings-button-zone"), settingsAction.pack({ action: "zone" }))
    .row();
  for (const kind of OPTIONAL_REMINDER_KINDS) {
    const on = !settings.reminderOptOuts.includes(kind);
    // The button says what pressing it does.
    keyboard.text(t(on ? "settings-button-reminder-off" : "settings-button-reminder-on", { reminder: t(`settings-reminder-${kind}`) }), reminderToggle.pack({ kind, on: on ? "0" : "1" })).row();
  }
  return keyboard;
}

/** The zones of a country with several, one a row. */
function zoneKeyboard(t: Translate, country: CountryCode): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const zone of COUNTRY_TIME_ZONES[country]) keyboard.text(t(`tz-zone-${zoneCityKey(zone)}`), chooseZone.pack({ zone })).row();
  return keyboard;
}

/** The country list (two a row), then "type a zone name". */
function countryKeyboard(t: Translate): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  COUNTRY_CODES.forEach((country, i) => {
    keyboard.text(t(`tz-country-${country}`), chooseCountry.pack({ country }));
    if (i % 2 === 1) keyboard.row();
  });
  return keyboard.row().text(t("settings-button-type-zone"), settingsAction.pack({ action: "typezone" }));
}

/**
 * /settings: language, time zone and each optional kind of reminder, on one message whose buttons
 * change them. The time zone is chosen by country (a country with several zones asks which) or
 * typed as an IANA name, checked against the platform's zone data.
 */
export function settingsFeature(showLanguagePicker: (ctx: BotContext) => Promise<unknown>) {
  const composer = new Composer<BotContext>();
  const t = (ctx: BotContext | ConversationContext): Translate => (key, variables) => ctx.t(key, variables);

  async function showSettings(ctx: BotContext): Promise<void> {
    const settings = await ctx.services.users.settingsOf(ctx.from!.id);
    await ctx.reply(settingsText(t(ctx), settings), { reply_markup: settingsKeyboard(t(ctx), settings) });
  }

  async function zoneChanged(ctx: BotContext, zone: string): Promise<void> {
    await replacePressedMessage(ctx, ctx.t("settings-zone-changed", { zone: zoneLabel(t(ctx), zone) }));
    await showSettings(ctx);
  }

  composer.command("settings", showSettings);

  onButton(composer, settingsAction, async (ctx, { action }) => {
    await ctx.answerCallbackQuery();
    if (action === "language") return showLanguagePicker(ctx);
    if (action === "zone") return ctx.reply(ctx.t("settings-choose-country"), { reply_markup: countryKeyboard(t(ctx)) });
    if (action === "typezone") return enterConversation(ctx, TIME_ZONE_CONVERSATION);
  });

  onButton(composer, reminderToggle, async (ctx, { kind, on }) => {
    const optOuts = await ctx.services.users.setReminder(ctx.from.id, kind as ReminderKind, on === "1");
    const settings = { ...(await ctx.services.users.settingsOf(ctx.from.id)), reminderOptOuts: optOuts };
    await ctx.answerCallbackQuery({ text: ctx.t(on === "1" ? "settings-reminder-now-on" : "settings-reminder-now-off", { reminder: ctx.t(`settings-reminder-${kind}`) }) });
    await replacePressedMessage(ctx, settingsText(t(ctx), settings), { reply_markup: settingsKeyboard(t(ctx), settings) });
  });

  onButton(composer, chooseCountry, async (ctx, { country }) => {
    await ctx.answerCallbackQuery();
    const zones: readonly string[] = COUNTRY_TIME_ZONES[country];
    if (zones.length > 1) return replacePressedMessage(ctx, ctx.t("settings-choose-zone", { country: ctx.t(`tz-country-${country}`) }), { reply_markup: zoneKeyboard(t(ctx), country) });
    const zone = await ctx.services.users.setTimeZone(ctx.from.id, zones[0]!);
    if (zone) await zoneChanged(ctx, zone);
  });

  onButton(composer, chooseZone, async (ctx, { zone }) => {
    await ctx.answerCallbackQuery();
    const stored = await ctx.services.users.setTimeZone(ctx.from.id, zone);
    if (stored) await zoneChanged(ctx, stored);
  });

  const conversation = createConversation<BotContext, ConversationContext>(typeTimeZone, TIME_ZONE_CONVERSATION);
  const menuEntry: MenuEntry = { labelKey: "menu-settings", visibleTo: () => true, run: showSettings };
  return { composer, conversations: [conversation], menuEntry };
}

/** A zone typed by name ("Europe/Berlin"); an unknown one gets its own message and the question again. */
async function typeTimeZone(conversation: BotConversation, ctx: ConversationContext): Promise<void> {
  const prompt = () => ctx.reply(ctx.t("settings-ask-zone"), { reply_markup: new InlineKeyboard().text(ctx.t("button-cancel"), settingsAction.pack({ action: "cancel" })) });
  const answer = await ask(conversation, {
    prompt,
    repeat: prompt,
    buttons: { control: { button: settingsAction, accepts: (d: { action: string }) => d.action === "cancel" } },
    text: (text): Parsed<string> => {
      const zone = canonicalTimeZone(text);
      return zone ? { ok: true, value: zone } : { ok: false, error: "settings-error-unknown-zone", variables: { typed: text.trim().slice(0, 40) } };
    },
    hint: "settings-ask-zone",
  });
  if (answer.kind !== "message") return void (await ctx.reply(ctx.t("settings-zone-unchanged")));
  const stored = await conversation.external((outside) => outside.services.users.setTimeZone(outside.from!.id, answer.value));
  await ctx.reply(ctx.t("settings-zone-changed", { zone: zoneLabel((key, variables) => ctx.t(key, variables), stored ?? answer.value) }));
}

/**
 * Asked once, right after a family living abroad registered: the zone of the country they typed
 * when it has only one (no question), else a choice among its zones (or the country list when the
 * country is not on it); the buttons are the ones /settings handles. Nothing when they chose a
 * zone already.
 */
export async function settleTimeZoneAfterRegistration(conversation: BotConversation, ctx: ConversationContext, countryText: string | null | undefined): Promise<void> {
  const chosen = await conversation.external(async (outside) => (await outside.services.users.settingsOf(outside.from!.id)).timeZoneChosen);
  if (chosen) return;
  const t: Translate = (key, variables) => ctx.t(key, variables);
  const country = countryText ? countryFromName(countryText) : null;
  const zones: readonly string[] = country ? COUNTRY_TIME_ZONES[country] : [];
  if (zones.length === 1) {
    const stored = await conversation.external((outside) => outside.services.users.setTimeZone(outside.from!.id, zones[0]!));
    if (stored) await ctx.reply(ctx.t("settings-zone-from-country", { zone: zoneLabel(t, stored) }));
    return;
  }
  const question = country ? ctx.t("settings-choose-zone", { country: ctx.t(`tz-country-${country}`) }) : ctx.t("settings-choose-country");
  await ctx.reply(`${ctx.t("settings-zone-ask-once")}\n\n${question}`, { reply_markup: country ? zoneKeyboard(t, country) : countryKeyboard(t) });
}
