// Turns (text, parse_mode, entities) into what Telegram stores: plain text, entities, length checks.
import { badRequest } from "./botApiError.js";
import { parseHtml, type FormattedText } from "./htmlEntities.js";
import { parseMarkdown, parseMarkdownV2 } from "./markdownEntities.js";
import { EntityParseError, type MessageEntity } from "./messageEntity.js";

export type { FormattedText };

export const maxTextLength = 4096;
export const maxCaptionLength = 1024;

export function parseFormatted(text: string, parseMode: string | undefined, entities: unknown[] | undefined): FormattedText {
  if (entities && entities.length > 0) return { text, entities: entities as MessageEntity[] };
  try {
    switch ((parseMode ?? "").toLowerCase()) {
      case "":
        return { text, entities: [] };
      case "html":
        return parseHtml(text);
      case "markdownv2":
        return parseMarkdownV2(text);
      case "markdown":
        return parseMarkdown(text);
      default:
        throw badRequest("unsupported parse_mode");
    }
  } catch (error) {
    if (error instanceof EntityParseError) throw badRequest(`can't parse entities: ${error.message}`);
    throw error;
  }
}

/** Telegram strips surrounding whitespace; entities shift and clip with it. */
export function trimFormatted({ text, entities }: FormattedText): FormattedText {
  const leading = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const shifted = entities
    .map((e) => {
      const start = Math.max(0, e.offset - leading);
      const end = Math.min(trimmed.length, e.offset + e.length - leading);
      return { ...e, offset: start, length: end - start };
    })
    .filter((e) => e.length > 0);
  return { text: trimmed, entities: shifted };
}

/** Length as Telegram counts it: Unicode code points. */
export const textLength = (text: string): number => [...text].length;

export function messageText(text: string | undefined, parseMode: string | undefined, entities: unknown[] | undefined): FormattedText {
  if (text === undefined || text === "") throw badRequest("message text is empty");
  const formatted = trimFormatted(parseFormatted(text, parseMode, entities));
  if (formatted.text.length === 0) throw badRequest("message text is empty");
  if (textLength(formatted.text) > maxTextLength) throw badRequest("message is too long");
  return formatted;
}

export function captionText(
  caption: string | undefined,
  parseMode: string | undefined,
  entities: unknown[] | undefined,
): FormattedText | undefined {
  if (caption === undefined || caption === "") return undefined;
  const formatted = trimFormatted(parseFormatted(caption, parseMode, entities));
  if (textLength(formatted.text) > maxCaptionLength) throw badRequest("message caption is too long");
  return formatted.text.length > 0 ? formatted : undefined;
}
