/** The heavy parts of markdown, each fetched once, on first use: the renderer, the emoji table
 * and KaTeX. */
import type KatexModule from "katex";
import { setEmojiTable, setKatex, setRenderer } from "./markdown";

let renderer: Promise<void> | null = null;
let emoji: Promise<void> | null = null;
let katex: Promise<typeof KatexModule> | null = null;

export function loadRenderer(): Promise<void> {
  renderer ??= import("./render").then((m) => setRenderer(m.render));
  return renderer;
}

export function loadEmoji(): Promise<void> {
  emoji ??= import("virtual:emoji-shortcodes").then((m) => setEmojiTable(m.default));
  return emoji;
}

export function loadKatex(): Promise<typeof KatexModule> {
  katex ??= Promise.all([import("katex"), import("katex/dist/katex.min.css")]).then(([m]) => {
    setKatex(m.default);
    return m.default;
  });
  return katex;
}
