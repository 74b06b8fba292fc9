/**
 * The tab's URL for a multipage app: `<app root>/<page>?<query>`, kept in step with the server
 * without reloading. The app's root is the URL's folder (a page's URL path is one segment), so
 * the same page works at `/`, `/report` and under a prefix.
 *
 * Moving to a page (a menu entry, a page link) pushes a history entry and tells the server;
 * back and forward tell the server the URL the browser moved to; the server's `url` message
 * (st.switch_page, a page not found) becomes a history entry too when it shows another page;
 * a change of the query alone (st.query_params), or any change while the server answers a
 * back/forward, replaces the current entry, so that Back leaves the page rather than undoing
 * each change of its parameters.
 */
import { createContext, useContext } from "react";
import type { BrowserContext, ClientMessage, UrlMsg } from "../protocol.gen";

const EMBED_KEYS = ["embed", "embed_options"];

export interface PageLocation {
  page: string;
  query: string;
}

/** The app's root folder (ends with "/") and the page of a URL path. */
export function splitPath(pathname: string): { base: string; page: string } {
  const cut = pathname.lastIndexOf("/") + 1;
  let page = pathname.slice(cut);
  try {
    page = decodeURIComponent(page);
  } catch {
    // A malformed escape: keep the raw segment; the server answers "page not found".
  }
  return { base: pathname.slice(0, cut), page };
}

export function currentLocation(loc: Pick<Location, "pathname" | "search"> = location): PageLocation {
  return { page: splitPath(loc.pathname).page, query: loc.search.replace(/^\?/, "") };
}

/** The URL (path and query) of `page` with `query`, under the app's root. */
export function pageUrl(page: string, query: string, pathname: string = location.pathname): string {
  const { base } = splitPath(pathname);
  return `${base}${encodeURIComponent(page)}${query ? `?${query}` : ""}`;
}

/** `query` (null: none) with the current URL's embedding parameters, which a move keeps. */
export function withEmbed(query: string | null, search: string = location.search): string {
  const kept = new URLSearchParams();
  for (const [key, value] of new URLSearchParams(search)) {
    if (EMBED_KEYS.includes(key.toLowerCase())) kept.append(key, value);
  }
  const params = new URLSearchParams(query ?? "");
  for (const key of [...kept.keys()]) params.delete(key);
  const merged = [params.toString(), kept.toString()].filter(Boolean).join("&");
  return merged;
}

/** What st.context tells of this browser. */
export function browserContext(): BrowserContext {
  const tz = (() => {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
    } catch {
      return null;
    }
  })();
  // The theme the page shows (the Settings choice, else the app's, else the system's).
  const shown = document.documentElement.dataset.theme;
  const dark = shown ? shown === "dark" : (window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false);
  const embed = new URLSearchParams(location.search).get("embed");
  return {
    url: `${location.origin}${splitPath(location.pathname).base}`.slice(0, 2048),
    timezone: tz ? tz.slice(0, 64) : null,
    timezone_offset: new Date().getTimezoneOffset(),
    locale: navigator.language ? navigator.language.slice(0, 64) : null,
    theme: dark ? "dark" : "light",
    embedded: embed !== null && embed.toLowerCase() === "true",
  };
}

/** Moves between pages and keeps the address bar in step with the server. */
export class PageHistory {
  /** A back/forward awaits the server's answer: its URL changes replace the entry. */
  private fromHistory = false;
  private readonly send: (message: ClientMessage) => void;

  constructor(send: (message: ClientMessage) => void) {
    this.send = send;
  }

  start(): () => void {
    const onPop = () => {
      this.fromHistory = true;
      const { page, query } = currentLocation();
      this.send({ t: "navigate", page, query });
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }

  /** Show `page` with `query` (null: none but the embedding parameters). */
  go = (page: string, query: string | null): void => {
    const merged = withEmbed(query);
    this.fromHistory = false;
    const url = pageUrl(page, merged);
    if (url !== location.pathname + location.search) history.pushState(null, "", url);
    this.send({ t: "navigate", page, query: merged });
  };

  /** The server's `url` message. */
  show(msg: UrlMsg): void {
    const url = pageUrl(msg.page, msg.query);
    if (url === location.pathname + location.search) return;
    if (this.fromHistory || msg.page === currentLocation().page) history.replaceState(null, "", url);
    else history.pushState(null, "", url);
  }

  /** The page asked for does not exist: its URL gives way to the default page's, in place. */
  notFound(): void {
    this.fromHistory = true;
  }

  /** A run ended: a back/forward has had its answer. */
  settled(): void {
    this.fromHistory = false;
  }
}

/** Moves the tab to a page of the app (see `PageHistory.go`). */
export const NavigateContext = createContext<(page: string, query: string | null) => void>(() => undefined);

export const useNavigate = (): ((page: string, query: string | null) => void) => useContext(NavigateContext);
