import { useContext, useEffect, useId, useMemo, useRef } from "react";
import type { HeadingEl } from "../protocol.gen";
import { markdownText } from "../markdown/markdown";
import { InSidebarContext, LINK_ICON_PATH, scrollIfTargeted, slugify } from "../markdown/anchors";
import { useMarkdown } from "../markdown/useMarkdown";
import { Help } from "./Help";
import { testid } from "../hooks";
import { alignStyle, oneLine, ROW_JUSTIFY } from "./textLayout";

const TAGS = { title: "h1", header: "h2", subheader: "h3" } as const;

export function Heading({ el }: { el: HeadingEl }) {
  const html = useMarkdown(el.body, false, true);
  // `html` changes once the renderer has loaded, and the text with it.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const text = useMemo(() => markdownText(el.body), [el.body, html]);
  const inSidebar = useContext(InSidebarContext);
  // In the sidebar a heading has no id and no link, as on Streamlit.
  const id = inSidebar ? "" : (el.anchor ?? slugify(text));
  const textId = useId();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (id) scrollIfTargeted(id, ref.current);
  }, [id]);
  const Tag = TAGS[el.level];
  const link = el.show_anchor && id !== "";
  // The text sits in its own span that names the heading, so the link and the help icon
  // beside it inside the heading stay out of its accessible name.
  return (
    <div {...testid("stMarkdownContainer")} className={`heading heading-${el.level}`}>
      <div
        {...testid("stHeadingWithActionElements")}
        className="heading-row"
        style={el.text_alignment === "left" ? undefined : { justifyContent: ROW_JUSTIFY[el.text_alignment] }}
      >
        <Tag
          ref={ref}
          id={id || undefined}
          aria-labelledby={textId}
          className={"md" + oneLine(el.wrap)}
          style={alignStyle(el.text_alignment)}
          title={el.wrap ? undefined : text}
        >
          <span data-heading-text="" id={textId} dangerouslySetInnerHTML={{ __html: html }} />
          {(link || el.help) && (
            <span {...testid("stHeaderActionElements")} className="heading-actions">
              {link && (
                <a className="anchor-link" href={`#${encodeURIComponent(id)}`} aria-label="Link to heading">
                  <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
                    <path d={LINK_ICON_PATH} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
                  </svg>
                </a>
              )}
              {el.help && <Help text={el.help} />}
            </span>
          )}
        </Tag>
      </div>
      {el.divider && <hr {...testid("stHeadingDivider")} className={`heading-divider color-${el.divider}`} />}
    </div>
  );
}
