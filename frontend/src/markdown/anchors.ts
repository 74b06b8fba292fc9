/** Heading anchors as Streamlit draws them: every heading outside the sidebar (st.title,
 * st.header, st.subheader, and `#` headings and `<h1>`...`<h6>` in st.markdown) gets an `id`
 * made from its text and a link to itself shown on hover; a `#id` in the page's address scrolls
 * to the heading once it is drawn. */
import { createContext } from "react";
import { slugify } from "./slug";

export { slugify } from "./slug";

/** True inside the sidebar, whose headings have neither ids nor links. */
export const InSidebarContext = createContext(false);

/** The chain-link icon of a heading's link. */
export const LINK_ICON_PATH = "M10 14a5 5 0 0 0 7 0l3-3a5 5 0 0 0-7-7l-1 1M14 10a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1";
const LINK_ICON = `<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="${LINK_ICON_PATH}" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>`;

/** The link a heading shows on hover, as markup (for headings inside Markdown). */
function linkMarkup(id: string): string {
  return `<a class="anchor-link" href="#${encodeURIComponent(id)}" aria-label="Link to heading">${LINK_ICON}</a>`;
}

const HEADING = /<h[1-6][\s>]/i;
let headingCount = 0;

/** Rendered Markdown with its headings marked as Streamlit marks them: each wrapped in a
 * `stHeadingWithActionElements` box, given an id from its text (unless it has one), its text in
 * a span that names it, and a `stHeaderActionElements` span holding the link to it. */
export function withHeadingAnchors(html: string): string {
  if (!HEADING.test(html)) return html;
  const template = document.createElement("template");
  template.innerHTML = html;
  for (const heading of Array.from(template.content.querySelectorAll("h1, h2, h3, h4, h5, h6"))) {
    const id = heading.id || slugify(heading.textContent ?? "");
    if (!id) continue;
    const textId = `md-heading-${++headingCount}`;
    const text = document.createElement("span");
    text.setAttribute("data-heading-text", "");
    text.id = textId;
    text.append(...Array.from(heading.childNodes));
    const actions = document.createElement("span");
    actions.setAttribute("data-testid", "stHeaderActionElements");
    actions.className = "heading-actions";
    actions.innerHTML = linkMarkup(id);
    heading.id = id;
    heading.setAttribute("aria-labelledby", textId);
    heading.append(text, actions);
    const box = document.createElement("div");
    box.setAttribute("data-testid", "stHeadingWithActionElements");
    box.className = "md-heading";
    heading.replaceWith(box);
    box.append(heading);
  }
  return template.innerHTML;
}

let scrolledTo: string | null = null;

/** Scroll to the heading `id` if the page's address names it, once per address: the heading
 * may be drawn well after the page loaded. */
export function scrollIfTargeted(id: string, target: HTMLElement | null): void {
  const hash = window.location.hash;
  if (!target || hash.length < 2 || scrolledTo === hash) return;
  let wanted: string;
  try {
    wanted = decodeURIComponent(hash.slice(1));
  } catch {
    return;
  }
  if (wanted !== id) return;
  scrolledTo = hash;
  target.scrollIntoView?.();
}
