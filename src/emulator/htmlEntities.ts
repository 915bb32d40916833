// parse_mode "HTML" the way Telegram reads it: a small fixed tag set, anything else is an error.
import { byteOffsetAt, EntityParseError, sortEntities, type MessageEntity } from "./messageEntity.js";

interface OpenTag {
  tag: string;
  start: number;
  byteOffset: number;
  entity?: Omit<MessageEntity, "offset" | "length">;
  attributes: Map<string, string>;
}

const simpleTags: Record<string, string> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  "tg-spoiler": "spoiler",
  code: "code",
  pre: "pre",
};

const namedEntities: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

export function parseHtml(source: string): FormattedText {
  let out = "";
  const entities: MessageEntity[] = [];
  const stack: OpenTag[] = [];
  let i = 0;

  while (i < source.length) {
    const ch = source[i]!;
    if (ch === "&") {
      const decoded = decodeEntityAt(source, i);
      out += decoded.text;
      i += decoded.consumed;
      continue;
    }
    if (ch !== "<") {
      out += ch;
      i += 1;
      continue;
    }
    const tagStart = i;
    if (source[i + 1] === "/") {
      const match = /^<\/([a-zA-Z0-9-]*)\s*>/.exec(source.slice(i, i + 64));
      if (!match) throw new EntityParseError(`Can't find end of tag at byte offset ${byteOffsetAt(source, tagStart)}`);
      const name = match[1]!.toLowerCase();
      const open = stack.pop();
      if (!open) throw new EntityParseError(`Unexpected end tag at byte offset ${byteOffsetAt(source, tagStart)}`);
      if (open.tag !== name) {
        throw new EntityParseError(
          `Unmatched end tag at byte offset ${byteOffsetAt(source, tagStart)}, expected "</${open.tag}>", found "</${name}>"`,
        );
      }
      closeTag(open, out.length, stack, entities);
      i += match[0].length;
      continue;
    }
    const parsed = parseStartTag(source, i);
    stack.push({
      tag: parsed.name,
      start: out.length,
      byteOffset: byteOffsetAt(source, tagStart),
      attributes: parsed.attributes,
      entity: entityForTag(parsed.name, parsed.attributes, source, tagStart),
    });
    i = parsed.end;
  }
  const unclosed = stack.pop();
  if (unclosed) throw new EntityParseError(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  return { text: out, entities: sortEntities(entities) };
}

function closeTag(open: OpenTag, end: number, stack: OpenTag[], entities: MessageEntity[]): void {
  // <pre><code class="language-x"> is one pre entity with a language, not two entities.
  const parent = stack[stack.length - 1];
  const language = open.attributes.get("class")?.match(/^language-(.+)$/)?.[1];
  if (open.tag === "code" && parent?.tag === "pre" && parent.start === open.start && language) {
    parent.entity = { ...parent.entity, type: "pre", language };
    return;
  }
  if (!open.entity || end <= open.start) return;
  entities.push({ ...open.entity, offset: open.start, length: end - open.start });
}

function entityForTag(
  name: string,
  attributes: Map<string, string>,
  source: string,
  tagStart: number,
): Omit<MessageEntity, "offset" | "length"> | undefined {
  const simple = simpleTags[name];
  if (simple) return { type: simple };
  switch (name) {
    case "span":
      if (attributes.get("class") !== "tg-spoiler") {
        throw new EntityParseError(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffsetAt(source, tagStart)}`);
      }
      return { type: "spoiler" };
    case "a": {
      const href = attributes.get("href");
      return href ? { type: "text_link", url: href } : undefined;
    }
    case "blockquote":
      return { type: attributes.has("expandable") ? "expandable_blockquote" : "blockquote" };
    case "tg-emoji": {
      const id = attributes.get("emoji-id");
      if (!id || !/^\d+$/.test(id)) {
        throw new EntityParseError(`Custom emoji entity must contain a valid custom emoji identifier`);
      }
      return { type: "custom_emoji", custom_emoji_id: id };
    }
    default:
      return undefined;
  }
}

const supportedTags = new Set([...Object.keys(simpleTags), "span", "a", "blockquote", "tg-emoji"]);

function parseStartTag(source: string, from: number): { name: string; attributes: Map<string, string>; end: number } {
  const tagByte = () => byteOffsetAt(source, from);
  let i = from + 1;
  const nameMatch = /^[a-zA-Z0-9-]*/.exec(source.slice(i, i + 64));
  const rawName = nameMatch?.[0] ?? "";
  const name = rawName.toLowerCase();
  if (!supportedTags.has(name)) throw new EntityParseError(`Unsupported start tag "${name}" at byte offset ${tagByte()}`);
  i += rawName.length;
  const attributes = new Map<string, string>();
  for (;;) {
    while (i < source.length && /\s/.test(source[i]!)) i += 1;
    if (i >= source.length) throw new EntityParseError(`Unclosed start tag at byte offset ${tagByte()}`);
    if (source[i] === ">") return { name, attributes, end: i + 1 };
    const attrMatch = /^[a-zA-Z0-9_-]+/.exec(source.slice(i, i + 64));
    if (!attrMatch) throw new EntityParseError(`Empty attribute name in the tag "${name}" at byte offset ${tagByte()}`);
    const attrName = attrMatch[0].toLowerCase();
    i += attrMatch[0].length;
    while (i < source.length && /\s/.test(source[i]!)) i += 1;
    if (source[i] !== "=") {
      attributes.set(attrName, "");
      continue;
    }
    i += 1;
    while (i < source.length && /\s/.test(source[i]!)) i += 1;
    const quote = source[i];
    let raw: string;
    if (quote === '"' || quote === "'") {
      const close = source.indexOf(quote, i + 1);
      if (close < 0) throw new EntityParseError(`Unclosed start tag at byte offset ${tagByte()}`);
      raw = source.slice(i + 1, close);
      i = close + 1;
    } else {
      const valueMatch = /^[^\s>]*/.exec(source.slice(i))!;
      raw = valueMatch[0];
      i += raw.length;
    }
    attributes.set(attrName, decodeEntities(raw));
  }
}

function decodeEntities(raw: string): string {
  let out = "";
  for (let i = 0; i < raw.length; ) {
    if (raw[i] === "&") {
      const decoded = decodeEntityAt(raw, i);
      out += decoded.text;
      i += decoded.consumed;
    } else {
      out += raw[i];
      i += 1;
    }
  }
  return out;
}

/** Unknown entities stay literal text, as Telegram does. */
function decodeEntityAt(source: string, at: number): { text: string; consumed: number } {
  const match = /^&(#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/.exec(source.slice(at, at + 12));
  if (match) {
    const body = match[1]!;
    if (body.startsWith("#")) {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (code > 0 && code <= 0x10ffff) return { text: String.fromCodePoint(code), consumed: match[0].length };
    } else {
      const named = namedEntities[body];
      if (named) return { text: named, consumed: match[0].length };
    }
  }
  return { text: "&", consumed: 1 };
}
