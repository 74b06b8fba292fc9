import { useMemo } from "react";
import type { HeadingEl } from "../protocol.gen";
import { markdownText } from "../markdown/markdown";
import { useMarkdown } from "../markdown/useMarkdown";
import { Help } from "./Help";
import { testid } from "../hooks";
import { alignStyle, oneLine, ROW_JUSTIFY } from "./textLayout";

const TAGS = { title: "h1", header: "h2", subheader: "h3" } as const;

/** A URL fragment for a heading: lower case, words joined by dashes. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .trim()
    .replace(/[\s_-]+/g, "-");
}

export function Heading({ el }: { el: HeadingEl }) {
  const html = useMarkdown(el.body, false, true);
  // `html` changes once the renderer has loaded, and the text with it.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const text = useMemo(() => markdownText(el.body), [el.body, html]);
  const id = el.anchor ?? slugify(text);
  const Tag = TAGS[el.level];
  // The link and the help icon sit beside the heading, not in it, so its accessible name is
  // just its text.
  return (
    <div {...testid("stMarkdownContainer")} className={`heading heading-${el.level}`}>
      <div
        {...testid("stHeadingWithActionElements")}
        className="heading-row"
        style={el.text_alignment === "left" ? undefined : { justifyContent: ROW_JUSTIFY[el.text_alignment] }}
      >
        <Tag
          id={id || undefined}
          className={"md" + oneLine(el.wrap)}
          style={alignStyle(el.text_alignment)}
          title={el.wrap ? undefined : text}
          dangerouslySetInnerHTML={{ __html: html }}
        />
        {el.show_anchor && id && (
          <a className="anchor-link" href={`#${id}`} aria-label={`Link to ${text}`}>
            <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
              <path
                d="M10 14a5 5 0 0 0 7 0l3-3a5 5 0 0 0-7-7l-1 1M14 10a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinecap="round"
              />
            </svg>
          </a>
        )}
        {el.help && <Help text={el.help} />}
      </div>
      {el.divider && <hr {...testid("stHeadingDivider")} className={`heading-divider color-${el.divider}`} />}
    </div>
  );
}
