import { useEffect, useMemo, useState } from "react";
import type KatexModule from "katex";
import type { LatexEl } from "../protocol.gen";
import { loadKatex } from "../markdown/lazy";
import { Help } from "./Help";

let loadedKatex: typeof KatexModule | null = null;

export function Latex({ el }: { el: LatexEl }) {
  const [katex, setKatex] = useState(loadedKatex);
  useEffect(() => {
    if (katex) return;
    let live = true;
    loadKatex().then(
      (module) => {
        loadedKatex = module;
        if (live) setKatex(() => module);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [katex]);
  const html = useMemo(
    () => katex?.renderToString(el.body, { displayMode: true, throwOnError: false }) ?? null,
    [katex, el.body],
  );
  return (
    <div className="with-help">
      {html === null ? (
        <pre className="latex-pending">{el.body}</pre>
      ) : (
        <div className="latex" dangerouslySetInnerHTML={{ __html: html }} />
      )}
      {el.help && <Help text={el.help} />}
    </div>
  );
}
