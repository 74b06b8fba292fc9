/** The grid's model, free of React and of the grid library: which columns show, how a cell's
 * value reads out of Arrow and how it is written as text. Values are read from the Arrow
 * vectors on demand, so a million rows are never turned into JS objects. */
import type { DataColumn } from "../protocol.gen";
import { defaultNumber, formatNumber } from "./numberFormat";

/** The part of an Arrow vector the grid uses. */
export interface ColumnVector {
  get(row: number): unknown;
  readonly length: number;
  readonly nullCount?: number;
  toArray?(): ArrayLike<unknown>;
}

export interface ArrowLike {
  readonly numRows: number;
  getChildAt(index: number): ColumnVector | null;
}

export type Config = Record<string, unknown> & { type_config?: Record<string, unknown> };

export interface ViewColumn {
  /** Position in the Arrow table. */
  arrow: number;
  /** The name the app knows the column by ("_index" for an unnamed index column). */
  name: string;
  title: string;
  index: boolean;
  kind: string;
  /** The column_config type, or one derived from the data kind. */
  type: string;
  config: Config;
  typeConfig: Record<string, unknown>;
  pinned: boolean;
  help: string | null;
}

const KIND_TYPE: Record<string, string> = {
  int: "number",
  float: "number",
  bool: "checkbox",
  datetime: "datetime",
  date: "date",
  time: "time",
  list: "list",
  json: "json",
};

/** The columns shown, in order: index columns first (unless hidden), then the data columns in
 * `column_order` (or data order), without the ones configured as hidden. */
export function viewColumns(
  columns: DataColumn[],
  order: string[] | null,
  hideIndex: boolean | null,
): ViewColumn[] {
  const all: ViewColumn[] = columns.map((c, arrow) => {
    const config = (c.config ?? {}) as Config;
    const typeConfig = (config.type_config ?? {}) as Record<string, unknown>;
    const type = typeof typeConfig.type === "string" ? typeConfig.type : (KIND_TYPE[c.kind] ?? "text");
    const label = typeof config.label === "string" ? config.label : c.name;
    return {
      arrow,
      name: c.index && !c.name ? "_index" : c.name,
      title: label,
      index: c.index,
      kind: c.kind,
      type,
      config,
      typeConfig,
      pinned: config.pinned === true || (c.index && config.pinned !== false),
      help: typeof config.help === "string" ? config.help : null,
    };
  });
  const visible = all.filter((c) => c.config.hidden !== true);
  const index = visible.filter((c) => c.index);
  // A range index 0..n-1 says nothing: Streamlit shows it, but hides it when asked or when ordered away.
  const showIndex = hideIndex !== true;
  let data = visible.filter((c) => !c.index);
  if (order) {
    const byName = new Map(data.map((c) => [c.name, c]));
    data = order.map((name) => byName.get(name)).filter((c): c is ViewColumn => c !== undefined);
  }
  const pinnedData = data.filter((c) => c.pinned);
  const rest = data.filter((c) => !c.pinned);
  return [...(showIndex ? index : []), ...pinnedData, ...rest];
}

/** A raw Arrow value as a plain JS value (bigint to number, nested vectors to arrays). */
export function plain(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (value !== null && typeof value === "object" && "toArray" in value && typeof value.toArray === "function") {
    return Array.from(value.toArray() as ArrayLike<unknown>, plain);
  }
  return value;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A date in a momentjs-style pattern (YYYY, MM, DD, HH, mm, ss, MMM, D, M, h, a, SSS); UTC. */
export function formatDate(ms: number, pattern: string): string {
  const d = new Date(ms);
  const hours = d.getUTCHours();
  const tokens: Record<string, string> = {
    YYYY: String(d.getUTCFullYear()),
    YY: pad(d.getUTCFullYear() % 100),
    MMMM: d.toLocaleString("en-US", { month: "long", timeZone: "UTC" }),
    MMM: MONTHS[d.getUTCMonth()] ?? "",
    MM: pad(d.getUTCMonth() + 1),
    M: String(d.getUTCMonth() + 1),
    DD: pad(d.getUTCDate()),
    D: String(d.getUTCDate()),
    HH: pad(hours),
    H: String(hours),
    hh: pad(hours % 12 || 12),
    h: String(hours % 12 || 12),
    mm: pad(d.getUTCMinutes()),
    ss: pad(d.getUTCSeconds()),
    SSS: pad(d.getUTCMilliseconds(), 3),
    A: hours < 12 ? "AM" : "PM",
    a: hours < 12 ? "am" : "pm",
  };
  return pattern.replace(/\[([^\]]*)]|YYYY|YY|MMMM|MMM|MM|M|DD|D|HH|H|hh|h|mm|ss|SSS|A|a/g, (m, literal?: string) =>
    literal !== undefined ? literal : (tokens[m] ?? m),
  );
}

/** A time in ms as the server takes a date ("2026-01-31") or a datetime ("2026-01-31T09:30:00"), UTC. */
export function isoFromMs(ms: number, kind: string): string {
  const iso = new Date(ms).toISOString();
  return kind === "date" ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** How a date/time value shows: as its column_config type says (a DateColumn over timestamps
 * shows dates), else as its data. */
function temporalType(column: ViewColumn): string {
  return column.type === "date" || column.type === "time" || column.type === "datetime" ? column.type : column.kind;
}

function formatTemporal(ms: number, type: string, format: unknown): string {
  if (format === "iso8601") return new Date(ms).toISOString();
  if (format === "localized") {
    const d = new Date(ms);
    return type === "date" ? d.toLocaleDateString(undefined, { timeZone: "UTC" }) : d.toLocaleString(undefined, { timeZone: "UTC" });
  }
  if (format === "distance") {
    const days = Math.round((ms - Date.now()) / 86_400_000);
    return new Intl.RelativeTimeFormat("en", { numeric: "auto" }).format(days, "day");
  }
  if (typeof format === "string" && format) return formatDate(ms, format);
  if (type === "date") return formatDate(ms, "YYYY-MM-DD");
  if (type === "time") return formatDate(ms, "HH:mm:ss");
  const d = new Date(ms);
  return formatDate(ms, d.getUTCMilliseconds() ? "YYYY-MM-DD HH:mm:ss.SSS" : "YYYY-MM-DD HH:mm:ss");
}

/** A value as the grid writes it in a cell (and in a CSV file). */
export function displayText(value: unknown, column: ViewColumn): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (column.kind === "datetime" || column.kind === "date") return formatTemporal(value, temporalType(column), column.typeConfig.format);
    if (Number.isNaN(value)) return "";
    const format = column.typeConfig.format;
    return typeof format === "string" && format ? formatNumber(value, format) : defaultNumber(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  if (Array.isArray(value)) return value.map((v) => (typeof v === "number" ? defaultNumber(v) : String(v))).join(", ");
  if (value instanceof Date) return formatTemporal(value.getTime(), temporalType(column), column.typeConfig.format);
  return String(value);
}

/** Row order after sorting by one column: positions into the data, ascending or descending,
 * missing values last. */
export function sortedRows(vector: ColumnVector, rows: number, ascending: boolean): Uint32Array {
  const order = new Uint32Array(rows);
  for (let i = 0; i < rows; i++) order[i] = i;
  const raw = vector.toArray?.();
  const typed = raw !== undefined && ArrayBuffer.isView(raw) && !(raw instanceof BigInt64Array) && !(raw instanceof BigUint64Array);
  const keys: ArrayLike<unknown> = typed ? raw : Array.from({ length: rows }, (_v, i) => plain(vector.get(i)));
  let missing: Uint8Array | null = null;
  if ((vector.nullCount ?? 1) > 0) {
    missing = new Uint8Array(rows);
    for (let i = 0; i < rows; i++) if (vector.get(i) === null) missing[i] = 1;
  }
  const sign = ascending ? 1 : -1;
  const numeric = typed || typeof keys[0] === "number";
  order.sort((a, b) => {
    if (missing && (missing[a] || missing[b])) return missing[a] === missing[b] ? a - b : missing[a] ? 1 : -1;
    const x = keys[a];
    const y = keys[b];
    if (numeric) return ((x as number) - (y as number)) * sign || a - b;
    const sx = String(x);
    const sy = String(y);
    return (sx < sy ? -1 : sx > sy ? 1 : 0) * sign || a - b;
  });
  return order;
}

/** A CSV field, quoted when it has to be. */
export function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A text's width in pixels, in the header's font or the cells'. */
export type Measure = (text: string, header: boolean) => number;

/** The width a text takes when nothing can measure it (no canvas: unit tests). */
const guessWidth: Measure = (text) => text.length * 8;

/** Room a header's icon takes beside its title (the editable columns' icon). */
export const HEADER_ICON_WIDTH = 28;
const CELL_PADDING = 16;
const MIN_WIDTH = 50;
const MAX_AUTO_WIDTH = 500;

/** The pixel width of a column: from its config, else what its title and first values need
 * (with the cells' padding), within 50 and 500 pixels, as Streamlit sizes them. */
export function columnWidth(column: ViewColumn, sample: string[], measure: Measure = guessWidth, icon = false): number {
  const width = column.config.width;
  if (typeof width === "number") return width;
  if (width === "small") return 75;
  if (width === "medium") return 200;
  if (width === "large") return 400;
  const header = measure(column.title, true) + (icon ? HEADER_ICON_WIDTH : 0);
  const longest = Math.max(header, ...sample.map((s) => measure(s, false))) + CELL_PADDING;
  const least = column.type === "progress" ? 150 : column.type.endsWith("_chart") ? 120 : column.type === "button" ? 100 : MIN_WIDTH;
  return Math.ceil(Math.min(MAX_AUTO_WIDTH, Math.max(least, longest)));
}
