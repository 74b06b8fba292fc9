/**
 * Markdown to HTML, as `st.markdown` shows it: GitHub-flavoured markdown, coloured text
 * (`:red[...]`, `:blue-background[...]`, `:green-badge[...]`), emoji shortcodes, Material icons
 * (`:material/home:`), `$math$` and highlighted fenced code.
 *
 * Most texts on a page (labels, titles, short sentences) hold no markdown at all: those render
 * here, as escaped text. The renderer proper (render.ts), the emoji table, KaTeX and the code
 * highlighter are chunks loaded on demand (see lazy.ts); until the ones a text needs are here it
 * renders without them, and the component renders again once they arrive.
 */
import type KatexModule from "katex";

type Katex = typeof KatexModule;

export interface MarkdownOptions {
  /** Raw HTML in the source is kept; otherwise it is shown as text. */
  allowHtml?: boolean;
  /** Render a single line (labels, headings): no paragraph around it. */
  inline?: boolean;
}

type Renderer = (source: string, options: MarkdownOptions) => string;

export const INLINE_MATH = /^\$(?!\s)((?:\\.|[^\\$\n])+?)(?<!\s)\$(?!\d)/;
export const DISPLAY_MATH = /^\$\$([\s\S]+?)\$\$/;
// Characters that mean something to markdown (or to our extensions), and starts of lines that do;
// "@" and "www." because GitHub's markdown links bare addresses.
const SPECIAL = /[\\`*_[\]<>#|~:$&@\n\r\t]|www\./i;
const SPECIAL_START = /^(\s|[-+=]|\d+[.)])/;
// An app's stylesheet, the usual `st.markdown("<style>...</style>", unsafe_allow_html=True)`: markdown
// keeps it as it is, and it must apply with the page's first render, not after a chunk's fetch.
const STYLESHEET = /^\s*<style[\s>](?:(?!<\/style)[\s\S])*<\/style>\s*$/i;

let emojiTable: Record<string, string> | null = null;
let katex: Katex | null = null;
let renderer: Renderer | null = null;

export function setEmojiTable(table: Record<string, string>): void {
  emojiTable = table;
}

export function setKatex(module: Katex): void {
  katex = module;
}

export function setRenderer(render: Renderer): void {
  renderer = render;
}

export const emojiReady = (): boolean => emojiTable !== null;
export const katexReady = (): boolean => katex !== null;
export const rendererReady = (): boolean => renderer !== null;
export const katexModule = (): Katex | null => katex;

/** The emoji of a shortcode name ("tada"), once the table is loaded. */
export const emojiFor = (name: string): string | undefined => emojiTable?.[name];

/** Whether the source is plain words, the same as text with or without markdown. */
export const isPlain = (source: string): boolean => !SPECIAL.test(source) && !SPECIAL_START.test(source);

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

/** The languages of the fenced code blocks in the source. */
export function fencedLanguages(source: string): string[] {
  return [...source.matchAll(/^ {0,3}(?:`{3,}|~{3,})[ \t]*([\w+#.-]+)/gm)].map((m) => m[1] ?? "");
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The source as HTML: plain words at once, anything else once the renderer is loaded (until
 * then as escaped text). */
export function renderMarkdown(source: string, options: MarkdownOptions = {}): string {
  if (options.allowHtml && !options.inline && STYLESHEET.test(source)) return source.trim();
  if (renderer && !isPlain(source)) return renderer(source, options);
  if (options.inline) return escapeHtml(source);
  const text = source.trim();
  return text ? `<p>${escapeHtml(text)}</p>\n` : "";
}

/** The plain text of inline markdown (for slugs and accessible names). */
export function markdownText(source: string): string {
  if (isPlain(source) || !renderer) return source;
  // A template's content is inert: nothing in it loads or runs.
  const template = document.createElement("template");
  template.innerHTML = renderer(source, { inline: true });
  return template.content.textContent ?? "";
}
