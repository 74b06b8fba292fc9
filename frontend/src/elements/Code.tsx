import { useEffect, useMemo, useState } from "react";
import type { CodeEl } from "../protocol.gen";
import { highlight, highlighterReady, loadHighlighter, splitLines, wantsHighlight } from "./highlight";

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = () => {
    navigator.clipboard?.writeText(text).then(
      () => setCopied(true),
      () => undefined,
    );
  };
  return (
    <button type="button" className="copy-button" onClick={copy} aria-label="Copy to clipboard">
      {copied ? "Copied" : "Copy"}
    </button>
  );
}

export function Code({ el }: { el: CodeEl }) {
  const [hljs, setHljs] = useState(highlighterReady);
  const wanted = wantsHighlight(el.language);
  useEffect(() => {
    if (hljs || !wanted) return;
    let live = true;
    loadHighlighter().then(
      (loaded) => live && setHljs(() => loaded),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [hljs, wanted]);
  const lines = useMemo(() => {
    const body = el.body.endsWith("\n") ? el.body.slice(0, -1) : el.body;
    return splitLines(highlight(body, hljs ? el.language : null));
  }, [el.body, el.language, hljs]);
  const classes = ["code-block", el.line_numbers && "numbered", el.wrap_lines && "wrap"].filter(Boolean).join(" ");
  return (
    <div className="code">
      <pre className={classes} style={el.height ? { height: el.height } : undefined} tabIndex={0}>
        <code
          className={wanted ? `language-${el.language}` : undefined}
          dangerouslySetInnerHTML={{ __html: lines.map((l) => `<span class="line">${l}</span>`).join("") }}
        />
      </pre>
      <CopyButton text={el.body} />
    </div>
  );
}
