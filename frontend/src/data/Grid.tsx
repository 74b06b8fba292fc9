/** The data grid (glide-data-grid on a canvas), loaded in its own chunk on first use. */
import "@glideapps/glide-data-grid/dist/index.css";
import {
  CompactSelection,
  DataEditor,
  GridCellKind,
  type CellClickedEventArgs,
  type CustomCell,
  type EditableGridCell,
  type GridCell,
  type GridColumn,
  type GridMouseEventArgs,
  type GridSelection,
  type Item,
  type Theme,
} from "@glideapps/glide-data-grid";
import { tableFromIPC, type Table } from "apache-arrow";
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { DataEditorEl, DataframeEl } from "../protocol.gen";
import { buttonAt, RENDERERS, type ButtonData, type ChartData, type ChoiceData, type MultiChoiceData, type TemporalData, type TemporalType } from "./cells";
import { useMarkdown } from "../markdown/useMarkdown";
import { fetchBlob, fetchLargeBlob } from "./fetchBlob";
import {
  columnWidth,
  csvField,
  displayText,
  plain,
  sortedRows,
  viewColumns,
  type ArrowLike,
  type ViewColumn,
} from "./gridModel";

export type GridEl = DataframeEl | DataEditorEl;

const tables = new Map<string, Promise<Table>>();

/** The Arrow table at `url`, fetched once per page (the URL names its content); a `large` one
 * is downloaded off the main thread. */
export function loadTable(url: string, large = false): Promise<Table> {
  let table = tables.get(url);
  if (!table) {
    table = (large ? fetchLargeBlob(url) : fetchBlob(url)).then((buffer) => tableFromIPC(new Uint8Array(buffer)));
    table.catch(() => tables.delete(url));
    tables.set(url, table);
  }
  return table;
}

/** Runs `fn` once the browser has painted the next frame. */
function afterNextPaint(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn, 0));
}

function ensurePortal(): void {
  if (document.getElementById("portal")) return;
  const portal = document.createElement("div");
  portal.id = "portal";
  document.body.appendChild(portal);
}

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback;
}

function readTheme(): Partial<Theme> {
  const s = getComputedStyle(document.documentElement);
  const text = cssVar(s, "--text", "#31333f");
  const muted = cssVar(s, "--muted", "#808495");
  const bg = cssVar(s, "--bg", "#ffffff");
  const soft = cssVar(s, "--bg-soft", "#f0f2f6");
  const border = cssVar(s, "--border", "rgba(49,51,63,0.2)");
  return {
    accentColor: cssVar(s, "--primary", "#ff4b4b"),
    accentFg: cssVar(s, "--on-primary", "#ffffff"),
    accentLight: cssVar(s, "--primary-bg", "rgba(255,75,75,0.12)"),
    textDark: text,
    textMedium: muted,
    textLight: muted,
    textHeader: muted,
    textHeaderSelected: cssVar(s, "--on-primary", "#ffffff"),
    textBubble: text,
    bgCell: bg,
    bgCellMedium: soft,
    bgHeader: soft,
    bgHeaderHasFocus: soft,
    bgHeaderHovered: soft,
    bgBubble: soft,
    bgBubbleSelected: soft,
    bgIconHeader: muted,
    fgIconHeader: bg,
    bgSearchResult: "rgba(255, 210, 0, 0.35)",
    borderColor: border,
    horizontalBorderColor: border,
    drilldownBorder: border,
    linkColor: cssVar(s, "--link", "#0b65c2"),
    fontFamily: cssVar(s, "--font", "sans-serif"),
    baseFontStyle: "14px",
    headerFontStyle: "600 14px",
    editorFontSize: "14px",
  };
}

function useGridTheme(): Partial<Theme> {
  const [theme, setTheme] = useState(readTheme);
  useEffect(() => {
    const media = window.matchMedia?.("(prefers-color-scheme: dark)");
    const update = () => setTheme(readTheme());
    media?.addEventListener("change", update);
    return () => media?.removeEventListener("change", update);
  }, []);
  return theme;
}

/** A row the grid knows of but has not loaded yet (beyond the head, before the whole table). */
const LOADING = Symbol("loading");
const ROW_HEIGHT = 35;

type Edits = {
  edited_rows: Record<string, Record<string, unknown>>;
  added_rows: Record<string, unknown>[];
  deleted_rows: number[];
};

function asEdits(value: Record<string, unknown> | undefined): Edits {
  return {
    edited_rows: (value?.edited_rows as Edits["edited_rows"] | undefined) ?? {},
    added_rows: (value?.added_rows as Edits["added_rows"] | undefined) ?? [],
    deleted_rows: (value?.deleted_rows as number[] | undefined) ?? [],
  };
}

/** A temporal value as an <input> of its type holds it. */
function inputValue(value: unknown, type: TemporalType): string | null {
  if (typeof value === "number") {
    const iso = isoFromMs(value, "datetime");
    return type === "date" ? iso.slice(0, 10) : type === "time" ? iso.slice(11, 19) : iso;
  }
  return typeof value === "string" && value ? value : null;
}

/** The option list of a selectbox or multiselect column: its config's options and labels. */
function choices(column: ViewColumn): { value: unknown; label: string }[] {
  const options = (column.typeConfig.options as unknown[] | null | undefined) ?? [];
  const labels = column.typeConfig.labels as string[] | undefined;
  return options.map((o, i) => {
    if (o !== null && typeof o === "object" && "value" in o) {
      const entry = o as { value: unknown; label?: string };
      return { value: entry.value, label: entry.label ?? String(entry.value) };
    }
    return { value: o, label: labels?.[i] ?? String(o) };
  });
}

function isoFromMs(ms: number, kind: string): string {
  const iso = new Date(ms).toISOString();
  return kind === "date" ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** A cell's value from an edit in the grid, as the server expects it for the column's kind. */
function editedValue(cell: EditableGridCell, column: ViewColumn): unknown {
  if (cell.kind === GridCellKind.Custom) {
    const data = cell.data as ChoiceData | MultiChoiceData | TemporalData;
    if (data.kind === "slipstream-choice") return data.value ?? null;
    if (data.kind === "slipstream-multi") return data.values;
    if (data.kind === "slipstream-temporal") return data.input;
    return undefined;
  }
  if (cell.kind === GridCellKind.Number) return cell.data ?? null;
  if (cell.kind === GridCellKind.Boolean) return cell.data === true;
  const text = typeof cell.data === "string" ? cell.data.trim() : "";
  if (text === "") return null;
  if (column.kind === "int" || column.kind === "float") {
    const n = Number(text);
    return Number.isFinite(n) ? (column.kind === "int" ? Math.round(n) : n) : undefined;
  }
  if (column.kind === "list") return text.split(",").map((s) => s.trim()).filter(Boolean);
  if (column.kind === "datetime" || column.kind === "date") {
    const ms = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : /Z|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
    return Number.isNaN(ms) ? undefined : isoFromMs(ms, column.kind);
  }
  if (column.type === "selectbox") {
    const options = (column.typeConfig.options as unknown[] | undefined) ?? [];
    const match = options.find((o) => String(o) === text);
    return match === undefined ? undefined : match;
  }
  return text;
}

/** A Styler cell's CSS as grid colours: background, text colour and weight. */
function styleTheme(css: string): Partial<Theme> | undefined {
  const theme: Partial<Theme> = {};
  for (const part of css.split(";")) {
    const [name = "", ...rest] = part.split(":");
    const value = rest.join(":").trim();
    const key = name.trim().toLowerCase();
    if (key === "background-color" || key === "background") theme.bgCell = value;
    else if (key === "color") theme.textDark = value;
    else if (key === "font-weight" && (value === "bold" || Number(value) >= 600)) theme.baseFontStyle = "bold 14px";
  }
  return Object.keys(theme).length ? theme : undefined;
}

function safeRegExp(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern);
  } catch {
    return null;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function Icon({ d }: { d: string }) {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <path d={d} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

const ICONS = {
  search: "M7 12.5A5.5 5.5 0 1 0 7 1.5a5.5 5.5 0 0 0 0 11zM11 11l3.5 3.5",
  columns: "M2 2.5h12v11H2zM6 2.5v11M10 2.5v11",
  download: "M8 2v8.5M4.5 7L8 10.5 11.5 7M2.5 13.5h11",
  expand: "M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4",
  close: "M3.5 3.5l9 9M12.5 3.5l-9 9",
};

/** A column's help (Markdown) under its header. */
function HeaderTip({ text, x, y }: { text: string; x: number; y: number }) {
  const html = useMarkdown(text);
  return <div className="grid-tooltip md" role="tooltip" style={{ left: x, top: y }} dangerouslySetInnerHTML={{ __html: html }} />;
}

export default function Grid({
  el,
  onValue,
  onTrigger,
}: {
  el: GridEl;
  /** Sends the grid's own value (its selection, or its edits). */
  onValue: (value: string) => void;
  /** Fires a trigger widget of the grid (a button column's click). */
  onTrigger: (id: string, value: string) => void;
}) {
  // `table` holds every row once loaded; until then `head` (a larger frame's first rows) is drawn.
  const [table, setTable] = useState<Table | null>(null);
  const [head, setHead] = useState<Table | null>(null);
  const [display, setDisplay] = useState<Table | null>(null);
  const [error, setError] = useState<string | null>(null);
  const theme = useGridTheme();
  const editor = el.type === "data_editor";
  const styled = el.type === "dataframe" ? el.display : null;

  useEffect(() => {
    let live = true;
    ensurePortal();
    const loadAll = () =>
      loadTable(el.url, el.head !== null).then(
        (t) => live && setTable(t),
        (e: unknown) => live && setError(String(e instanceof Error ? e.message : e)),
      );
    // With a head, the whole table loads once the head's rows are on screen: its download would
    // otherwise hold up the first frame.
    if (el.head)
      loadTable(el.head).then(
        (t) => {
          if (live) setHead(t);
          afterNextPaint(loadAll);
        },
        loadAll,
      );
    else loadAll();
    if (styled) loadTable(styled).then((t) => live && setDisplay(t), () => undefined);
    return () => {
      live = false;
    };
  }, [el.url, el.head, styled]);
  const data = table ?? head;
  const loadedRows = data?.numRows ?? 0;

  const columns = useMemo(() => viewColumns(el.columns, el.column_order, el.hide_index), [el.columns, el.column_order, el.hide_index]);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const shown = useMemo(() => columns.filter((c) => !hidden.has(c.name)), [columns, hidden]);
  const [widths, setWidths] = useState<Record<string, number>>({});
  const [sort, setSort] = useState<{ column: string; ascending: boolean } | null>(null);
  const [search, setSearch] = useState(false);
  const [full, setFull] = useState(false);
  const [menu, setMenu] = useState(false);

  const serverEdits = editor ? JSON.stringify(el.edits) : "";
  const [edits, setEdits] = useState<Edits>(() => asEdits(editor ? el.edits : undefined));
  const [seenEdits, setSeenEdits] = useState(serverEdits);
  if (serverEdits !== seenEdits) {
    setSeenEdits(serverEdits);
    setEdits(asEdits(editor ? el.edits : undefined));
  }

  const vectors = useMemo(() => {
    const arrow = data as unknown as ArrowLike | null;
    return el.columns.map((_c, i) => arrow?.getChildAt(i) ?? null);
  }, [data, el.columns]);
  const displayVectors = useMemo(() => {
    const arrow = display as unknown as ArrowLike | null;
    const dataStart = el.columns.filter((c) => c.index).length;
    return el.columns.map((c, i) => (c.index || !arrow ? null : arrow.getChildAt(i - dataStart)));
  }, [display, el.columns]);
  const styleVectors = useMemo(() => {
    const arrow = display as unknown as ArrowLike | null;
    const index = el.columns.filter((c) => c.index).length;
    const width = el.columns.length - index;
    return el.columns.map((c, i) => (c.index || !arrow ? null : arrow.getChildAt(width + i - index)));
  }, [display, el.columns]);

  const order = useMemo(() => {
    if (!table || !sort) return null;
    const column = columns.find((c) => c.name === sort.column);
    const vector = column ? vectors[column.arrow] : null;
    return vector ? sortedRows(vector, table.numRows, sort.ascending) : null;
  }, [table, sort, columns, vectors]);

  const baseRows = useMemo(() => {
    const n = el.rows;
    if (!editor || edits.deleted_rows.length === 0) return order;
    const deleted = new Set(edits.deleted_rows);
    const kept: number[] = [];
    for (let i = 0; i < n; i++) {
      const row = order ? order[i]! : i;
      if (!deleted.has(row)) kept.push(row);
    }
    return Uint32Array.from(kept);
  }, [el.rows, editor, edits.deleted_rows, order]);
  const baseCount = data ? (baseRows ? baseRows.length : el.rows) : 0;
  const rowCount = baseCount + (editor ? edits.added_rows.length : 0);
  const dataRow = useCallback((r: number): number => (baseRows ? baseRows[r]! : r), [baseRows]);

  const valueAt = useCallback(
    (column: ViewColumn, r: number): unknown => {
      if (r >= baseCount) {
        const added = edits.added_rows[r - baseCount] ?? {};
        const value = added[column.name];
        return value === undefined ? null : value;
      }
      const row = dataRow(r);
      if (row >= loadedRows) return LOADING;
      const edited = editor ? edits.edited_rows[String(row)] : undefined;
      if (edited && column.name in edited) return edited[column.name];
      return plain(vectors[column.arrow]?.get(row) ?? null);
    },
    [baseCount, dataRow, edits, editor, vectors, loadedRows],
  );

  const locked = useCallback(
    (column: ViewColumn) =>
      !editor ||
      column.index ||
      (el.type === "data_editor" && (el.disabled === true || (Array.isArray(el.disabled) && el.disabled.includes(column.name)))) ||
      ["image", "json", "line_chart", "bar_chart", "area_chart", "progress", "audio", "video", "button"].includes(column.type),
    [editor, el],
  );

  const getCellContent = useCallback(
    ([c, r]: Item): GridCell => {
      const column = shown[c];
      if (!column) return { kind: GridCellKind.Text, data: "", displayData: "", allowOverlay: false };
      let value = valueAt(column, r);
      if (value === LOADING) return { kind: GridCellKind.Loading, allowOverlay: false };
      if ((column.kind === "datetime" || column.kind === "date") && typeof value === "string") value = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : `${value}Z`);
      const readonly = locked(column);
      const styledText = r < baseCount ? displayVectors[column.arrow]?.get(dataRow(r)) : undefined;
      const text = typeof styledText === "string" ? styledText : displayText(value, column);
      const css = r < baseCount ? styleVectors[column.arrow]?.get(dataRow(r)) : null;
      const themeOverride = typeof css === "string" ? styleTheme(css) : undefined;
      const faded = value === null && !editor;
      const align = column.config.alignment as "left" | "center" | "right" | undefined;
      switch (column.type) {
        case "checkbox":
          return { kind: GridCellKind.Boolean, data: value === null ? null : Boolean(value), allowOverlay: false, readonly, contentAlign: align ?? "center", copyData: text };
        case "number":
          if (typeof value === "number" || value === null)
            return {
              kind: GridCellKind.Number,
              data: value === null ? undefined : value,
              displayData: text,
              allowOverlay: !readonly,
              readonly,
              contentAlign: align ?? "right",
              copyData: text,
              themeOverride,
            };
          break;
        case "link": {
          const url = value === null ? "" : String(value);
          let shownText = url;
          const displayPattern = column.typeConfig.display_text;
          if (typeof displayPattern === "string" && displayPattern) {
            const match = displayPattern.includes("(") ? new RegExp(displayPattern).exec(url) : null;
            shownText = match?.[1] ?? (displayPattern.includes("(") ? url : displayPattern);
          }
          return { kind: GridCellKind.Uri, data: url, displayData: shownText, allowOverlay: true, readonly, hoverEffect: true, onClickUri: (e) => { if (url) { window.open(url, "_blank", "noopener"); e.preventDefault(); } } };
        }
        case "image":
          return { kind: GridCellKind.Image, data: value === null ? [] : [String(value)], allowOverlay: true, readonly: true, copyData: text };
        case "multiselect":
          if (Array.isArray(value) || value === null) {
            const data: MultiChoiceData = { kind: "slipstream-multi", values: (value ?? []).map(String), options: choices(column), acceptNew: column.typeConfig.accept_new_options === true };
            return { kind: GridCellKind.Custom, data, allowOverlay: true, readonly, copyData: text };
          }
          break;
        case "list":
          if (!readonly && (Array.isArray(value) || value === null)) {
            // edited like a multiselect whose options are the cell's own values, plus new ones
            const data: MultiChoiceData = { kind: "slipstream-multi", values: (value ?? []).map(String), options: [], acceptNew: true };
            return { kind: GridCellKind.Custom, data, allowOverlay: true, copyData: text };
          }
          if (Array.isArray(value) || value === null)
            return { kind: GridCellKind.Bubble, data: (value ?? []).map(String), allowOverlay: true, copyData: text };
          break;
        case "selectbox": {
          const options = choices(column);
          const label = options.find((o) => o.value === value)?.label ?? text;
          if (readonly) return { kind: GridCellKind.Text, data: label, displayData: label, allowOverlay: true, readonly, copyData: text, themeOverride };
          const data: ChoiceData = { kind: "slipstream-choice", value, label, options, required: column.config.required === true };
          return { kind: GridCellKind.Custom, data, allowOverlay: true, copyData: text, themeOverride };
        }
        case "date":
        case "time":
        case "datetime": {
          if (readonly) break;
          const cfg = column.typeConfig;
          const bound = (v: unknown) => (typeof v === "string" ? (column.type === "datetime" ? v.slice(0, 19) : v) : null);
          const data: TemporalData = {
            kind: "slipstream-temporal",
            type: column.type,
            input: inputValue(value, column.type),
            text,
            min: bound(cfg.min_value),
            max: bound(cfg.max_value),
            step: typeof cfg.step === "number" ? cfg.step : null,
          };
          return { kind: GridCellKind.Custom, data, allowOverlay: true, copyData: text, themeOverride };
        }
        case "markdown": {
          const markdown = value === null ? "" : String(value);
          return { kind: GridCellKind.Markdown, data: markdown, allowOverlay: true, readonly, copyData: markdown };
        }
        case "audio":
        case "video":
          return { kind: GridCellKind.Custom, data: { kind: "slipstream-media", type: column.type, url: value === null ? "" : String(value) }, allowOverlay: value !== null, readonly: true, copyData: text };
        case "button": {
          const labels = value === null ? [] : (Array.isArray(value) ? value : [value]).map(String);
          const data: ButtonData = { kind: "slipstream-button", labels, buttonType: String(column.typeConfig.button_type ?? "secondary") };
          return { kind: GridCellKind.Custom, data, allowOverlay: false, readonly: true, copyData: labels.join(", ") };
        }
        case "line_chart":
        case "bar_chart":
        case "area_chart":
        case "progress": {
          const values = (Array.isArray(value) ? value : [value]).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
          const cfg = column.typeConfig;
          const progress = column.type === "progress";
          return {
            kind: GridCellKind.Custom,
            allowOverlay: false,
            readonly: true,
            copyData: text,
            data: {
              kind: "slipstream-chart",
              chart: column.type,
              values,
              min: (progress ? cfg.min_value : cfg.y_min) as number | null ?? null,
              // a progress bar runs to 100 over integers and to 1 over fractions, unless told
              max: (progress ? cfg.max_value : cfg.y_max) as number | null ?? (progress ? (column.kind === "int" ? 100 : 1) : null),
              color: (cfg.color as string | null) ?? null,
              label: text,
            } satisfies ChartData,
          };
        }
        case "json": {
          const parsed = typeof value === "string" ? parseJson(value) : value;
          const json = value === null ? "" : JSON.stringify(parsed);
          return { kind: GridCellKind.Text, data: json, displayData: json, allowOverlay: true, readonly: true };
        }
        default:
          break;
      }
      const editText = typeof value === "number" && (column.kind === "datetime" || column.kind === "date") ? isoFromMs(value, column.kind) : text;
      return {
        kind: GridCellKind.Text,
        data: editText,
        displayData: faded ? "None" : text,
        allowOverlay: true,
        readonly,
        style: faded ? "faded" : "normal",
        themeOverride,
        contentAlign: align ?? (column.kind === "int" || column.kind === "float" ? "right" : undefined),
        copyData: text,
      };
    },
    [shown, valueAt, locked, baseCount, displayVectors, styleVectors, dataRow, editor],
  );

  const gridColumns = useMemo((): GridColumn[] => {
    if (!data) return [];
    const sample = Math.min(data.numRows, 50);
    return shown.map((column) => {
      const texts: string[] = [];
      for (let r = 0; r < sample; r++) texts.push(displayText(plain(vectors[column.arrow]?.get(r) ?? null), column));
      const arrow = sort?.column === column.name ? (sort.ascending ? " ↑" : " ↓") : "";
      return {
        id: column.name,
        title: column.title + arrow,
        width: widths[column.name] ?? columnWidth(column, texts),
        themeOverride: column.index ? { textDark: theme.textMedium, bgCell: theme.bgCellMedium } : undefined,
      };
    });
  }, [data, shown, vectors, widths, sort, theme]);

  const modes = el.type === "dataframe" ? el.selection_mode : [];
  const rowMode = modes.find((m) => m.endsWith("-row") || m === "single-row-required");
  const colMode = modes.find((m) => m.endsWith("-column"));
  const cellMode = modes.find((m) => m.endsWith("-cell"));
  const serverSelection = el.type === "dataframe" ? el.selection : null;

  const [selection, setSelection] = useState<GridSelection>({ columns: CompactSelection.empty(), rows: CompactSelection.empty() });
  const selectionKey = JSON.stringify(serverSelection);
  const [seenSelection, setSeenSelection] = useState("");
  if (data && selectionKey !== seenSelection) {
    // Show the server's selection (after a rerun, or a selection_default): rows by position in the view.
    setSeenSelection(selectionKey);
    const sel = (serverSelection ?? {}) as { rows?: number[]; columns?: string[] };
    let rows = CompactSelection.empty();
    for (const row of sel.rows ?? []) {
      let view = row;
      if (baseRows) view = baseRows.indexOf(row);
      if (view >= 0) rows = rows.add(view);
    }
    let cols = CompactSelection.empty();
    for (const name of sel.columns ?? []) {
      const at = shown.findIndex((c) => c.name === name);
      if (at >= 0) cols = cols.add(at);
    }
    setSelection({ columns: cols, rows });
  }

  const onSelection = useCallback(
    (next: GridSelection) => {
      setSelection(next);
      if (el.type !== "dataframe" || !el.id) return;
      const rows = rowMode ? next.rows.toArray().map(dataRow) : [];
      const cols = colMode ? next.columns.toArray().map((c) => shown[c]).filter((c) => c && !c.index).map((c) => c!.name) : [];
      const cells: [number, string][] = [];
      if (cellMode && next.current) {
        const { x, y, width, height } = next.current.range;
        for (let r = y; r < y + height && cells.length < 10_000; r++)
          for (let c = x; c < x + width; c++) {
            const column = shown[c];
            if (column && !column.index) cells.push([dataRow(r), column.name]);
          }
      }
      const payload = JSON.stringify({ selection: { rows: [...new Set(rows)].sort((a, b) => a - b), columns: cols, cells } });
      if (payload !== JSON.stringify({ selection: serverSelection })) onValue(payload);
    },
    [el, rowMode, colMode, cellMode, dataRow, shown, onValue, serverSelection],
  );

  const sendEdits = useCallback(
    (next: Edits) => {
      setEdits(next);
      onValue(JSON.stringify(next));
    },
    [onValue],
  );

  const onCellEdited = useCallback(
    ([c, r]: Item, cell: EditableGridCell) => {
      const column = shown[c];
      if (!column || locked(column)) return;
      const value = editedValue(cell, column);
      if (value === undefined) return;
      if (r >= baseCount) {
        const added = edits.added_rows.map((row, i) => (i === r - baseCount ? { ...row, [column.name]: value } : row));
        sendEdits({ ...edits, added_rows: added });
        return;
      }
      const row = String(dataRow(r));
      sendEdits({ ...edits, edited_rows: { ...edits.edited_rows, [row]: { ...edits.edited_rows[row], [column.name]: value } } });
    },
    [shown, locked, baseCount, edits, dataRow, sendEdits],
  );

  const onCellClicked = useCallback(
    ([c, r]: Item, args: CellClickedEventArgs) => {
      const column = shown[c];
      const trigger = column?.typeConfig.trigger;
      if (column?.type !== "button" || typeof trigger !== "string" || r >= baseCount) return;
      const cell = getCellContent([c, r]);
      if (cell.kind !== GridCellKind.Custom) return;
      const { labels } = (cell as CustomCell<ButtonData>).data;
      const i = buttonAt(labels, args.bounds.width, args.localEventX);
      if (i >= 0) onTrigger(trigger, JSON.stringify({ row: dataRow(r), label: labels[i] }));
    },
    [shown, baseCount, getCellContent, dataRow, onTrigger],
  );

  // A column's help shows as a tooltip under its header while the pointer is on it.
  const [tip, setTip] = useState<{ text: string; x: number; y: number } | null>(null);
  const onItemHovered = useCallback(
    (args: GridMouseEventArgs) => {
      const help = args.kind === "header" ? shown[args.location[0]]?.help : null;
      setTip(help && args.kind === "header" ? { text: help, x: args.bounds.x, y: args.bounds.y + args.bounds.height + 4 } : null);
    },
    [shown],
  );

  // A column's limits on new values: too long text is cut, text its pattern refuses and numbers
  // out of range are not taken (the server checks the same).
  const validateCell = useCallback(
    ([c]: Item, cell: EditableGridCell): boolean | EditableGridCell => {
      const cfg = shown[c]?.typeConfig ?? {};
      if (cell.kind === GridCellKind.Number && typeof cell.data === "number") {
        const { min_value: low, max_value: high } = cfg;
        return !((typeof low === "number" && cell.data < low) || (typeof high === "number" && cell.data > high));
      }
      if (cell.kind !== GridCellKind.Text && cell.kind !== GridCellKind.Uri) return true;
      const pattern = typeof cfg.validate === "string" && cfg.validate ? cfg.validate : null;
      if (pattern && cell.data && !safeRegExp(pattern)?.test(cell.data)) return false;
      const max = cfg.max_chars;
      return typeof max === "number" && cell.data.length > max ? { ...cell, data: cell.data.slice(0, max) } : true;
    },
    [shown],
  );

  const numRows = el.type === "data_editor" ? el.num_rows : "fixed";
  const canAdd = numRows === "dynamic" || numRows === "add";
  const canDelete = numRows === "dynamic" || numRows === "delete";

  const onRowAppended = useCallback(() => {
    const row: Record<string, unknown> = {};
    for (const column of columns) if (column.config.default !== undefined && !column.index) row[column.name] = column.config.default;
    sendEdits({ ...edits, added_rows: [...edits.added_rows, row] });
  }, [columns, edits, sendEdits]);

  const deleteRows = useCallback(
    (views: number[]) => {
      const deleted = new Set(edits.deleted_rows);
      const dropAdded = new Set<number>();
      for (const r of views) {
        if (r < baseCount) deleted.add(dataRow(r));
        else dropAdded.add(r - baseCount);
      }
      setSelection({ columns: CompactSelection.empty(), rows: CompactSelection.empty() });
      sendEdits({
        edited_rows: edits.edited_rows,
        added_rows: edits.added_rows.filter((_row, i) => !dropAdded.has(i)),
        deleted_rows: [...deleted].sort((a, b) => a - b),
      });
    },
    [edits, baseCount, dataRow, sendEdits],
  );

  const onDelete = useCallback(
    (sel: GridSelection): boolean => {
      if (canDelete && sel.rows.length > 0) {
        deleteRows(sel.rows.toArray());
        return false;
      }
      return editor;
    },
    [canDelete, deleteRows, editor],
  );

  const onHeaderClicked = useCallback(
    (c: number) => {
      if (colMode) return; // a click selects the column instead
      const column = shown[c];
      if (!column) return;
      setSort((s) => (s?.column !== column.name ? { column: column.name, ascending: true } : s.ascending ? { column: column.name, ascending: false } : null));
    },
    [shown, colMode],
  );

  const download = useCallback(() => {
    const lines = [shown.map((c) => csvField(c.title)).join(",")];
    for (let r = 0; r < rowCount; r++) lines.push(shown.map((c) => csvField(displayText(valueAt(c, r), c))).join(","));
    const blob = new Blob(["\ufeff" + lines.join("\n")], { type: "text/csv;charset=utf-8" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `${new Date().toISOString().slice(0, 19).replace(/[T:]/g, "-")}_export.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }, [shown, rowCount, valueAt]);

  const onKeyDown = useCallback((e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "f") {
      e.preventDefault();
      setSearch(true);
    } else if (e.key === "Escape") {
      setFull(false);
    }
  }, []);

  const outer = useRef<HTMLDivElement>(null);
  if (error) return <div className="grid-error">st.dataframe: {error}</div>;
  const rowHeight = el.row_height ?? ROW_HEIGHT;
  const trailing = editor && canAdd ? 1 : 0;
  let height: number;
  if (full) height = window.innerHeight - 64;
  else if (typeof el.height === "number") height = el.height;
  else if (el.height === "content") height = Math.min(10_000, (rowCount + 1 + trailing) * rowHeight + 3);
  else height = (Math.min(rowCount, 10) + 1 + trailing) * rowHeight + 3;
  const contentWidth = gridColumns.reduce((sum, c) => sum + ("width" in c ? c.width : 100), 0) + (rowMode || canDelete ? 40 : 0) + 3;
  const width = typeof el.width === "number" ? Math.min(el.width, contentWidth) : el.width === "content" ? contentWidth : undefined;

  return (
    <div ref={outer} className={`grid-outer${full ? " grid-fullscreen" : ""}`} onKeyDown={onKeyDown} data-testid={`grid-${el.type}`} data-rows={rowCount}>
      <div className="grid-toolbar" role="toolbar" aria-label="Table tools">
        <button type="button" title="Search" aria-label="Search" aria-pressed={search} onClick={() => setSearch((s) => !s)}>
          <Icon d={ICONS.search} />
        </button>
        <button type="button" title="Show or hide columns" aria-label="Columns" aria-pressed={menu} onClick={() => setMenu((m) => !m)}>
          <Icon d={ICONS.columns} />
        </button>
        <button type="button" title="Download as CSV" aria-label="Download as CSV" onClick={download} disabled={!table}>
          <Icon d={ICONS.download} />
        </button>
        <button type="button" title={full ? "Close full screen" : "Full screen"} aria-label="Full screen" aria-pressed={full} onClick={() => setFull((f) => !f)}>
          <Icon d={full ? ICONS.close : ICONS.expand} />
        </button>
      </div>
      {menu && (
        <div className="grid-columns-menu" role="dialog" aria-label="Columns">
          {columns.map((c) => (
            <label key={c.name}>
              <input
                type="checkbox"
                checked={!hidden.has(c.name)}
                onChange={(e) => {
                  const next = new Set(hidden);
                  if (e.target.checked) next.delete(c.name);
                  else next.add(c.name);
                  setHidden(next);
                }}
              />
              {c.title || "(index)"}
            </label>
          ))}
        </div>
      )}
      <div className="grid" style={{ height, width }}>
        {data ? (
          <DataEditor
            columns={gridColumns}
            rows={rowCount}
            getCellContent={getCellContent}
            width="100%"
            height={height - 2}
            theme={theme}
            rowHeight={rowHeight}
            headerHeight={rowHeight}
            smoothScrollX
            smoothScrollY
            freezeColumns={shown.filter((c) => c.pinned).length}
            getCellsForSelection
            showSearch={search}
            onSearchClose={() => setSearch(false)}
            keybindings={{ search: false, copy: true, selectAll: true }}
            onColumnResize={(column, size) => setWidths((w) => ({ ...w, [column.id ?? column.title]: size }))}
            onHeaderClicked={onHeaderClicked}
            onCellClicked={onCellClicked}
            onItemHovered={onItemHovered}
            gridSelection={selection}
            onGridSelectionChange={onSelection}
            rowMarkers={rowMode || canDelete ? "checkbox" : "none"}
            rowSelect={rowMode ? (rowMode === "multi-row" ? "multi" : "single") : canDelete ? "multi" : "none"}
            columnSelect={colMode ? (colMode === "multi-column" ? "multi" : "single") : "none"}
            rangeSelect={cellMode === "single-cell" ? "cell" : "rect"}
            rowSelectionMode={rowMode === "multi-row" || canDelete ? "multi" : "auto"}
            onCellEdited={editor ? onCellEdited : undefined}
            validateCell={editor ? validateCell : undefined}
            onDelete={editor ? onDelete : undefined}
            onRowAppended={canAdd ? onRowAppended : undefined}
            trailingRowOptions={canAdd ? { hint: "Add row", sticky: true, tint: true } : undefined}
            customRenderers={RENDERERS}
            scaleToRem={false}
          />
        ) : (
          <div className="grid-pending" style={{ height: height - 2 }}>
            Loading…
          </div>
        )}
      </div>
      {tip && <HeaderTip text={tip.text} x={tip.x} y={tip.y} />}
      {editor && canDelete && selection.rows.length > 0 && (
        <div className="grid-editor-actions">
          <button type="button" onClick={() => deleteRows(selection.rows.toArray())}>
            Delete {selection.rows.length} {selection.rows.length === 1 ? "row" : "rows"}
          </button>
        </div>
      )}
    </div>
  );
}
