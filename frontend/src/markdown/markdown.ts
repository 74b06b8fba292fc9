/**
 * Markdown to HTML, as `st.markdown` shows it: GitHub-flavoured markdown, coloured text
 * (`:red[...]`, `:blue-background[...]`, `:green-badge[...]`), emoji shortcodes, Material icons
 * (`:material/home:`) and `$math$`.
 *
 * Emoji and math need tables that are loaded on demand (see lazy.ts). Until they are here the
 * text renders without them; the component renders again once they arrive.
 */
import { Marked, type Tokens, type TokenizerAndRendererExtension } from "marked";
import type KatexModule from "katex";
import { materialIconHtml } from "../icons";

type Katex = typeof KatexModule;

export interface MarkdownOptions {
  /** Raw HTML in the source is kept; otherwise it is shown as text. */
  allowHtml?: boolean;
  /** Render a single line (labels, headings): no paragraph around it. */
  inline?: boolean;
}

const COLORS = "red|orange|yellow|green|blue|violet|gray|grey|primary|rainbow";
const COLOR_START = new RegExp(`^:(${COLORS})(-background|-badge)?\\[`);
const EMOJI = /^:([a-z0-9_+-]+):/;
// An icon stands apart from words: "a:material/home:b" stays text.
const MATERIAL_ICON = /^:material\/([A-Za-z0-9_]+):(?![A-Za-z0-9_])/;
const WORD_END = /[A-Za-z0-9_]$/;
const INLINE_MATH = /^\$(?!\s)((?:\\.|[^\\$\n])+?)(?<!\s)\$(?!\d)/;
const DISPLAY_MATH = /^\$\$([\s\S]+?)\$\$/;
const BLOCK_MATH = /^ {0,3}\$\$([\s\S]+?)\$\$[ \t]*(?:\n+|$)/;

let emojiTable: Record<string, string> | null = null;
let katex: Katex | null = null;
let allowHtml = false;

export function setEmojiTable(table: Record<string, string>): void {
  emojiTable = table;
}

export function setKatex(module: Katex): void {
  katex = module;
}

export const emojiReady = (): boolean => emojiTable !== null;

/** The emoji of a shortcode name ("tada"), once the table is loaded. */
export const emojiFor = (name: string): string | undefined => emojiTable?.[name];
export const katexReady = (): boolean => katex !== null;

/** Whether the source may hold an emoji shortcode (then the emoji table is worth loading). */
export const needsEmoji = (source: string): boolean => /:[a-z0-9_+-]+:/.test(source);

/** Whether the source may hold math (then KaTeX is worth loading): prices like "$5 and $10"
 * do not count, by the same rule the tokenizer uses. */
export function needsMath(source: string): boolean {
  for (let i = source.indexOf("$"); i >= 0; i = source.indexOf("$", i + 1)) {
    if (source[i - 1] === "\\") continue;
    const rest = source.slice(i);
    if (DISPLAY_MATH.test(rest) || INLINE_MATH.test(rest)) return true;
  }
  return false;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

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
  start: (src) => (emojiTable ? src.match(/:[a-z0-9_+-]+:/)?.index : undefined),
  tokenizer(src) {
    const match = EMOJI.exec(src);
    const char = match && emojiTable?.[match[1] ?? ""];
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

export function renderMarkdown(source: string, options: MarkdownOptions = {}): string {
  allowHtml = options.allowHtml ?? false;
  try {
    return options.inline ? marked.parseInline(source, { async: false }) : marked.parse(source, { async: false });
  } finally {
    allowHtml = false;
  }
}

/** The plain text of inline markdown (for slugs and accessible names). */
export function markdownText(source: string): string {
  // A template's content is inert: nothing in it loads or runs.
  const template = document.createElement("template");
  template.innerHTML = renderMarkdown(source, { inline: true });
  return template.content.textContent ?? "";
}
