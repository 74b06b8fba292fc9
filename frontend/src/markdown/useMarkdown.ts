import { useEffect, useMemo, useReducer } from "react";
import { loadEmoji, loadKatex } from "./lazy";
import { emojiReady, katexReady, needsEmoji, needsMath, renderMarkdown } from "./markdown";

/** `source` as HTML; renders again when the emoji table or KaTeX it needs has loaded. */
export function useMarkdown(source: string, allowHtml = false, inline = false): string {
  const waitEmoji = !emojiReady() && needsEmoji(source);
  const waitMath = !katexReady() && needsMath(source);
  const [loaded, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!waitEmoji && !waitMath) return;
    let live = true;
    Promise.all([waitEmoji && loadEmoji(), waitMath && loadKatex()]).then(
      () => live && bump(),
      () => undefined, // offline or chunk gone: keep showing the text as it is
    );
    return () => {
      live = false;
    };
  }, [waitEmoji, waitMath]);
  return useMemo(
    () => renderMarkdown(source, { allowHtml, inline }),
    // `loaded` changes when a table arrives, so the text renders again with it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [source, allowHtml, inline, loaded],
  );
}
