/** Times of day as text: shown in 24 hours, 12 hours or the locale's way, typed back in any of
 * them, and moved by a step with the arrow keys. The value is always "HH:MM" or "HH:MM:SS". */

export type TimeFormat = "12h" | "24h" | "localized";

const pad = (n: number) => String(n).padStart(2, "0");

/** Seconds since midnight of "HH:MM[:SS]". */
const secondsOf = (value: string): number => {
  const [h = 0, m = 0, s = 0] = value.split(":").map(Number);
  return h * 3600 + m * 60 + s;
};

/** "HH:MM", or "HH:MM:SS" when the step is not a whole number of minutes. */
export function timeValue(seconds: number, step: number): string {
  const day = ((seconds % 86400) + 86400) % 86400;
  const text = `${pad(Math.floor(day / 3600))}:${pad(Math.floor(day / 60) % 60)}`;
  return step % 60 === 0 ? text : `${text}:${pad(day % 60)}`;
}

/** How `value` shows in `format`. */
export function formatTime(value: string, format: TimeFormat, step: number): string {
  if (value === "") return "";
  const seconds = secondsOf(value);
  if (format === "24h") return timeValue(seconds, step);
  const withSeconds = step % 60 !== 0;
  if (format === "localized") {
    const date = new Date(2000, 0, 1, Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60);
    return date.toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit", second: withSeconds ? "2-digit" : undefined });
  }
  const hour = Math.floor(seconds / 3600);
  const rest = timeValue(seconds, step).slice(2);
  return `${pad(hour % 12 || 12)}${rest} ${hour < 12 ? "AM" : "PM"}`;
}

/** The value typed as "8:05", "08:05:30", "8:05 pm", "20.05"; null when it is not a time. */
export function parseTime(text: string, step: number): string | null {
  const match = /^\s*(\d{1,2})(?:[:.](\d{2}))?(?:[:.](\d{2}))?\s*([ap])?\.?\s*m?\.?\s*$/i.exec(text);
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  const second = Number(match[3] ?? 0);
  const half = match[4]?.toLowerCase();
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === "p" ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  return timeValue(hour * 3600 + minute * 60 + second, step);
}

/** `value` moved to the next step boundary up (+1) or down (-1), wrapping around midnight. */
export function stepTime(value: string, step: number, direction: 1 | -1): string {
  const seconds = secondsOf(value);
  const snapped = direction > 0 ? Math.floor(seconds / step) * step + step : Math.ceil(seconds / step) * step - step;
  return timeValue(snapped, step);
}
