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
  type SpriteMap,
  type Theme,
} from "@glideapps/glide-data-grid";
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { DataEditorEl, DataframeEl } from "../protocol.gen";
import { buttonAt, RENDERERS, type ButtonData } from "./cells";
import { useMarkdown } from "../markdown/useMarkdown";
import { cellFor, READONLY_TYPES } from "./gridCell";
import { asEdits, editedValue, validateEdit, type Edits } from "./gridEdits";
import {
  columnWidth,
  csvField,
  displayText,
  plain,
  sortedRows,
  viewColumns,
  type ArrowLike,
  type Measure,
  type ViewColumn,
} from "./gridModel";
import { useGridTables } from "./gridTables";
import { LOADING, useLazyRows } from "./lazyRows";
import { styleTheme, useGridTheme } from "./gridTheme";
import { GridToolbar } from "./GridToolbar";
import { useDataExportDisabled } from "../app/clientSettings";

export type GridEl = DataframeEl | DataEditorEl;

const ROW_HEIGHT = 35;
const EDITABLE_ICON = "editable";

/** The header icon of an editable column (st.data_editor): lines of text and a pencil, drawn in
 * the header's text colour. */
const HEADER_ICONS: SpriteMap = {
  [EDITABLE_ICON]: ({ bgColor }) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20" viewBox="0 0 20 20" fill="none" stroke="${bgColor}" stroke-width="1.5" stroke-linecap="round">` +
    `<path d="M3 5.5h10M3 9h10M3 12.5h6"/><path d="M11 17l5.5-5.5"/></svg>`,
};

/** Text widths in the grid's fonts, measured on a canvas (a guess where there is none). */
function textMeasure(theme: Partial<Theme>): Measure | undefined {
  const context = typeof navigator !== "undefined" && /jsdom/.test(navigator.userAgent) ? null : document.createElement("canvas").getContext("2d");
  if (!context) return undefined;
  const family = theme.fontFamily ?? "sans-serif";
  return (text, header) => {
    context.font = `${header ? theme.headerFontStyle : theme.baseFontStyle} ${family}`;
    return context.measureText(text).width;
  };
}

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
  const { table, head, display, error } = useGridTables(el);
  const theme = useGridTheme();
  const noExport = useDataExportDisabled();
  const editor = el.type === "data_editor";
  const data = table ?? head;
  const lazyGrid = el.type === "dataframe" ? el.lazy : null;
  // A lazy grid's `table` is its first rows; the others come from the server as they are drawn.
  const lazy = useLazyRows(lazyGrid, el.rows, table as unknown as ArrowLike | null);
  const loadedRows = lazyGrid ? el.rows : (data?.numRows ?? 0);

  const columns = useMemo(() => viewColumns(el.columns, el.column_order, el.hide_index), [el.columns, el.column_order, el.hide_index]);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const shown = useMemo(() => columns.filter((c) => !hidden.has(c.name)), [columns, hidden]);
  const [widths, setWidths] = useState<Record<string, number>>({});
  const [sort, setSort] = useState<{ column: string; ascending: boolean } | null>(null);
  const [search, setSearch] = useState(false);
  const [full, setFull] = useState(false);

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

  const lazyCache = lazy?.cache ?? null;
  useEffect(() => {
    if (!lazyCache) return;
    const column = sort ? columns.find((c) => c.name === sort.column) : undefined;
    lazyCache.setSort(column ? { column: column.arrow, descending: !sort!.ascending } : null);
  }, [lazyCache, sort, columns]);

  const order = useMemo(() => {
    if (!table || !sort || lazyGrid) return null;
    const column = columns.find((c) => c.name === sort.column);
    const vector = column ? vectors[column.arrow] : null;
    return vector ? sortedRows(vector, table.numRows, sort.ascending) : null;
  }, [table, sort, columns, vectors, lazyGrid]);

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
      if (lazy) {
        const value = lazy.cache.value(row, column.arrow);
        return value === LOADING ? LOADING : plain(value);
      }
      const edited = editor ? edits.edited_rows[String(row)] : undefined;
      if (edited && column.name in edited) return edited[column.name];
      return plain(vectors[column.arrow]?.get(row) ?? null);
    },
    [baseCount, dataRow, edits, editor, vectors, loadedRows, lazy],
  );

  const locked = useCallback(
    (column: ViewColumn) =>
      !editor ||
      column.index ||
      (el.type === "data_editor" && (el.disabled === true || (Array.isArray(el.disabled) && el.disabled.includes(column.name)))) ||
      READONLY_TYPES.has(column.type),
    [editor, el],
  );

  const getCellContent = useCallback(
    ([c, r]: Item): GridCell => {
      const column = shown[c];
      if (!column) return { kind: GridCellKind.Text, data: "", displayData: "", allowOverlay: false };
      let value = valueAt(column, r);
      if (value === LOADING) return { kind: GridCellKind.Loading, allowOverlay: false };
      if ((column.kind === "datetime" || column.kind === "date") && typeof value === "string") value = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : `${value}Z`);
      const styledText = r < baseCount ? displayVectors[column.arrow]?.get(dataRow(r)) : undefined;
      const css = r < baseCount ? styleVectors[column.arrow]?.get(dataRow(r)) : null;
      return cellFor({
        column,
        value,
        text: typeof styledText === "string" ? styledText : displayText(value, column),
        readonly: locked(column),
        faded: value === null && !editor,
        themeOverride: typeof css === "string" ? styleTheme(css) : undefined,
      });
    },
    [shown, valueAt, locked, baseCount, displayVectors, styleVectors, dataRow, editor],
  );

  const measure = useMemo(() => textMeasure(theme), [theme]);
  const stretch = el.width === "stretch";
  const gridColumns = useMemo((): GridColumn[] => {
    if (!data) return [];
    const sample = Math.min(data.numRows, 50);
    return shown.map((column) => {
      const texts: string[] = [];
      for (let r = 0; r < sample; r++) texts.push(displayText(plain(vectors[column.arrow]?.get(r) ?? null), column));
      const arrow = sort?.column === column.name ? (sort.ascending ? " ↑" : " ↓") : "";
      const editable = editor && !locked(column);
      return {
        id: column.name,
        title: column.title + arrow,
        icon: editable ? EDITABLE_ICON : undefined,
        width: widths[column.name] ?? columnWidth(column, texts, measure, editable),
        // A table narrower than its container shares the room among its data columns, as in Streamlit.
        grow: stretch && !column.index && !(column.name in widths) ? 1 : undefined,
        themeOverride: column.index ? { textDark: theme.textLight } : undefined,
      };
    });
  }, [data, shown, vectors, widths, sort, theme, measure, stretch, editor, locked]);

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

  const validateCell = useCallback(([c]: Item, cell: EditableGridCell) => validateEdit(shown[c], cell), [shown]);

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
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "f" && !lazyGrid) {
      e.preventDefault();
      setSearch(true);
    } else if (e.key === "Escape") {
      setFull(false);
    }
  }, [lazyGrid]);

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
    <div ref={outer} className={`grid-outer${full ? " grid-fullscreen" : ""}`} onKeyDown={onKeyDown} data-testid={`grid-${el.type}`} data-rows={rowCount} role={el.alt ? "region" : undefined} aria-label={el.alt ?? undefined}>
      <GridToolbar
        columns={columns}
        hidden={hidden}
        onHiddenChange={setHidden}
        search={search}
        onToggleSearch={lazyGrid ? undefined : () => setSearch((s) => !s)}
        full={full}
        onToggleFull={() => setFull((f) => !f)}
        canDownload={table !== null}
        onDownload={noExport || lazyGrid ? undefined : download}
      />
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
            keybindings={{ search: false, copy: !noExport, selectAll: true }}
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
            headerIcons={HEADER_ICONS}
            scaleToRem={false}
          />
        ) : (
          <div className="grid-pending" style={{ height: height - 2 }}>
            Loading…
          </div>
        )}
      </div>
      {lazy?.cache.error && <div className="grid-error">st.dataframe: {lazy.cache.error}</div>}
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
