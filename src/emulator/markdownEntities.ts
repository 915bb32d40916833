// parse_mode "MarkdownV2" and legacy "Markdown", ported from how TDLib reads them.
import { byteOffsetAt, EntityParseError, sortEntities, type MessageEntity } from "./messageEntity.js";
import type { FormattedText } from "./htmlEntities.js";

type V2Type =
  | "Bold"
  | "Italic"
  | "Underline"
  | "Strikethrough"
  | "Spoiler"
  | "Code"
  | "Pre"
  | "PreCode"
  | "TextUrl"
  | "CustomEmoji";

interface OpenEntity {
  type: V2Type;
  start: number;
  byteOffset: number;
  language?: string;
}

const apiType: Record<V2Type, string> = {
  Bold: "bold",
  Italic: "italic",
  Underline: "underline",
  Strikethrough: "strikethrough",
  Spoiler: "spoiler",
  Code: "code",
  Pre: "pre",
  PreCode: "pre",
  TextUrl: "text_link",
  CustomEmoji: "custom_emoji",
};

const reservedV2 = "_*[]()~`>#+-=|{}.!";

const isEscapable = (ch: string | undefined): boolean =>
  ch !== undefined && ch.charCodeAt(0) > 0 && ch.charCodeAt(0) <= 126;

const reservedError = (ch: string): EntityParseError =>
  new EntityParseError(`Character '${ch}' is reserved and must be escaped with the preceding '\\'`);

export function parseMarkdownV2(source: string): FormattedText {
  let out = "";
  const entities: MessageEntity[] = [];
  const stack: OpenEntity[] = [];
  let quoteStart: number | undefined;

  const endQuote = () => {
    // The line break that ends the quote is not part of it.
    const end = out.endsWith("\n") ? out.length - 1 : out.length;
    if (quoteStart !== undefined && end > quoteStart) {
      entities.push({ type: "blockquote", offset: quoteStart, length: end - quoteStart });
    }
    quoteStart = undefined;
  };

  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    const atLineStart = i === 0 || source[i - 1] === "\n";
    if (atLineStart && ch !== ">" && stack.length === 0) endQuote();
    if (ch === "\\" && isEscapable(source[i + 1])) {
      out += source[i + 1];
      i += 1;
      continue;
    }
    const top = stack[stack.length - 1];
    const inCode = top && (top.type === "Code" || top.type === "Pre" || top.type === "PreCode");
    const reserved = inCode ? "`" : reservedV2;
    if (!reserved.includes(ch)) {
      out += ch;
      continue;
    }
    if (ch === ">" && atLineStart && !inCode) {
      quoteStart ??= out.length;
      continue;
    }
    if (top && isEndOf(top.type, source, i)) {
      i = closeEntity(stack.pop()!, source, i, out, entities);
      continue;
    }
    const opened = openEntity(source, i, out.length);
    if (stack.some((e) => e.type === opened.entity.type)) {
      const same = stack.find((e) => e.type === opened.entity.type)!;
      throw new EntityParseError(`Can't find end of ${same.type} entity at byte offset ${same.byteOffset}`);
    }
    stack.push(opened.entity);
    i = opened.next;
  }
  const unclosed = stack.pop();
  if (unclosed) {
    throw new EntityParseError(`Can't find end of ${unclosed.type} entity at byte offset ${unclosed.byteOffset}`);
  }
  endQuote();
  return { text: out, entities: sortEntities(entities) };
}

function isEndOf(type: V2Type, s: string, i: number): boolean {
  const c = s[i];
  switch (type) {
    case "Bold":
      return c === "*";
    case "Italic":
      return c === "_" && s[i + 1] !== "_";
    case "Underline":
      return c === "_" && s[i + 1] === "_";
    case "Strikethrough":
      return c === "~";
    case "Spoiler":
      return c === "|" && s[i + 1] === "|";
    case "Code":
      return c === "`";
    case "Pre":
    case "PreCode":
      return c === "`" && s[i + 1] === "`" && s[i + 2] === "`";
    case "TextUrl":
    case "CustomEmoji":
      return c === "]";
  }
}

/** Returns the index of the last consumed character. */
function openEntity(s: string, i: number, outLength: number): { entity: OpenEntity; next: number } {
  const byteOffset = byteOffsetAt(s, i);
  const make = (type: V2Type, next: number, language?: string) => ({
    entity: { type, start: outLength, byteOffset, ...(language ? { language } : {}) },
    next,
  });
  switch (s[i]) {
    case "_":
      return s[i + 1] === "_" ? make("Underline", i + 1) : make("Italic", i);
    case "*":
      return make("Bold", i);
    case "~":
      return make("Strikethrough", i);
    case "|":
      if (s[i + 1] === "|") return make("Spoiler", i + 1);
      throw reservedError("|");
    case "[":
      return make("TextUrl", i);
    case "`": {
      if (s[i + 1] !== "`" || s[i + 2] !== "`") return make("Code", i);
      let j = i + 3;
      let languageEnd = j;
      while (languageEnd < s.length && !/\s/.test(s[languageEnd]!) && s[languageEnd] !== "`") languageEnd++;
      let language: string | undefined;
      if (languageEnd !== j && languageEnd < s.length && s[languageEnd] !== "`") {
        language = s.slice(j, languageEnd);
        j = languageEnd;
      }
      // One newline right after the opening fence is not part of the code.
      if (s[j] === "\n" || s[j] === "\r") j += (s[j + 1] === "\n" || s[j + 1] === "\r") && s[j] !== s[j + 1] ? 2 : 1;
      return make(language ? "PreCode" : "Pre", j - 1, language);
    }
    case "!":
      if (s[i + 1] === "[") return make("CustomEmoji", i + 1);
      throw reservedError("!");
    default:
      throw reservedError(s[i]!);
  }
}

/** Returns the index of the last consumed character. */
function closeEntity(open: OpenEntity, s: string, i: number, out: string, entities: MessageEntity[]): number {
  let end = i;
  const extra: Partial<MessageEntity> = {};
  switch (open.type) {
    case "Underline":
    case "Spoiler":
      end = i + 1;
      break;
    case "Pre":
    case "PreCode":
      end = i + 2;
      if (open.language) extra.language = open.language;
      break;
    case "TextUrl":
    case "CustomEmoji": {
      let url = "";
      if (s[i + 1] !== "(") {
        url = out.slice(open.start);
      } else {
        let j = i + 2;
        const urlStart = j;
        while (j < s.length && s[j] !== ")") {
          if (s[j] === "\\" && isEscapable(s[j + 1])) {
            url += s[j + 1];
            j += 2;
            continue;
          }
          url += s[j];
          j += 1;
        }
        if (s[j] !== ")") throw new EntityParseError(`Can't find end of a URL at byte offset ${byteOffsetAt(s, urlStart)}`);
        end = j;
      }
      if (open.type === "CustomEmoji") {
        const id = /^tg:\/\/emoji\?id=(\d+)$/.exec(url)?.[1];
        if (!id) throw new EntityParseError(`Custom emoji URL must have an emoji identifier`);
        extra.custom_emoji_id = id;
      } else {
        extra.url = url;
      }
      break;
    }
    default:
      break;
  }
  if (out.length > open.start) {
    entities.push({ type: apiType[open.type], offset: open.start, length: out.length - open.start, ...extra });
  }
  return end;
}

/** Legacy Markdown: no nesting and no reserved characters, only unclosed entities fail. */
export function parseMarkdown(source: string): FormattedText {
  let out = "";
  const entities: MessageEntity[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === "\\" && "_*`[".includes(source[i + 1] ?? " ")) {
      out += source[i + 1];
      i += 1;
      continue;
    }
    if (!"_*`[".includes(c)) {
      out += c;
      continue;
    }
    const beginPos = i;
    const isPre = c === "`" && source[i + 1] === "`" && source[i + 2] === "`";
    const endChar = c === "[" ? "]" : c;
    i += isPre ? 3 : 1;
    let language: string | undefined;
    if (isPre) {
      const languageEnd = source.indexOf("\n", i);
      if (languageEnd > i && !source.slice(i, languageEnd).includes("`")) {
        language = source.slice(i, languageEnd).trim() || undefined;
        i = languageEnd + 1;
      }
    }
    const start = out.length;
    while (i < source.length && (source[i] !== endChar || (isPre && !(source[i + 1] === "`" && source[i + 2] === "`")))) {
      out += source[i];
      i += 1;
    }
    if (i >= source.length) {
      throw new EntityParseError(`Can't find end of the entity starting at byte offset ${byteOffsetAt(source, beginPos)}`);
    }
    if (isPre) i += 2;
    const entity: MessageEntity = { type: isPre ? "pre" : legacyType(c), offset: start, length: out.length - start };
    if (language) entity.language = language;
    if (c === "[") {
      if (source[i + 1] !== "(") {
        continue;
      }
      const close = source.indexOf(")", i + 2);
      if (close < 0) {
        throw new EntityParseError(`Can't find end of the entity starting at byte offset ${byteOffsetAt(source, beginPos)}`);
      }
      entity.url = source.slice(i + 2, close);
      i = close;
    }
    if (entity.length > 0) entities.push(entity);
  }
  return { text: out, entities: sortEntities(entities) };
}

function legacyType(marker: string): string {
  switch (marker) {
    case "*":
      return "bold";
    case "_":
      return "italic";
    case "`":
      return "code";
    default:
      return "text_link";
  }
}
