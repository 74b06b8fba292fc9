/** Syntax highlighting, fetched on first use: highlight.js with its common languages. */
import type { HLJSApi } from "highlight.js";
import { escapeHtml } from "../markdown/markdown";

let hljs: HLJSApi | null = null;
let loading: Promise<HLJSApi> | null = null;

export const highlighterReady = (): HLJSApi | null => hljs;

export function loadHighlighter(): Promise<HLJSApi> {
  loading ??= import("highlight.js/lib/common").then((m) => (hljs = m.default));
  return loading;
}

/** Whether `language` is worth loading the highlighter for. */
export const wantsHighlight = (language: string | null): language is string =>
  !!language && !["text", "plaintext", "plain", "txt", "none"].includes(language.toLowerCase());

/** `code` as HTML: highlighted when the highlighter is here and knows the language. */
export function highlight(code: string, language: string | null): string {
  if (hljs && wantsHighlight(language) && hljs.getLanguage(language)) {
    return hljs.highlight(code, { language, ignoreIllegals: true }).value;
  }
  return escapeHtml(code);
}

/**
 * Split highlighted HTML into lines, closing the spans open at each line end and opening them
 * again on the next line, so every line is well-formed on its own.
 */
export function splitLines(html: string): string[] {
  const lines: string[] = [];
  const open: string[] = [];
  let line = "";
  for (const [part] of html.matchAll(/<span[^>]*>|<\/span>|\n|[^<\n]+|</g)) {
    if (part === "\n") {
      lines.push(line + "</span>".repeat(open.length));
      line = open.join("");
    } else {
      if (part.startsWith("<span")) open.push(part);
      else if (part === "</span>") open.pop();
      line += part;
    }
  }
  lines.push(line);
  return lines;
}
