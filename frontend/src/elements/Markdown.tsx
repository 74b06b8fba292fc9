import type { CaptionEl, MarkdownEl } from "../protocol.gen";
import { useMarkdown } from "../markdown/useMarkdown";
import { Help } from "./Help";
import { testid } from "../hooks";

export function Markdown({ el }: { el: MarkdownEl | CaptionEl }) {
  const html = useMarkdown(el.body, el.allow_html);
  const className = el.type === "caption" ? "md caption" : "md";
  const hooked = testid(el.type === "caption" ? "stCaptionContainer" : "stMarkdownContainer");
  if (!el.help) return <div {...hooked} className={className} dangerouslySetInnerHTML={{ __html: html }} />;
  return (
    <div className="with-help">
      <div {...hooked} className={className} dangerouslySetInnerHTML={{ __html: html }} />
      <Help text={el.help} />
    </div>
  );
}
