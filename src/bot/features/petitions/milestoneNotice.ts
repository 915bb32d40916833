import type { OutgoingContent } from "../../../delivery/types.js";
import { pickLocalized } from "../../../domain/petitions/content.js";
import type { MilestoneNotice } from "../../../services/petitions.js";
import { createI18n } from "../../i18n.js";
import { petitionLink } from "./petitionText.js";

/**
 * The news a signer gets when a petition reaches a milestone, in every locale we have; the
 * delivery engine picks each recipient's. Built once at start-up with its own translator,
 * because the petition service (which enqueues it) exists before the bot.
 */
export function createMilestoneNotice(options: { defaultLocale: string; botUsername: () => string }): MilestoneNotice {
  const i18n = createI18n(options.defaultLocale, async () => undefined);
  return ({ ref, titles, milestone, goal }) => {
    const contentByLocale: Record<string, OutgoingContent> = {};
    for (const locale of i18n.locales) {
      const title = pickLocalized(titles, locale)?.title ?? "";
      contentByLocale[locale] = {
        text: i18n.t(locale, "pet-milestone-news", { title, milestone, goal }),
        inlineKeyboard: [[{ text: i18n.t(locale, "pet-button-open-petition"), url: petitionLink(options.botUsername(), ref) }]],
      };
    }
    return { contentByLocale, defaultLocale: options.defaultLocale };
  };
}
