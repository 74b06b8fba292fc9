import type { CaptionEl, MarkdownEl } from "../protocol.gen";
import { useMemo } from "react";
import { markdownText } from "../markdown/markdown";
import { useMarkdown } from "../markdown/useMarkdown";
import { alignStyle, oneLine } from "./textLayout";
import { Help } from "./Help";
import { testid } from "../hooks";

export function Markdown({ el }: { el: MarkdownEl | CaptionEl }) {
  // One line takes inline formatting only, as a widget label does.
  const html = useMarkdown(el.body, el.allow_html, !el.wrap);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const full = useMemo(() => (el.wrap ? undefined : markdownText(el.body)), [el.wrap, el.body, html]);
  const className = (el.type === "caption" ? "md caption" : "md") + oneLine(el.wrap);
  const hooked = testid(el.type === "caption" ? "stCaptionContainer" : "stMarkdownContainer");
  const body = (
    <div
      {...hooked}
      className={className}
      style={alignStyle(el.text_alignment)}
      title={full}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
  if (!el.help) return body;
  return (
    <div className="with-help">
      {body}
      <Help text={el.help} />
    </div>
  );
}
