/** st.data_editor's edits: the value the editor sends, what an edited cell means for its
 * column, and the column's limits on new values. */
import { GridCellKind, type EditableGridCell } from "@glideapps/glide-data-grid";
import type { ChoiceData, MultiChoiceData, TemporalData } from "./cells";
import { isoFromMs, type ViewColumn } from "./gridModel";

/** The editor's value, as the server keeps it: changed cells by row position, new rows, and
 * the positions of deleted rows. */
export type Edits = {
  edited_rows: Record<string, Record<string, unknown>>;
  added_rows: Record<string, unknown>[];
  deleted_rows: number[];
};

export function asEdits(value: Record<string, unknown> | undefined): Edits {
  return {
    edited_rows: (value?.edited_rows as Edits["edited_rows"] | undefined) ?? {},
    added_rows: (value?.added_rows as Edits["added_rows"] | undefined) ?? [],
    deleted_rows: (value?.deleted_rows as number[] | undefined) ?? [],
  };
}

/** A cell's value from an edit in the grid, as the server expects it for the column's kind;
 * undefined when the edit is to be refused. */
export function editedValue(cell: EditableGridCell, column: ViewColumn): unknown {
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

function safeRegExp(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern);
  } catch {
    return null;
  }
}

/** A column's limits on a new value, as the grid's `validateCell` takes them: too long text is
 * cut (the cell to take instead), text its pattern refuses and numbers out of range are not
 * taken (false). The server checks the same. */
export function validateEdit(column: ViewColumn | undefined, cell: EditableGridCell): boolean | EditableGridCell {
  const cfg = column?.typeConfig ?? {};
  if (cell.kind === GridCellKind.Number && typeof cell.data === "number") {
    const { min_value: low, max_value: high } = cfg;
    return !((typeof low === "number" && cell.data < low) || (typeof high === "number" && cell.data > high));
  }
  if (cell.kind !== GridCellKind.Text && cell.kind !== GridCellKind.Uri) return true;
  // a pattern that is not a valid regular expression checks nothing, as on the server
  const pattern = typeof cfg.validate === "string" && cfg.validate ? safeRegExp(cfg.validate) : null;
  if (pattern && cell.data && !pattern.test(cell.data)) return false;
  const max = cfg.max_chars;
  return typeof max === "number" && cell.data.length > max ? { ...cell, data: cell.data.slice(0, max) } : true;
}
