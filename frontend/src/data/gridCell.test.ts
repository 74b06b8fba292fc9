import { GridCellKind } from "@glideapps/glide-data-grid";
import { describe, expect, it } from "vitest";
import { cellFor, progressLabel, type CellInput } from "./gridCell";
import { viewColumns, type ViewColumn } from "./gridModel";

const column = (kind: string, config: Record<string, unknown> | null = null): ViewColumn =>
  viewColumns([{ name: "c", index: false, kind, config }], null, true)[0]!;

const input = (col: ViewColumn, value: unknown, over: Partial<CellInput> = {}): CellInput => ({
  column: col,
  value,
  text: value === null ? "" : String(value),
  readonly: false,
  faded: false,
  themeOverride: undefined,
  ...over,
});

describe("grid cells", () => {
  it("draws numbers right-aligned, and falls back to text for a value that is no number", () => {
    const price = column("float");
    expect(cellFor(input(price, 2.5, { text: "2.50" }))).toMatchObject({ kind: GridCellKind.Number, data: 2.5, displayData: "2.50", contentAlign: "right" });
    expect(cellFor(input(price, null))).toMatchObject({ kind: GridCellKind.Number, data: undefined });
    expect(cellFor(input(price, "n/a"))).toMatchObject({ kind: GridCellKind.Text, data: "n/a" });
  });

  it("centres checkboxes unless the column aligns them", () => {
    expect(cellFor(input(column("bool"), null))).toMatchObject({ kind: GridCellKind.Boolean, data: null, contentAlign: "center" });
    expect(cellFor(input(column("bool", { alignment: "left" }), 1))).toMatchObject({ data: true, contentAlign: "left" });
  });

  it("edits a selectbox with its options' labels, and shows a read-only one as text", () => {
    const status = column("string", { type_config: { type: "selectbox", options: ["a", "b"], labels: ["Alpha", "Beta"] } });
    const cell = cellFor(input(status, "b"));
    expect(cell.kind).toBe(GridCellKind.Custom);
    expect(cell).toMatchObject({ data: { kind: "slipstream-choice", value: "b", label: "Beta", options: [{ value: "a", label: "Alpha" }, { value: "b", label: "Beta" }] } });
    expect(cellFor(input(status, "a", { readonly: true }))).toMatchObject({ kind: GridCellKind.Text, data: "Alpha", readonly: true });
  });

  it("runs a progress bar to 100 over integers and to 1 over fractions", () => {
    const progress = { type_config: { type: "progress" } };
    expect(cellFor(input(column("int", progress), 40))).toMatchObject({ readonly: true, data: { kind: "slipstream-chart", values: [40], min: null, max: 100 } });
    expect(cellFor(input(column("float", progress), 0.4))).toMatchObject({ data: { max: 1 } });
  });

  it("shows a link's text from its display pattern", () => {
    const link = column("string", { type_config: { type: "link", display_text: "https://(.*)\\.com" } });
    expect(cellFor(input(link, "https://example.com"))).toMatchObject({ kind: GridCellKind.Uri, data: "https://example.com", displayData: "example" });
  });

  it("offers a date picker when editable, else text holding the ISO date", () => {
    const day = Date.UTC(2024, 1, 3);
    expect(cellFor(input(column("date"), day, { text: "2024-02-03" }))).toMatchObject({ data: { kind: "slipstream-temporal", type: "date", input: "2024-02-03" } });
    expect(cellFor(input(column("date"), day, { text: "Feb 3", readonly: true }))).toMatchObject({ kind: GridCellKind.Text, data: "2024-02-03", displayData: "Feb 3" });
  });

  it("writes a missing value as a faded None", () => {
    expect(cellFor(input(column("string"), null, { faded: true }))).toMatchObject({ kind: GridCellKind.Text, displayData: "None", style: "faded" });
  });
});

describe("progressLabel", () => {
  it("writes a percentage as Streamlit does when the column has no format", () => {
    expect(progressLabel(0.64, false)).toBe("64%");
    expect(progressLabel(0.645, false)).toBe("64.5%");
    expect(progressLabel(0.6451, false)).toBe("64.51%");
    expect(progressLabel(0.0012, false)).toBe("0.12%");
    expect(progressLabel(1.5, false)).toBe("150%");
    expect(progressLabel(64, true)).toBe("64%");
    expect(progressLabel(-3, true)).toBe("-3%");
  });
});
