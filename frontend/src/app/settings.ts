/** The viewer's own settings (theme, wide mode), kept in localStorage so they survive a reload. */
import { useSyncExternalStore } from "react";

export type ThemeChoice = "system" | "light" | "dark";

export interface Settings {
  readonly theme: ThemeChoice;
  /** null: as the app's page config says. */
  readonly wide: boolean | null;
}

const KEY = "slipstream.settings";
const DEFAULTS: Settings = { theme: "system", wide: null };
const listeners = new Set<() => void>();

function read(): Settings {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? "null");
    if (raw && typeof raw === "object") {
      const { theme, wide } = raw as Record<string, unknown>;
      return {
        theme: theme === "light" || theme === "dark" ? theme : "system",
        wide: typeof wide === "boolean" ? wide : null,
      };
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
