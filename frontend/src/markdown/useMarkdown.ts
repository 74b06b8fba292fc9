import { useEffect, useMemo, useReducer } from "react";
import { highlighterReady, loadHighlighter, wantsHighlight } from "../elements/highlight";
import { loadEmoji, loadKatex, loadRenderer } from "./lazy";
import {
  emojiReady,
  fencedLanguages,
  isPlain,
  katexReady,
  needsEmoji,
  needsMath,
  renderMarkdown,
  rendererReady,
} from "./markdown";

/** `source` as HTML; renders again when the renderer, emoji table, KaTeX or highlighter it
 * needs has loaded. */
export function useMarkdown(source: string, allowHtml = false, inline = false): string {
  const plain = isPlain(source);
  const waitRenderer = !plain && !rendererReady();
  const waitEmoji = !plain && !emojiReady() && needsEmoji(source);
  const waitMath = !plain && !katexReady() && needsMath(source);
  const waitCode = !plain && !inline && !highlighterReady() && fencedLanguages(source).some(wantsHighlight);
  const [loaded, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!waitRenderer && !waitEmoji && !waitMath && !waitCode) return;
    let live = true;
    Promise.all([
      waitRenderer && loadRenderer(),
      waitEmoji && loadEmoji(),
      waitMath && loadKatex(),
      waitCode && loadHighlighter(),
    ]).then(
      () => live && bump(),
      () => undefined, // offline or chunk gone: keep showing the text as it is
    );
    return () => {
      live = false;
    };
  }, [waitRenderer, waitEmoji, waitMath, waitCode]);
  return useMemo(
    () => renderMarkdown(source, { allowHtml, inline }),
    // `loaded` changes when a part arrives, so the text renders again with it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [source, allowHtml, inline, loaded],
  );
}
