// parse_mode handling: what Telegram accepts, what it rejects, and what the text becomes.
import { describe, expect, it } from "vitest";
import { parseHtml } from "../../src/emulator/htmlEntities.js";
import { parseMarkdown, parseMarkdownV2 } from "../../src/emulator/markdownEntities.js";
import { messageText } from "../../src/emulator/formattedText.js";

describe("HTML", () => {
  it("turns Telegram tags into entities with UTF-16 offsets and decodes entities", () => {
    const parsed = parseHtml('سلام <b>Ali</b> &amp; <a href="https://x.org/?a=1&amp;b=2">link</a> <tg-spoiler>s</tg-spoiler> 😀<i>i</i>');
    expect(parsed.text).toBe("سلام Ali & link s 😀i");
    expect(parsed.entities).toEqual([
      { type: "bold", offset: 5, length: 3 },
      { type: "text_link", offset: 11, length: 4, url: "https://x.org/?a=1&b=2" },
      { type: "spoiler", offset: 16, length: 1 },
      { type: "italic", offset: 20, length: 1 },
    ]);
  });

  it("reads <pre><code class> as one pre entity with a language", () => {
    expect(parseHtml('<pre><code class="language-ts">let x</code></pre>').entities).toEqual([
      { type: "pre", offset: 0, length: 5, language: "ts" },
    ]);
  });

  it.each([
    ["<b>x", `Can't find end tag corresponding to start tag "b"`],
    ["ب <br> x", `Unsupported start tag "br" at byte offset 3`],
    ["<b>x</i>", `Unmatched end tag at byte offset 4, expected "</b>", found "</i>"`],
    ["x</b>", "Unexpected end tag at byte offset 1"],
    ['<span class="x">y</span>', `Tag "span" must have class "tg-spoiler" at byte offset 0`],
    ["1 < 2", `Unsupported start tag "" at byte offset 2`],
  ])("rejects %j", (source, message) => {
    expect(() => parseHtml(source)).toThrow(message);
  });

  it("counts the length after removing tags", () => {
    expect(() => messageText(`<b>${"x".repeat(4096)}</b>`, "HTML", undefined)).not.toThrow();
    expect(() => messageText(`<b>${"x".repeat(4097)}</b>`, "HTML", undefined)).toThrow("message is too long");
    expect(() => messageText("<b> </b>", "HTML", undefined)).toThrow("message text is empty");
  });
});

describe("MarkdownV2", () => {
  it("parses nested entities, links and escapes", () => {
    const parsed = parseMarkdownV2("*bold _italic_* \\. [site](https://x.org/a\\)b) `c\\`d` ||s||");
    expect(parsed.text).toBe("bold italic . site c`d s");
    expect(parsed.entities).toEqual([
      { type: "bold", offset: 0, length: 11 },
      { type: "italic", offset: 5, length: 6 },
      { type: "text_link", offset: 14, length: 4, url: "https://x.org/a)b" },
      { type: "code", offset: 19, length: 3 },
      { type: "spoiler", offset: 23, length: 1 },
    ]);
  });

  it.each([
    ["Done.", "Character '.' is reserved and must be escaped with the preceding '\\'"],
    ["a-b", "Character '-' is reserved"],
    ["(x)", "Character '(' is reserved"],
    ["*open", "Can't find end of Bold entity at byte offset 0"],
  ])("rejects %j", (source, message) => {
    expect(() => parseMarkdownV2(source)).toThrow(message);
  });

  it("reads > at a line start as a blockquote", () => {
    expect(parseMarkdownV2(">quoted\nplain").entities).toEqual([{ type: "blockquote", offset: 0, length: 6 }]);
  });
});

describe("legacy Markdown", () => {
  it("parses simple entities and reports unclosed ones", () => {
    expect(parseMarkdown("*b* _i_ [l](https://x.org) done.").entities).toEqual([
      { type: "bold", offset: 0, length: 1 },
      { type: "italic", offset: 2, length: 1 },
      { type: "text_link", offset: 4, length: 1, url: "https://x.org" },
    ]);
    expect(() => parseMarkdown("x *open")).toThrow("Can't find end of the entity starting at byte offset 2");
  });
});
