import { SESSION_KEY } from "./connection";
import { showToast } from "./elements/toasts";

/** Where st.login / st.logout send the tab: `url` (relative to the app's root, as the websocket
 * URL is) resolved against the page at `href`; null for anything that would leave the app's origin. */
export function authTarget(url: string, href: string): string | null {
  const target = new URL(url, href);
  return target.origin === new URL(href).origin ? target.href : null;
}

/** Whether the page runs in a frame (another page embeds it). */
export const inFrame = (): boolean => window.parent !== window;

/** Leave for the login or logout route: the tab forgets its session first, so that it comes back
 * in a new one (st.user is read when a session starts).
 *
 * In a frame, the page does not go itself (a provider's login page refuses to be framed, and
 * its cookie would be a third party's): as Streamlit 1.67 does, it asks its host page to go, with
 * a REDIRECT_TO_URL message that only a host of the app's own origin receives. Any other host
 * gets nothing, and the session carries on. */
export function followAuthRedirect(
  url: string,
  storage: Pick<Storage, "setItem">,
  close: () => void,
  go: (href: string) => void = (href) => location.assign(href),
  framed: boolean = inFrame(),
): void {
  const target = authTarget(url, location.href);
  if (target === null) return;
  if (framed) {
    window.parent.postMessage({ stCommVersion: 1, type: "REDIRECT_TO_URL", url: target }, location.origin);
    return;
  }
  storage.setItem(SESSION_KEY, "");
  close();
  go(target);
}

/** A failed login's reasons (the server's words, src/slipstream/auth/routes.py) and what the
 * toast says for each. Only these are shown: a crafted link can say nothing else. */
export const LOGIN_FAILURES: Readonly<Record<string, string>> = {
  denied: "The login was cancelled or refused at the login provider.",
  provider: "The login provider returned an error.",
  expired: "This login has expired or was already used. Please log in again.",
  state: "This login could not be verified. Please log in again.",
  refused: "The login provider did not confirm the login. Please log in again.",
  unreachable: "The login provider could not be reached. Please try again later.",
  config: "Login is not set up correctly for this app; the server's log says why.",
};

const FAILURE_KEY = "login-failed";

/** The reason a failed login came back with (`#login-failed=<reason>`), or null. */
export function loginFailure(hash: string): string | null {
  const [key, reason] = hash.replace(/^#/, "").split("=", 2);
  return key === FAILURE_KEY && reason !== undefined && Object.hasOwn(LOGIN_FAILURES, reason) ? reason : null;
}

/** Show a failed login's reason once, as a toast that stays until closed, and take it out of the
 * address (a reload does not show it again; the address bar keeps the app's own URL). */
export function showLoginFailure(
  loc: Pick<Location, "hash" | "pathname" | "search"> = location,
  replace: (url: string) => void = (url) => history.replaceState(history.state, "", url),
): void {
  const hash = loc.hash; // read before the address changes: `location` is live
  if (!hash.replace(/^#/, "").startsWith(`${FAILURE_KEY}=`)) return;
  replace(`${loc.pathname}${loc.search}`);
  const reason = loginFailure(hash);
  if (reason === null) return;
  showToast({
    type: "toast",
    toast: "login-failed",
    body: `**Login failed.** ${LOGIN_FAILURES[reason]}`,
    icon: ":material/error:",
    duration: 0,
  });
}
