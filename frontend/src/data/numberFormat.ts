/** Number formats shared by st.metric and the grid's number columns: named presets
 * ("dollar", "compact", ...) or a printf pattern ("%.2f", "%,d"). */
import { printf } from "../printf";

const cache = new Map<string, Intl.NumberFormat>();

function intl(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat("en-US", options);
    cache.set(key, format);
  }
  return format;
}

const BYTE_UNITS = ["B", "KB", "MB", "GB", "TB", "PB"];

function bytes(value: number): string {
  let v = Math.abs(value);
  let unit = 0;
  while (v >= 1000 && unit < BYTE_UNITS.length - 1) {
    v /= 1000;
    unit += 1;
  }
  const text = unit === 0 ? String(v) : v.toFixed(1).replace(/\.0$/, "");
  return `${value < 0 ? "-" : ""}${text}${BYTE_UNITS[unit]}`;
}

/** `value` in `format`; null when the format is not one we know. */
export function formatNumber(value: number, format: string): string {
  switch (format) {
    case "plain":
      return String(value);
    case "localized":
      return intl("localized", { maximumFractionDigits: 20 }).format(value);
    case "percent":
      return `${(value * 100).toFixed(2)}%`;
    case "dollar":
      return intl("dollar", { style: "currency", currency: "USD" }).format(value);
    case "euro":
      return intl("euro", { style: "currency", currency: "EUR" }).format(value);
    case "yen":
      return intl("yen", { style: "currency", currency: "JPY" }).format(value);
    case "accounting": {
      const text = intl("accounting", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Math.abs(value));
      return value < 0 ? `(${text})` : text;
    }
    case "bytes":
      return bytes(value);
    case "compact":
      return intl("compact", { notation: "compact", maximumFractionDigits: 1 }).format(value);
    case "scientific":
      return intl("scientific", { notation: "scientific", maximumFractionDigits: 3 }).format(value);
    case "engineering":
      return intl("engineering", { notation: "engineering", maximumFractionDigits: 3 }).format(value);
    default:
      return format.includes("%") ? printf(format, value) : String(value);
  }
}

/** A number as a grid shows it by default: integers whole, other values with up to 4 decimals. */
export function defaultNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e15)) return value.toExponential(4);
  return value.toFixed(4).replace(/\.?0+$/, "");
}

/** A text that is a plain number (so a format applies to it) as that number, else null. */
export function parseNumber(text: string): number | null {
  if (!/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(text)) return null;
  return Number(text);
}
