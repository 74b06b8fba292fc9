/** A grid cell for a value: which of the grid's cell kinds (or our own custom kinds) shows a
 * column's type, and with what data for its drawing and its overlay editor. */
import { GridCellKind, type GridCell, type Theme } from "@glideapps/glide-data-grid";
import type { ButtonData, ChartData, Choice, ChoiceData, MultiChoiceData, TemporalData, TemporalType } from "./cells";
import { isoFromMs, type ViewColumn } from "./gridModel";

export interface CellInput {
  column: ViewColumn;
  /** The value, dates and datetimes as ms. */
  value: unknown;
  /** The value as the cell writes it (and copies it). */
  text: string;
  readonly: boolean;
  /** Whether a missing value shows as a faded "None". */
  faded: boolean;
  /** A Styler cell's colours. */
  themeOverride: Partial<Theme> | undefined;
}

/** Column types the grid shows but never edits, even in st.data_editor. */
export const READONLY_TYPES: ReadonlySet<string> = new Set(["image", "json", "line_chart", "bar_chart", "area_chart", "progress", "audio", "video", "button"]);

/** A temporal value as an <input> of its type holds it. */
function inputValue(value: unknown, type: TemporalType): string | null {
  if (typeof value === "number") {
    const iso = isoFromMs(value, "datetime");
    return type === "date" ? iso.slice(0, 10) : type === "time" ? iso.slice(11, 19) : iso;
  }
  return typeof value === "string" && value ? value : null;
}

/** The option list of a selectbox or multiselect column: its config's options and labels. */
function choices(column: ViewColumn): Choice[] {
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

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A progress bar's text when its column has no format, as Streamlit writes it: a percentage,
 * fractions times 100 with up to two decimals ("64.5%"), integers as they are ("64%"). */
export function progressLabel(value: number, integer: boolean): string {
  const percent = integer ? String(value) : (value * 100).toFixed(2).replace(/\.?0+$/, "");
  return `${percent}%`;
}

/** The cell showing `value` in its column; a value the column's type cannot show (text in a
 * number column, say) falls back to a text cell. */
export function cellFor({ column, value, text, readonly, faded, themeOverride }: CellInput): GridCell {
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
      return {
        kind: GridCellKind.Uri,
        data: url,
        displayData: shownText,
        allowOverlay: true,
        readonly,
        hoverEffect: true,
        onClickUri: (e) => {
          if (url) {
            window.open(url, "_blank", "noopener");
            e.preventDefault();
          }
        },
      };
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
          label: progress && !cfg.format && values[0] !== undefined ? progressLabel(values[0], column.kind === "int") : text,
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
}
