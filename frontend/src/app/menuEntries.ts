/** What the main menu lists, by client.toolbarMode, in Streamlit 1.67's sections and order:
 * the theme switcher; Rerun and Auto rerun; Clear cache; Print, Record screen and About; the
 * app's own menu_items. Empty sections are left out and a divider goes between the others. */
import type { MenuItems } from "../protocol.gen";
import type { ThemeChoice } from "./settings";

export type MenuEntry =
  | { kind: "action"; id: string; label: string; key?: string; disabled?: boolean; act: () => void }
  | { kind: "toggle"; id: string; label: string; checked: boolean; disabled?: boolean; toggle: () => void }
  | { kind: "theme"; id: string; label: string; icon: string; checked: boolean; choose: () => void };

export interface MenuActions {
  connected: boolean;
  theme: ThemeChoice | null; // null: no switcher (a custom theme without light/dark variants)
  chooseTheme: (choice: ThemeChoice) => void;
  rerun: () => void;
  runOnSave: boolean;
  setRunOnSave: (value: boolean) => void;
  clearCache: () => void;
  print: () => void;
  about: () => void;
  screencast: (() => void) | null;
  recording: boolean;
  open: (url: string) => void;
}

const THEMES: readonly [ThemeChoice, string, string][] = [
  ["system", "System", "contrast"],
  ["light", "Light", "light_mode"],
  ["dark", "Dark", "dark_mode"],
];

/** Whether the menu shows developer items (client.toolbarMode; auto: on this machine only). */
export function developerMode(mode: string | undefined, hostname: string): boolean {
  if (mode === "developer") return true;
  if (mode === "viewer" || mode === "minimal") return false;
  return ["localhost", "127.0.0.1", "[::1]"].includes(hostname);
}

export function menuSections(
  mode: string | undefined,
  developer: boolean,
  items: MenuItems | undefined,
  act: MenuActions,
): MenuEntry[][] {
  const chosen = act.theme;
  const themes: MenuEntry[] =
    chosen === null
      ? []
      : THEMES.map(([choice, label, icon]) => ({
          kind: "theme",
          id: `theme-${label}`,
          label,
          icon,
          checked: chosen === choice,
          choose: () => act.chooseTheme(choice),
        }));
  const own: MenuEntry[] = [];
  const link = (url: string) => () => act.open(url);
  if (items?.report_a_bug) own.push({ kind: "action", id: "report", label: "Report a bug", act: link(items.report_a_bug) });
  if (items?.get_help) own.push({ kind: "action", id: "community", label: "Get help", act: link(items.get_help) });
  const about: MenuEntry[] = items?.about ? [{ kind: "action", id: "about", label: "About", act: act.about }] : [];
  // minimal: nothing of the app's chrome, and no menu at all when the app adds no items
  if (mode === "minimal") return own.length || about.length ? nonEmpty([themes, [...own, ...about]]) : [];
  const disabled = !act.connected;
  const rerun: MenuEntry[] = developer
    ? [
        { kind: "action", id: "rerun", label: "Rerun", key: "R", disabled, act: act.rerun },
        {
          kind: "toggle",
          id: "autoRerun",
          label: "Auto rerun",
          checked: act.runOnSave,
          disabled,
          toggle: () => act.setRunOnSave(!act.runOnSave),
        },
      ]
    : [];
  const cache: MenuEntry[] = developer
    ? [{ kind: "action", id: "clearCache", label: "Clear cache", key: "C", disabled, act: act.clearCache }]
    : [];
  const page: MenuEntry[] = [{ kind: "action", id: "print", label: "Print", act: act.print }];
  if (act.screencast)
    page.push({
      kind: "action",
      id: "recordScreencast",
      label: act.recording ? "Stop recording" : "Record screen",
      key: act.recording ? "ESC" : undefined,
      act: act.screencast,
    });
  return nonEmpty([themes, rerun, cache, [...page, ...about], own]);
}

function nonEmpty(sections: MenuEntry[][]): MenuEntry[][] {
  return sections.filter((section) => section.length > 0);
}
