import { memo, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import {
  ROOT_BOTTOM,
  ROOT_DIALOG,
  ROOT_EVENT,
  ROOT_LOGO,
  ROOT_MAIN,
  ROOT_SIDEBAR,
  type LogoEl,
  type NavigationMsg,
  type PageConfigMsg,
} from "../protocol.gen";
import { InSidebarContext } from "../markdown/anchors";
import { ConnectedContext, HoldContext, RunsContext, SendContext, SessionContext, useHeldValues, type Send } from "../send";
import type { Store, TreeNode } from "../store";
import { Children } from "../tree";
import { Logo } from "../elements/Logo";
import { Toaster } from "../elements/Toast";
import { hook, testid } from "../hooks";
import { Header } from "./Header";
import { useTheme } from "./theme";
import { setClientSettings } from "./clientSettings";
import { usePageConfig } from "./pageConfig";
import { NavigateContext } from "./location";
import { currentTitle, PageNotFound, showsMenu, SidebarNav } from "./Navigation";

const EMPTY_ROOT: TreeNode = { el: null, children: [], stale: false, run: 0 };

const Root = memo(function Root({ node }: { node: TreeNode }) {
  return <Children node={node} />;
});

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** Outside a text field, R reruns the app and C clears its caches (then reruns), as in Streamlit. */
function useRerunShortcut(send: Send): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const key = event.key.toLowerCase();
      if ((key !== "r" && key !== "c") || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isEditable(event.target)) return;
      event.preventDefault();
      if (key === "c") send({ t: "clear_cache" });
      send({ t: "rerun", values: {} });
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [send]);
}

type SidebarState = PageConfigMsg["sidebar"];

const startsCollapsed = (state: SidebarState): boolean =>
  state === "auto" ? (window.matchMedia?.("(max-width: 768px)").matches ?? false) : state === "collapsed";

function Sidebar({
  node,
  initial,
  logo,
  nav,
}: {
  node: TreeNode;
  initial: SidebarState;
  logo: LogoEl | null;
  nav: NavigationMsg | null;
}) {
  const [collapsed, setCollapsed] = useState(() => startsCollapsed(initial));
  // The app may set the sidebar's state after it appeared (st.set_page_config).
  const [seen, setSeen] = useState(initial);
  if (seen !== initial) {
    setSeen(initial);
    setCollapsed(startsCollapsed(initial));
  }
  // Collapsing hides the sidebar but keeps it mounted, so its widgets keep their local state.
  return (
    <>
      <section
        {...hook("stSidebar", collapsed ? "sidebar collapsed" : "sidebar")}
        // A <section> as on Streamlit, since app stylesheets aim at section[data-testid="stSidebar"];
        // still the page's complementary landmark.
        role="complementary"
        aria-label="Sidebar"
        hidden={collapsed}
      >
        <div {...testid("stSidebarContent")} className="sidebar-inner">
          <div {...testid("stSidebarHeader")} className="sidebar-header">
            {logo && (
              <div className="sidebar-logo">
                <Logo el={logo} />
              </div>
            )}
            <button
              type="button"
              {...testid("stSidebarCollapseButton")}
              className="sidebar-toggle sidebar-close"
              aria-label="Close sidebar"
              onClick={() => setCollapsed(true)}
            >
              «
            </button>
          </div>
          {showsMenu(nav, "sidebar") && <SidebarNav nav={nav} others={node.children.some(Boolean)} />}
          <div {...testid("stSidebarUserContent")} className="sidebar-user-content">
            <div {...hook("stVerticalBlock", "block sidebar-content")}>
              <InSidebarContext.Provider value={true}>
                <Root node={node} />
              </InSidebarContext.Provider>
            </div>
          </div>
        </div>
      </section>
      {collapsed && logo && (
        <div className="header-logo beside-toggle">
          <Logo el={logo} icon />
        </div>
      )}
      {collapsed && (
        <button
          type="button"
          {...testid("stExpandSidebarButton")}
          className="sidebar-toggle sidebar-open"
          aria-label="Open sidebar"
          onClick={() => setCollapsed(false)}
        >
          »
        </button>
      )}
    </>
  );
}

const NO_NAVIGATE = () => undefined;

export function App({
  store,
  send: sendNow,
  navigate = NO_NAVIGATE,
}: {
  store: Store;
  send: Send;
  navigate?: (page: string, query: string | null) => void;
}) {
  const { send, hold } = useHeldValues(sendNow);
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const runs = useMemo(() => ({ subscribe: store.subscribe, runs: () => store.getState().runs }), [store]);
  useRerunShortcut(send);
  usePageConfig(state.pageConfig, currentTitle(state.navigation));
  useTheme(state.client);
  useEffect(() => setClientSettings(state.client), [state.client]);
  const wide = state.pageConfig?.layout === "wide";
  const main = state.roots[ROOT_MAIN];
  const sidebar = state.roots[ROOT_SIDEBAR];
  const hasSidebar = (sidebar?.children.some(Boolean) ?? false) || showsMenu(state.navigation, "sidebar");
  const bottom = state.roots[ROOT_BOTTOM];
  const logoEl = state.roots[ROOT_LOGO]?.children[0]?.el;
  const logo = logoEl?.type === "logo" ? logoEl : null;
  const hasBottom = bottom?.children.some(Boolean) ?? false;
  const dialogs = state.roots[ROOT_DIALOG];
  return (
    <NavigateContext.Provider value={navigate}>
    <SendContext.Provider value={send}>
    <HoldContext.Provider value={hold}>
      <SessionContext.Provider value={state.session}>
        <RunsContext.Provider value={runs}>
          <ConnectedContext.Provider value={state.connection === "connected"}>
          <div {...hook("stApp", `app${hasSidebar ? " with-sidebar" : ""}${wide ? " wide" : ""}`)}>
            <div {...hook("stAppViewContainer", "app-view")}>
              {hasSidebar && (
                <Sidebar
                  node={sidebar ?? EMPTY_ROOT}
                  initial={state.pageConfig?.sidebar ?? "auto"}
                  logo={logo}
                  nav={state.navigation}
                />
              )}
              {!hasSidebar && logo && (
                <div className="header-logo">
                  <Logo el={logo} icon />
                </div>
              )}
              <main {...hook("stMain", hasBottom ? "main with-bottom" : "main")}>
                <div {...hook("stMainBlockContainer", "block-container main-content")}>
                  <div {...hook("stVerticalBlock", "block")}>{main && <Root node={main} />}</div>
                </div>
                {/* Pinned to the bottom of the window (st.chat_input); it takes its own space
                    in the flow, so the main area's last element is never hidden under it. */}
                {hasBottom && bottom && (
                  <div {...hook("stBottom", "bottom")}>
                    <div {...testid("stBottomBlockContainer")} className="bottom-content">
                      <div {...hook("stVerticalBlock", "block")}>
                        <Root node={bottom} />
                      </div>
                    </div>
                  </div>
                )}
              </main>
              <Header
                state={state}
                send={send}
                setRunOnSave={(value) => {
                  store.setRunOnSave(value);
                  send({ t: "run_on_save", value });
                }}
              />
            </div>
            {/* Toasts, balloons, snow: one-shot effects, in no page flow. */}
            <div {...hook("stEvent", "event-root")}>{state.roots[ROOT_EVENT] && <Root node={state.roots[ROOT_EVENT]} />}</div>
            <Toaster />
            {/* Over the page, outside it, so that the page can be made inert while a dialog is open. */}
            {dialogs && <Root node={dialogs} />}
            {state.pageNotFound !== null && <PageNotFound onClose={() => store.dismissPageNotFound()} />}
          </div>
          </ConnectedContext.Provider>
        </RunsContext.Provider>
      </SessionContext.Provider>
    </HoldContext.Provider>
    </SendContext.Provider>
    </NavigateContext.Provider>
  );
}
