/**
 * A Telegram message's formatting (entities with UTF-16 offsets) as Bot API HTML, so a volunteer's
 * bold, italics and links reach every family exactly as written. Entities we do not carry over
 * (mentions, hashtags, custom emoji) become plain text; everything else is escaped.
 */
export interface TextEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
}

const TAGS: Record<string, (e: TextEntity) => [string, string] | null> = {
  bold: () => ["<b>", "</b>"],
  italic: () => ["<i>", "</i>"],
  underline: () => ["<u>", "</u>"],
  strikethrough: () => ["<s>", "</s>"],
  spoiler: () => ["<tg-spoiler>", "</tg-spoiler>"],
  code: () => ["<code>", "</code>"],
  pre: (e) => (e.language ? [`<pre><code class="language-${escapeAttribute(e.language)}">`, "</code></pre>"] : ["<pre>", "</pre>"]),
  text_link: (e) => (e.url && /^(https?|tg):\/\//i.test(e.url) ? [`<a href="${escapeAttribute(e.url)}">`, "</a>"] : null),
  blockquote: () => ["<blockquote>", "</blockquote>"],
  expandable_blockquote: () => ["<blockquote expandable>", "</blockquote>"],
};

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, "&quot;");
}

export function entitiesToHtml(text: string, entities: readonly TextEntity[] = []): string {
  const opens = new Map<number, { order: number; end: number; tag: string }[]>();
  const closes = new Map<number, { order: number; start: number; tag: string }[]>();
  entities.forEach((entity, order) => {
    const tags = TAGS[entity.type]?.(entity);
    if (!tags || entity.length <= 0) return;
    const end = Math.min(text.length, entity.offset + entity.length);
    (opens.get(entity.offset) ?? opens.set(entity.offset, []).get(entity.offset)!).push({ order, end, tag: tags[0] });
    (closes.get(end) ?? closes.set(end, []).get(end)!).push({ order, start: entity.offset, tag: tags[1] });
  });
  let html = "";
  for (let i = 0; i <= text.length; i++) {
    // Close inner (later-opened, shorter) entities first, open outer (longer) ones first: proper nesting.
    for (const close of (closes.get(i) ?? []).sort((a, b) => b.start - a.start || b.order - a.order)) html += close.tag;
    for (const open of (opens.get(i) ?? []).sort((a, b) => b.end - a.end || a.order - b.order)) html += open.tag;
    if (i < text.length) html += escapeHtml(text[i]!);
  }
  return html;
}
