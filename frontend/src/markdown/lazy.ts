/** The heavy parts of markdown, each fetched once, on first use: the emoji table and KaTeX. */
import type KatexModule from "katex";
import { setEmojiTable, setKatex } from "./markdown";

let emoji: Promise<void> | null = null;
let katex: Promise<typeof KatexModule> | null = null;

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
