/** What every kind of button shows inside (icon on its side, label, shortcut hint), and the
 * keyboard shortcut that clicks it. Styles in buttonFace.css. */
import { useEffect, type RefObject } from "react";
import { Icon } from "../icons";
import { markdownText } from "../markdown/markdown";
import { InlineMarkdown } from "./widget";
import "./buttonFace.css";

interface Face {
  label: string;
  icon: string | null;
  icon_position: "left" | "right";
  shortcut: string | null;
  wrap: boolean | null;
  help: string | null;
}

const MAC = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
const MODIFIER_NAMES: Record<string, string> = MAC
  ? { ctrl: "⌘", cmd: "⌘", alt: "⌥", shift: "⇧" }
  : { ctrl: "Ctrl", cmd: "Ctrl", alt: "Alt", shift: "Shift" };
const KEY_NAMES: Record<string, string> = {
  escape: "Esc",
  up: "↑",
  down: "↓",
  left: "←",
  right: "→",
  pageup: "PgUp",
  pagedown: "PgDn",
};
// The shortcut's key as `KeyboardEvent.key` reads, lower case.
const EVENT_KEYS: Record<string, string> = { space: " ", up: "arrowup", down: "arrowdown", left: "arrowleft", right: "arrowright" };

/** "ctrl+shift+k" as the user reads it on this platform: "Ctrl + Shift + K". */
export function shortcutLabel(shortcut: string): string {
  return shortcut
    .split("+")
    .map((part) => MODIFIER_NAMES[part] ?? KEY_NAMES[part] ?? part.charAt(0).toUpperCase() + part.slice(1))
    .join(" + ");
}

/** Whether a key press is the shortcut: its key, and exactly its modifiers (Ctrl and Cmd alike). */
export function matchesShortcut(shortcut: string, event: KeyboardEvent): boolean {
  const parts = shortcut.split("+");
  const key = parts[parts.length - 1]!;
  const wants = new Set(parts.slice(0, -1));
  const command = wants.has("ctrl") || wants.has("cmd");
  if (command !== (event.ctrlKey || event.metaKey)) return false;
  if (wants.has("alt") !== event.altKey || wants.has("shift") !== event.shiftKey) return false;
  return event.key.toLowerCase() === (EVENT_KEYS[key] ?? key);
}

const typing = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/** Click `button` when its shortcut is pressed anywhere on the page. A shortcut without Ctrl,
 * Cmd or Alt leaves keys typed into a field alone. */
export function useShortcut(shortcut: string | null, button: RefObject<HTMLElement | null>, disabled: boolean): void {
  useEffect(() => {
    if (!shortcut || disabled) return;
    const chord = /(^|\+)(ctrl|cmd|alt)\+/.test(shortcut);
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.repeat || !matchesShortcut(shortcut, event)) return;
      if (!chord && typing(event.target)) return;
      event.preventDefault();
      button.current?.click();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [shortcut, button, disabled]);
}

/** The inside of a button. */
export function ButtonFace({ el }: { el: Face }) {
  const icon = el.icon && <Icon icon={el.icon} />;
  const wrapClass = el.wrap === null ? "label-auto" : el.wrap ? "label-wrap" : "label-one-line";
  // A label cut to one line shows in full on hover, unless the button has its own tooltip.
  const title = el.wrap === false && !el.help ? markdownText(el.label) : undefined;
  return (
    <>
      {el.icon_position === "left" && icon}
      <span className={`button-label ${wrapClass}`} title={title}>
        <InlineMarkdown text={el.label} />
      </span>
      {el.icon_position === "right" && icon}
      {el.shortcut && (
        <kbd className="button-shortcut" aria-hidden="true">
          {shortcutLabel(el.shortcut)}
        </kbd>
      )}
    </>
  );
}

/** The shortcut for assistive technology (`aria-keyshortcuts` wants "Control+Shift+K"). */
export function ariaShortcut(shortcut: string | null): string | undefined {
  if (!shortcut) return undefined;
  const names: Record<string, string> = { ctrl: "Control", cmd: "Meta", alt: "Alt", shift: "Shift", escape: "Escape", space: "Space" };
  return shortcut
    .split("+")
    .map((part) => names[part] ?? (part.length === 1 ? part.toUpperCase() : part.charAt(0).toUpperCase() + part.slice(1)))
    .join("+");
}
