/** The viewer's own settings (the theme chosen in the main menu), kept in localStorage so they
 * survive a reload. Wide mode is the app's layout only: 1.67 has no viewer switch for it. */
import { useSyncExternalStore } from "react";

export type ThemeChoice = "system" | "light" | "dark";

export interface Settings {
  readonly theme: ThemeChoice;
}

const KEY = "slipstream.settings";
const DEFAULTS: Settings = { theme: "system" };
const listeners = new Set<() => void>();

function read(): Settings {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? "null");
    if (raw && typeof raw === "object") {
      const { theme } = raw as Record<string, unknown>;
      return { theme: theme === "light" || theme === "dark" ? theme : "system" };
    }
  } catch {
    // storage refused or damaged: the defaults
  }
  return DEFAULTS;
}

let current = read();

export function getSettings(): Settings {
  return current;
}

export function updateSettings(change: Partial<Settings>): void {
  current = { ...current, ...change };
  try {
    localStorage.setItem(KEY, JSON.stringify(current));
  } catch {
    // kept for this page only
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSettings(): Settings {
  return useSyncExternalStore(subscribe, getSettings);
}
