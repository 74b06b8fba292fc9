import { SESSION_KEY } from "./connection";

/** Where st.login / st.logout send the tab: `url` (relative to the app's root, as the websocket
 * URL is) resolved against the page at `href`; null for anything that would leave the app's origin. */
export function authTarget(url: string, href: string): string | null {
  const target = new URL(url, href);
  return target.origin === new URL(href).origin ? target.href : null;
}

/** Leave for the login or logout route: the tab forgets its session first, so that it comes back
 * in a new one (st.user is read when a session starts). */
export function followAuthRedirect(
  url: string,
  storage: Pick<Storage, "setItem">,
  close: () => void,
  go: (href: string) => void = (href) => location.assign(href),
): void {
  const target = authTarget(url, location.href);
  if (target === null) return;
  storage.setItem(SESSION_KEY, "");
  close();
  go(target);
}
