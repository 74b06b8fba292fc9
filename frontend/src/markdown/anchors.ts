/** Heading anchors as Streamlit draws them: every heading outside the sidebar (st.title,
 * st.header, st.subheader, and `#` headings and `<h1>`...`<h6>` in st.markdown) gets an `id`
 * made from its text and a link to itself shown on hover; a `#id` in the page's address scrolls
 * to the heading once it is drawn. */
import { createContext } from "react";

/** True inside the sidebar, whose headings have neither ids nor links. */
export const InSidebarContext = createContext(false);

// Letters that decomposing does not reduce to ASCII, spelled as Streamlit's slugs spell them.
const SPELLED: Record<string, string> = {
  "&": " and ",
  "♥": " love ",
  Ä: "Ae", Ö: "Oe", Ü: "Ue", ä: "ae", ö: "oe", ü: "ue", ß: "ss",
  Ø: "O", ø: "o", Ł: "L", ł: "l", Đ: "D", đ: "d", Æ: "AE", æ: "ae", Œ: "OE", œ: "oe", Þ: "Th", þ: "th",
};
const CYRILLIC = "а a б b в v г g д d е e ё yo ж zh з z и i й y к k л l м m н n о o п p р r с s т t у u ф f х h ц c ч ch ш sh щ sch ъ _ ы y ь _ э e ю yu я ya";
const GREEK = "α a β v γ g δ d ε e ζ z η i θ th ι i κ k λ l μ m ν n ξ ks ο o π p ρ r σ s ς s τ t υ y φ f χ ch ψ ps ω o";
for (const table of [CYRILLIC, GREEK]) {
  const words = table.split(" ");
  for (let i = 0; i < words.length; i += 2) {
    const [from, to] = [words[i] ?? "", words[i + 1] === "_" ? "" : (words[i + 1] ?? "")];
    SPELLED[from] = to;
    SPELLED[from.toUpperCase()] = to.charAt(0).toUpperCase() + to.slice(1);
  }
}
const SPELLED_RE = new RegExp(`[${Object.keys(SPELLED).join("")}]`, "g");

/** A heading's id: its text in lower-case ASCII words joined by dashes ("Crème brûlée" is
 * `creme-brulee`, "fooBar" `foo-bar`, "C++ & C#" `c-and-c`); text with no such letters
 * (Chinese, say) gets a short hash of itself. */
export function slugify(text: string): string {
  const ascii = text
    .normalize("NFC")
    .replace(SPELLED_RE, (c) => SPELLED[c] ?? c)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(SPELLED_RE, (c) => SPELLED[c] ?? c) // Greek letters that had accents
    .replace(/['’]/g, "")
    // Words inside camelCase and acronyms: fooBar, HTTPServer, ID42.
    .replace(/([a-z\d])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/([A-Z])(\d)/g, "$1 $2");
  const slug = ascii
    .toLowerCase()
    .replace(/[^a-z\d]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || (text.trim() ? hash(text.trim()) : "");
}

function hash(text: string): string {
  let h = 0x811c9dc5; // FNV-1a over UTF-16 units: stable, short
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, "0");
}

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
