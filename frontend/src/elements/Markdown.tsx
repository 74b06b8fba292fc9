import type { CaptionEl, MarkdownEl } from "../protocol.gen";
import { useContext, useEffect, useMemo, useRef } from "react";
import { markdownText } from "../markdown/markdown";
import { InSidebarContext, scrollIfTargeted, withHeadingAnchors } from "../markdown/anchors";
import { useMarkdown } from "../markdown/useMarkdown";
import { alignStyle, oneLine } from "./textLayout";
import { Help } from "./Help";
import { testid } from "../hooks";

/**
 * Text still being written (st.write_stream) may stop inside a construct: an open code fence,
 * code span or bold run is closed for the display, so it does not flicker between shapes.
 */
export function closeOpenMarkdown(text: string): string {
  const fences = text.match(/^ {0,3}```/gm)?.length ?? 0;
  if (fences % 2 === 1) return `${text}\n\`\`\``;
  const lastBlock = text.slice(text.lastIndexOf("\n\n") + 1);
  if ((lastBlock.match(/`/g)?.length ?? 0) % 2 === 1) return `${text}\``;
  return (lastBlock.match(/\*\*/g)?.length ?? 0) % 2 === 1 ? `${text}**` : text;
}

function source(el: MarkdownEl | CaptionEl): string {
  if (el.type !== "markdown" || !el.streaming) return el.body;
  return closeOpenMarkdown(el.body) + (el.cursor ?? "");
}

export function Markdown({ el }: { el: MarkdownEl | CaptionEl }) {
  // One line takes inline formatting only, as a widget label does.
  const rendered = useMarkdown(source(el), el.allow_html, !el.wrap);
  const inSidebar = useContext(InSidebarContext);
  const html = useMemo(() => (inSidebar ? rendered : withHeadingAnchors(rendered)), [rendered, inSidebar]);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    for (const heading of ref.current?.querySelectorAll<HTMLElement>("[data-testid=stHeadingWithActionElements] > [id]") ?? []) {
      scrollIfTargeted(heading.id, heading);
    }
  }, [html]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const full = useMemo(() => (el.wrap ? undefined : markdownText(el.body)), [el.wrap, el.body, html]);
  const className = (el.type === "caption" ? "md caption" : "md") + oneLine(el.wrap);
  const hooked = testid(el.type === "caption" ? "stCaptionContainer" : "stMarkdownContainer");
  const body = (
    <div
      {...hooked}
      ref={ref}
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
