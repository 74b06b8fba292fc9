/** The main menu's Settings: light, dark or the system's theme, wide mode, run on save. */
import { useEffect, useRef } from "react";
import type { Send } from "../send";
import { testid } from "../hooks";
import { updateSettings, useSettings, type ThemeChoice } from "./settings";

const CHOICES: readonly [ThemeChoice, string][] = [
  ["system", "Use system setting"],
  ["light", "Light"],
  ["dark", "Dark"],
];

export function SettingsDialog({
  wideByDefault,
  runOnSave,
  send,
  onClose,
}: {
  wideByDefault: boolean;
  runOnSave: boolean;
  send: Send;
  onClose: () => void;
}) {
  const settings = useSettings();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element || element.open) return;
    // Modal where the browser can; a plain open dialog elsewhere (jsdom in tests)
    if (typeof element.showModal === "function") element.showModal();
    else element.setAttribute("open", "");
  }, []);
  return (
    <dialog
      ref={dialog}
      {...testid("stDialog")}
      className="settings-dialog"
      aria-label="Settings"
      onClose={onClose}
      onCancel={onClose}
    >
      <div className="settings-head">
        <h2>Settings</h2>
        <button type="button" aria-label="Close" className="settings-close" onClick={onClose}>
          ×
        </button>
      </div>
      <label className="settings-row">
        <input type="checkbox" checked={runOnSave} onChange={(e) => send({ t: "run_on_save", value: e.target.checked })} />
        Run on save
      </label>
      <label className="settings-row">
        <input
          type="checkbox"
          checked={settings.wide ?? wideByDefault}
          onChange={(e) => updateSettings({ wide: e.target.checked })}
        />
        Wide mode
      </label>
      <label className="settings-row settings-theme">
        Choose app theme
        <select
          aria-label="App theme"
          value={settings.theme}
          onChange={(e) => updateSettings({ theme: e.target.value as ThemeChoice })}
        >
          {CHOICES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </dialog>
  );
}
