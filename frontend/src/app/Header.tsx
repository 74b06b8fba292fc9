import { Fragment, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from "react";
import type { Send } from "../send";
import type { AppState } from "../store";
import { testid } from "../hooks";
import { showsMenu, TopNav } from "./Navigation";
import { AboutDialog } from "./AboutDialog";
import { canRecordScreen, ScreencastDialog, useScreencast } from "./Screencast";
import { developerMode, menuSections, type MenuEntry } from "./menuEntries";
import { updateSettings, useSettings } from "./settings";
import { Icon } from "../icons";

type HeaderProps = { state: AppState; send: Send; setRunOnSave: (value: boolean) => void };

/** How long a run goes on before the header shows it. A quicker run (most are) changes nothing
 * in the page besides its output: adding and removing the indicator would lay out the whole page
 * twice per click. */
const RUNNING_SHOWN_AFTER_MS = 300;

/** Whether `on` has stayed true for `ms`; false again as soon as it turns false. */
function useLasting(on: boolean, ms: number): boolean {
  const [lasted, setLasted] = useState(false);
  useEffect(() => {
    if (!on) {
      setLasted(false);
      return;
    }
    const timer = setTimeout(() => setLasted(true), ms);
    return () => clearTimeout(timer);
  }, [on, ms]);
  return on && lasted;
}

function StatusArea({ state, send, setRunOnSave }: HeaderProps) {
  const runningLong = useLasting(state.running, RUNNING_SHOWN_AFTER_MS);
  if (state.connection !== "connected") {
    return (
      <div className="status status-delayed" role="status">
        <span className="spinner" aria-hidden="true" />
        {state.connection === "connecting" ? "Connecting…" : "Reconnecting…"}
      </div>
    );
  }
  if (runningLong) {
    return (
      <div className="status status-appearing">
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
            setRunOnSave(true);
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

const ITEM_ROLES = '[role="menuitem"], [role="menuitemradio"], [role="menuitemcheckbox"]';

/** Arrow keys, Home and End move between the items of a menu. */
function moveFocus(event: ReactKeyboardEvent<HTMLDivElement>): void {
  const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(ITEM_ROLES));
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

/** One entry: an action closes the menu; the theme and Auto rerun switches leave it open. */
function Entry({ entry, close }: { entry: MenuEntry; close: () => void }) {
  if (entry.kind === "theme")
    return (
      <button
        type="button"
        role="menuitemradio"
        aria-checked={entry.checked}
        {...testid(`stMainMenuItem-${entry.id}`)}
        className="main-menu-theme"
        onClick={entry.choose}
      >
        <Icon icon={`:material/${entry.icon}:`} />
        {entry.label}
      </button>
    );
  if (entry.kind === "toggle")
    return (
      <button
        type="button"
        role="menuitemcheckbox"
        aria-checked={entry.checked}
        aria-disabled={entry.disabled || undefined}
        {...testid(`stMainMenuItem-${entry.id}`)}
        className="main-menu-item main-menu-toggle"
        onClick={() => {
          if (!entry.disabled) entry.toggle();
        }}
      >
        {entry.label}
        <span className="main-menu-switch" aria-hidden="true">
          <span />
        </span>
      </button>
    );
  return (
    <button
      type="button"
      role="menuitem"
      aria-disabled={entry.disabled || undefined}
      {...testid(`stMainMenuItem-${entry.id}`)}
      className="main-menu-item"
      onClick={() => {
        if (entry.disabled) return;
        close();
        entry.act();
      }}
    >
      <span className="main-menu-item-row">
        <span {...testid("stMainMenuItemLabel")}>{entry.label}</span>
        {entry.key && <kbd>{entry.key}</kbd>}
      </span>
    </button>
  );
}

function MainMenu({ state, send, setRunOnSave }: HeaderProps) {
  const [open, setOpen] = useState(false);
  const [aboutOpen, setAboutOpen] = useState(false);
  const { theme } = useSettings();
  const screencast = useScreencast();
  const items = state.pageConfig?.menu_items;
  const mode = state.client?.toolbar_mode;
  const sections = menuSections(mode, developerMode(mode, location.hostname), items, {
    connected: state.connection === "connected",
    theme: state.client?.theme_switcher === false ? null : theme,
    chooseTheme: (choice) => updateSettings({ theme: choice }),
    rerun: () => send({ t: "rerun", values: {} }),
    runOnSave: state.runOnSave,
    setRunOnSave,
    clearCache: () => {
      send({ t: "clear_cache" });
      send({ t: "rerun", values: {} });
    },
    print: () => window.print(),
    about: () => setAboutOpen(true),
    screencast: canRecordScreen() ? (screencast.recording ? screencast.stop : () => void screencast.start()) : null,
    recording: screencast.recording,
    open: (url) => window.open(url, "_blank", "noopener,noreferrer"),
  });
  const root = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    list.current?.querySelector<HTMLElement>(ITEM_ROLES)?.focus();
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
  if (!sections.length) return null;
  const close = () => setOpen(false);
  const version = state.client?.version;
  return (
    <div id="MainMenu" {...testid("stMainMenu")} className="stMainMenu main-menu" ref={root}>
      <button
        type="button"
        {...testid("stMainMenuButton")}
        className="main-menu-button"
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
        <div {...testid("stMainMenuPopover")} className="main-menu-popover">
          <div role="menu" {...testid("stMainMenuList")} className="main-menu-list" aria-label="Main menu" onKeyDown={moveFocus} ref={list}>
            {sections.map((section, i) => (
              <Fragment key={i}>
                {i > 0 && <div role="separator" aria-hidden="true" {...testid("stMainMenuDivider")} className="main-menu-divider" />}
                {section[0]?.kind === "theme" ? (
                  <div role="group" aria-label="Theme" {...testid("stThemeSwitcher")} className="main-menu-themes">
                    {section.map((entry) => (
                      <Entry key={entry.id} entry={entry} close={close} />
                    ))}
                  </div>
                ) : (
                  section.map((entry) => <Entry key={entry.id} entry={entry} close={close} />)
                )}
              </Fragment>
            ))}
          </div>
          {version && <MenuFooter version={version} />}
        </div>
      )}
      {screencast.video && <ScreencastDialog url={screencast.video} onClose={screencast.close} />}
      {aboutOpen && items?.about && <AboutDialog markdown={items.about} onClose={() => setAboutOpen(false)} />}
    </div>
  );
}

/** "Made with Slipstream vX" and a button that copies the version, as 1.67's menu ends. */
function MenuFooter({ version }: { version: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  const label = copied ? "Copied" : "Copy version to clipboard";
  return (
    <div className="main-menu-footer">
      <div className="main-menu-footer-row">
        <span className="main-menu-made-with">Made with Slipstream v{version}</span>
        <button
          type="button"
          className="stMenuVersionCopyButton main-menu-copy"
          data-copy-state={copied ? "copied" : "idle"}
          title={label}
          aria-label={label}
          onClick={() => {
            navigator.clipboard?.writeText(version).then(
              () => setCopied(true),
              () => undefined,
            );
          }}
        >
          <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round">
            {copied ? (
              <path d="M3 8.5l3 3 7-7" strokeLinecap="round" />
            ) : (
              <>
                <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
                <path d="M10.5 3V2.5h-8v8H3" />
              </>
            )}
          </svg>
        </button>
      </div>
    </div>
  );
}

export function Header({ state, send, setRunOnSave }: HeaderProps) {
  return (
    <header {...testid("stHeader")} className="stAppHeader header">
      {showsMenu(state.navigation, "top") && <TopNav nav={state.navigation} />}
      <div {...testid("stToolbar")} className="stAppToolbar header-tools">
        <StatusArea state={state} send={send} setRunOnSave={setRunOnSave} />
        <MainMenu state={state} send={send} setRunOnSave={setRunOnSave} />
      </div>
    </header>
  );
}
