import { useState } from "react";
import { formatTime, parseTime, stepTime, type TimeFormat } from "./timeText";

interface TimeTextProps {
  value: string;
  format: TimeFormat;
  step: number;
  disabled: boolean;
  id?: string;
  label?: string;
  /** Called with a time ("HH:MM[:SS]") or "" when the field is cleared. */
  onCommit: (value: string) => void;
}

/**
 * A time field that shows the hour as the app asks ("24h" by default, whatever the browser's
 * locale), takes a time typed in any usual way, and moves by `step` with the arrow keys. It
 * commits on Enter and on leaving the field; a text that is not a time is put back.
 */
export function TimeText({ value, format, step, disabled, id, label, onCommit }: TimeTextProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? formatTime(value, format, step);
  const commit = () => {
    if (draft === null) return;
    setDraft(null);
    const typed = draft.trim() === "" ? "" : parseTime(draft, step);
    if (typed !== null && typed !== value) onCommit(typed);
  };
  return (
    <input
      id={id}
      type="text"
      inputMode="text"
      autoComplete="off"
      className="time-text"
      aria-label={label}
      value={shown}
      disabled={disabled}
      placeholder={format === "12h" ? "hh:mm AM" : "HH:MM"}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === "Enter") commit();
        else if (event.key === "ArrowUp" || event.key === "ArrowDown") {
          event.preventDefault();
          const from = (draft !== null ? parseTime(draft, step) : null) ?? (value || "00:00");
          setDraft(formatTime(stepTime(from, step, event.key === "ArrowUp" ? 1 : -1), format, step));
        }
      }}
    />
  );
}
