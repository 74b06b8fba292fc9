/**
 * The markdown renderer proper (marked with our extensions), in its own chunk: a page whose texts
 * are all plain words never loads it (see markdown.ts).
 */
import { Marked, type Tokens, type TokenizerAndRendererExtension } from "marked";
import { materialIconHtml } from "../icons";
import { highlight, splitLines, wantsHighlight } from "../elements/highlight";
import { DISPLAY_MATH, emojiFor, emojiReady, escapeHtml, INLINE_MATH, katexModule, type MarkdownOptions } from "./markdown";

const COLORS = "red|orange|yellow|green|blue|violet|gray|grey|primary|rainbow";
const COLOR_START = new RegExp(`^:(${COLORS})(-background|-badge)?\\[`);
const EMOJI = /^:([a-z0-9_+-]+):/;
// An icon stands apart from words: "a:material/home:b" stays text.
const MATERIAL_ICON = /^:material\/([A-Za-z0-9_]+):(?![A-Za-z0-9_])/;
const WORD_END = /[A-Za-z0-9_]$/;
const BLOCK_MATH = /^ {0,3}\$\$([\s\S]+?)\$\$[ \t]*(?:\n+|$)/;

let allowHtml = false;

/** Index of the `]` closing the `[` just before `from`, or -1. */
function closingBracket(src: string, from: number): number {
  let depth = 1;
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (c === "\\") i++;
    else if (c === "[") depth++;
    else if (c === "]" && --depth === 0) return i;
  }
  return -1;
}

function renderMath(tex: string, display: boolean): string {
  const katex = katexModule();
  if (!katex) {
    const source = display ? `$$${tex}$$` : `$${tex}$`;
    return `<span class="md-math-pending">${escapeHtml(source)}</span>`;
  }
  return katex.renderToString(tex, { displayMode: display, throwOnError: false });
}

const colorText: TokenizerAndRendererExtension = {
  name: "colorText",
  level: "inline",
  start: (src) => src.match(new RegExp(`:(${COLORS})(-background|-badge)?\\[`))?.index,
  tokenizer(src) {
    const match = COLOR_START.exec(src);
    if (!match) return undefined;
    const end = closingBracket(src, match[0].length);
    if (end < 0) return undefined;
    const inner = src.slice(match[0].length, end);
    return {
      type: "colorText",
      raw: src.slice(0, end + 1),
      color: match[1] === "grey" ? "gray" : match[1],
      variant: match[2]?.slice(1) ?? "text",
      tokens: this.lexer.inlineTokens(inner),
    };
  },
  renderer(token) {
    const { color, variant } = token as unknown as { color: string; variant: string };
    const tokens = (token.tokens ?? []) as Tokens.Generic[];
    return `<span class="md-${variant} md-${variant}-${color}">${this.parser.parseInline(tokens)}</span>`;
  },
};

const emoji: TokenizerAndRendererExtension = {
  name: "emoji",
  level: "inline",
  start: (src) => (emojiReady() ? src.match(/:[a-z0-9_+-]+:/)?.index : undefined),
  tokenizer(src) {
    const match = EMOJI.exec(src);
    const char = match && emojiFor(match[1] ?? "");
    return char ? { type: "emoji", raw: match[0], text: char } : undefined;
  },
  renderer: (token) => token.text as string,
};

const materialIcon: TokenizerAndRendererExtension = {
  name: "materialIcon",
  level: "inline",
  start: (src) => src.match(/:material\/[A-Za-z0-9_]+:/)?.index,
  tokenizer(src, tokens) {
    const match = MATERIAL_ICON.exec(src);
    if (!match || WORD_END.test(tokens.at(-1)?.raw ?? "")) return undefined;
    return { type: "materialIcon", raw: match[0], name: match[1] };
  },
  renderer: (token) => materialIconHtml(token.name as string),
};

const blockMath: TokenizerAndRendererExtension = {
  name: "blockMath",
  level: "block",
  start: (src) => src.match(/^ {0,3}\$\$/m)?.index,
  tokenizer(src) {
    const match = BLOCK_MATH.exec(src);
    return match ? { type: "blockMath", raw: match[0], text: (match[1] ?? "").trim() } : undefined;
  },
  renderer: (token) => `<div class="md-math-block">${renderMath(token.text as string, true)}</div>`,
};

const inlineMath: TokenizerAndRendererExtension = {
  name: "inlineMath",
  level: "inline",
  start: (src) => src.indexOf("$") >= 0 ? src.indexOf("$") : undefined,
  tokenizer(src) {
    const display = DISPLAY_MATH.exec(src);
    if (display) return { type: "inlineMath", raw: display[0], text: display[1] ?? "", display: true };
    const match = INLINE_MATH.exec(src);
    return match ? { type: "inlineMath", raw: match[0], text: match[1] ?? "", display: false } : undefined;
  },
  renderer: (token) => renderMath(token.text as string, token.display as boolean),
};

const UNSAFE_URL = /^\s*(javascript|vbscript|data):/i;

const marked = new Marked({
  gfm: true,
  extensions: [colorText, emoji, materialIcon, blockMath, inlineMath],
  renderer: {
    // Fenced code looks as st.code does, highlighted in the fence's language.
    code({ text, lang }) {
      const language = lang?.match(/^\S+/)?.[0] ?? null;
      const lines = splitLines(highlight(text, language));
      const langClass = wantsHighlight(language) ? ` class="language-${escapeHtml(language)}"` : "";
      const body = lines.map((l) => `<span class="line">${l}</span>`).join("");
      return `<div class="code"><pre class="code-block" tabindex="0"><code${langClass}>${body}</code></pre></div>\n`;
    },
    html({ text }) {
      return allowHtml ? text : escapeHtml(text);
    },
    link({ href, title, tokens }) {
      const text = this.parser.parseInline(tokens);
      if (UNSAFE_URL.test(href)) return text;
      const titleAttr = title ? ` title="${escapeHtml(title)}"` : "";
      const target = href.startsWith("#") ? "" : ' target="_blank" rel="noopener noreferrer"';
      return `<a href="${escapeHtml(href)}"${titleAttr}${target}>${text}</a>`;
    },
  },
});

/** The source as HTML (see markdown.ts: texts without markdown never come here). */
export function render(source: string, options: MarkdownOptions): string {
  allowHtml = options.allowHtml ?? false;
  try {
    return options.inline ? marked.parseInline(source, { async: false }) : marked.parse(source, { async: false });
  } finally {
    allowHtml = false;
  }
}

