import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from "react";
import type { Send } from "../send";
import type { AppState } from "../store";
import { testid } from "../hooks";
import { showsMenu, TopNav } from "./Navigation";
import { SettingsDialog } from "./SettingsDialog";
import { AboutDialog } from "./AboutDialog";
import { canRecordScreen, ScreencastDialog, useScreencast } from "./Screencast";
import type { MenuItems } from "../protocol.gen";

function StatusArea({ state, send }: { state: AppState; send: Send }) {
  if (state.connection !== "connected") {
    return (
      <div className="status status-delayed" role="status">
        <span className="spinner" aria-hidden="true" />
        {state.connection === "connecting" ? "Connecting…" : "Reconnecting…"}
      </div>
    );
  }
  if (state.running) {
    return (
      <div className="status status-delayed">
        <span className="spinner" aria-hidden="true" />
        <span role="status">Running…</span>
        <button type="button" className="status-button" onClick={() => send({ t: "stop" })}>
          Stop
        </button>
      </div>
    );
  }
  if (state.fileChanged) {
    return (
      <div className="status">
        <span role="status">Source file changed.</span>
        <button type="button" className="status-button" onClick={() => send({ t: "rerun", values: {} })}>
          Rerun
        </button>
        <button
          type="button"
          className="status-button"
          onClick={() => {
            send({ t: "run_on_save", value: true });
            send({ t: "rerun", values: {} });
          }}
        >
          Always rerun
        </button>
      </div>
    );
  }
  return null;
}

/** Arrow keys, Home and End move between the items of a menu. */
function moveFocus(event: ReactKeyboardEvent<HTMLDivElement>): void {
  const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]'));
  const at = items.indexOf(document.activeElement as HTMLElement);
  const next: Record<string, number> = {
    ArrowDown: (at + 1) % items.length,
    ArrowUp: (at - 1 + items.length) % items.length,
    Home: 0,
    End: items.length - 1,
  };
  if (!(event.key in next)) return;
  event.preventDefault();
  items[next[event.key] ?? 0]?.focus();
}

/** Whether the menu shows developer items (client.toolbarMode; auto: on this machine only). */
function developerMode(mode: string | undefined): boolean {
  if (mode === "developer") return true;
  if (mode === "viewer" || mode === "minimal") return false;
  return ["localhost", "127.0.0.1", "[::1]"].includes(location.hostname);
}

type MenuEntry = { id: string; label: string; key?: string; act: () => void } | "divider";

/** The main menu's entries, as Streamlit orders them for the toolbar mode: developer items
 * (Rerun, Clear cache) for developers; no Print or Settings in "minimal", which shows only the
 * app's own menu_items. */
function menuEntries(
  mode: string | undefined,
  items: MenuItems | undefined,
  act: { send: Send; settings: () => void; about: () => void; screencast: (() => void) | null; recording: boolean },
): MenuEntry[] {
  const link = (url: string) => () => window.open(url, "_blank", "noopener,noreferrer");
  const own: MenuEntry[] = [];
  if (items?.report_a_bug) own.push({ id: "report", label: "Report a bug", act: link(items.report_a_bug) });
  if (items?.get_help) own.push({ id: "community", label: "Get help", act: link(items.get_help) });
  const about: MenuEntry[] = items?.about ? [{ id: "about", label: "About", act: act.about }] : [];
  if (mode === "minimal") return [...own, ...about];
  const entries: MenuEntry[] = [];
  if (developerMode(mode)) {
    entries.push({ id: "rerun", label: "Rerun", key: "R", act: () => act.send({ t: "rerun", values: {} }) });
    entries.push({
      id: "clearCache",
      label: "Clear cache",
      key: "C",
      act: () => {
        act.send({ t: "clear_cache" });
        act.send({ t: "rerun", values: {} });
      },
    });
    entries.push("divider");
  }
  entries.push({ id: "settings", label: "Settings", act: act.settings });
  entries.push({ id: "print", label: "Print", act: () => window.print() });
  if (act.screencast)
    entries.push({ id: "recordScreencast", label: act.recording ? "Stop recording" : "Record screen", act: act.screencast });
  entries.push(...about);
  if (own.length) entries.push("divider", ...own);
  return entries;
}

function MainMenu({ state, send }: { state: AppState; send: Send }) {
  const [open, setOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [aboutOpen, setAboutOpen] = useState(false);
  const screencast = useScreencast();
  const items = state.pageConfig?.menu_items;
  const entries = menuEntries(state.client?.toolbar_mode, items, {
    send,
    settings: () => setSettingsOpen(true),
    about: () => setAboutOpen(true),
    screencast: canRecordScreen() ? (screencast.recording ? screencast.stop : () => void screencast.start()) : null,
    recording: screencast.recording,
  });
  const root = useRef<HTMLDivElement>(null);
  const firstItem = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    firstItem.current?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);
  // "minimal" with no menu_items: no menu at all
  if (!entries.length) return null;
  let first = true;
  return (
    <div id="MainMenu" {...testid("stMainMenu")} className="stMainMenu menu" ref={root}>
      <button
        type="button"
        {...testid("stMainMenuButton")}
        className="menu-button"
        aria-label="Main menu"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {/* three vertical dots, as Streamlit 1.67's menu button */}
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" fill="currentColor">
          <circle cx="12" cy="6" r="2" />
          <circle cx="12" cy="12" r="2" />
          <circle cx="12" cy="18" r="2" />
        </svg>
      </button>
      {open && (
        <div role="menu" {...testid("stMainMenuList")} className="menu-list" aria-label="Main menu" onKeyDown={moveFocus}>
          {entries.map((entry, i) => {
            if (entry === "divider")
              return <div key={`divider-${i}`} role="separator" {...testid("stMainMenuDivider")} className="menu-divider" />;
            const ref = first ? firstItem : undefined;
            first = false;
            return (
              <button
                key={entry.id}
                ref={ref}
                type="button"
                role="menuitem"
                {...testid(`stMainMenuItem-${entry.id}`)}
                onClick={() => {
                  setOpen(false);
                  entry.act();
                }}
              >
                {entry.label}
                {entry.key && <> <kbd>{entry.key}</kbd></>}
              </button>
            );
          })}
          <div className="menu-footer">Made with Slipstream</div>
        </div>
      )}
      {screencast.video && <ScreencastDialog url={screencast.video} onClose={screencast.close} />}
      {settingsOpen && (
        <SettingsDialog
          wideByDefault={state.pageConfig?.layout === "wide"}
          runOnSave={state.runOnSave}
          send={send}
          onClose={() => setSettingsOpen(false)}
        />
      )}
      {aboutOpen && items?.about && <AboutDialog markdown={items.about} onClose={() => setAboutOpen(false)} />}
    </div>
  );
}

export function Header({ state, send }: { state: AppState; send: Send }) {
  return (
    <header {...testid("stHeader")} className="stAppHeader header">
      <div className="header-decoration" aria-hidden="true" />
      {showsMenu(state.navigation, "top") && <TopNav nav={state.navigation} />}
      <div {...testid("stToolbar")} className="stAppToolbar header-tools">
        <StatusArea state={state} send={send} />
        <MainMenu state={state} send={send} />
      </div>
    </header>
  );
}
