/** A multipage app's menu of pages: in the sidebar (by section) or in the header, and the
 * notice for a page the app does not have. */
import { useEffect, useRef, useState, type MouseEvent } from "react";
import type { NavigationMsg, NavPage } from "../protocol.gen";
import { testid } from "../hooks";
import { Icon } from "../icons";
import { InlineMarkdown } from "../elements/widget";
import { pageUrl, useNavigate, withEmbed } from "./location";
import "./navigation.css";

/** Pages a collapsed sidebar menu shows, unless the app says how many. */
const COLLAPSED_PAGES = 10;

/** Whether the menu shows at all: more than one page, and not hidden. */
export function showsMenu(nav: NavigationMsg | null, position: NavigationMsg["position"]): nav is NavigationMsg {
  return nav !== null && nav.position === position && nav.pages.length > 1;
}

/** The title of the page shown (the tab's title when the page sets none). */
export function currentTitle(nav: NavigationMsg | null): string | null {
  return nav?.pages.find((p) => p.url_path === nav.page && p.external === null)?.title ?? null;
}

function PageLinkBody({ page }: { page: NavPage }) {
  return (
    <>
      {page.icon && <Icon icon={page.icon} className="nav-icon" />}
      <span className="nav-label">
        <InlineMarkdown text={page.title} />
      </span>
    </>
  );
}

/** One page's link: an external page opens in a new tab; another moves the tab without a reload. */
function NavLink({ page, current, testId }: { page: NavPage; current: boolean; testId: string }) {
  const navigate = useNavigate();
  if (page.external !== null) {
    return (
      <a {...testid(testId)} className="nav-link" href={page.external} target="_blank" rel="noopener noreferrer" title={page.help || undefined}>
        <PageLinkBody page={page} />
      </a>
    );
  }
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(page.url_path, null);
  };
  return (
    <a
      {...testid(testId)}
      className={current ? "nav-link active" : "nav-link"}
      href={pageUrl(page.url_path, withEmbed(null))}
      aria-current={current ? "page" : undefined}
      title={page.help || undefined}
      onClick={onClick}
    >
      <PageLinkBody page={page} />
    </a>
  );
}

function bySection(nav: NavigationMsg): [string, NavPage[]][] {
  return nav.sections.map((section) => [section, nav.pages.filter((p) => p.section === section && !p.hidden)]);
}

/** The menu atop the sidebar. With `others` (the sidebar has elements below it) a long menu
 * collapses to its first pages, with a button to show the rest. */
export function SidebarNav({ nav, others }: { nav: NavigationMsg; others: boolean }) {
  const [open, setOpen] = useState(false);
  const [closedSections, setClosedSections] = useState<ReadonlySet<string>>(new Set());
  const limit = nav.visible ?? COLLAPSED_PAGES;
  // Pages of a closed section take no room, as on Streamlit.
  const total = nav.pages.filter((p) => !p.hidden && !closedSections.has(p.section)).length;
  const collapsible = others && !nav.expanded && total > limit + 2;
  let budget = collapsible && !open ? limit : Infinity;
  const toggleSection = (section: string) =>
    setClosedSections((closed) => {
      const next = new Set(closed);
      if (!next.delete(section)) next.add(section);
      return next;
    });
  return (
    <nav {...testid("stSidebarNav")} className="sidebar-nav" aria-label="App pages">
      <ul {...testid("stSidebarNavItems")} className="nav-items">
        {bySection(nav).map(([section, pages]) => {
          const closed = closedSections.has(section);
          const shown = pages.slice(0, Math.max(0, budget));
          if (!closed) budget -= shown.length;
          if (shown.length === 0) return null;
          const items = closed
            ? []
            : shown.map((page) => (
                <li key={page.url_path} className="nav-page">
                  <div {...testid("stSidebarNavLinkContainer")} className="nav-link-box">
                    <NavLink page={page} current={page.url_path === nav.page} testId="stSidebarNavLink" />
                  </div>
                </li>
              ));
          if (!section) return items;
          return (
            <li key={`section:${section}`} className="nav-section">
              <button
                type="button"
                {...testid("stNavSectionHeader")}
                className="nav-section-header"
                aria-expanded={!closed}
                onClick={() => toggleSection(section)}
              >
                <InlineMarkdown text={section} />
                <Icon icon=":material/expand_more:" className="nav-section-chevron" />
              </button>
              <ul className="nav-section-items">{items}</ul>
            </li>
          );
        })}
      </ul>
      {collapsible && (
        <button type="button" {...testid("stSidebarNavViewButton")} className="nav-view-button" onClick={() => setOpen(!open)}>
          {open ? "View less" : `View ${total - limit} more`}
        </button>
      )}
      {others && <div {...testid("stSidebarNavSeparator")} className="nav-separator" />}
    </nav>
  );
}

/** A section of the top menu: a button opening the list of its pages. */
function TopSection({ section, pages, current }: { section: string; pages: NavPage[]; current: string }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: PointerEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !root.current?.contains(event.target as Node)) {
        setOpen(false);
      }
    };
    document.addEventListener("pointerdown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("pointerdown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);
  return (
    <div className="top-nav-section" ref={root}>
      <button
        type="button"
        {...testid("stTopNavSection")}
        className={pages.some((p) => p.url_path === current) ? "top-nav-button active" : "top-nav-button"}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <InlineMarkdown text={section} />
        <Icon icon=":material/expand_more:" />
      </button>
      {open && (
        // Picking a page closes the list.
        <div role="menu" className="top-nav-menu" onClick={() => setOpen(false)}>
          {pages.map((page) => (
            <NavLink key={page.url_path} page={page} current={page.url_path === current} testId="stTopNavLink" />
          ))}
        </div>
      )}
    </div>
  );
}

/** The menu in the header (position "top"): pages without a section first, then each section. */
export function TopNav({ nav }: { nav: NavigationMsg }) {
  const sections = bySection(nav).filter(([, pages]) => pages.length > 0);
  return (
    <nav {...testid("stTopNav")} className="top-nav" aria-label="App pages">
      {sections.map(([section, pages]) =>
        section ? (
          <TopSection key={section} section={section} pages={pages} current={nav.page} />
        ) : (
          pages.map((page) => (
            <NavLink key={page.url_path} page={page} current={page.url_path === nav.page} testId="stTopNavLink" />
          ))
        ),
      )}
    </nav>
  );
}

/** Streamlit's notice for a page the app does not have (the app's main page runs instead). */
export function PageNotFound({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="page-not-found-backdrop">
      <div role="dialog" aria-modal="true" aria-labelledby="page-not-found-title" {...testid("stPageNotFound")} className="page-not-found">
        <h2 id="page-not-found-title">Page not found</h2>
        <p>The page that you have requested does not seem to exist. Running the app&apos;s main page.</p>
        <button ref={close} type="button" className="button button-secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
