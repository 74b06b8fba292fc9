import { GridCellKind, type EditableGridCell } from "@glideapps/glide-data-grid";
import { describe, expect, it } from "vitest";
import { asEdits, editedValue, validateEdit } from "./gridEdits";
import { viewColumns, type ViewColumn } from "./gridModel";

const column = (kind: string, config: Record<string, unknown> | null = null): ViewColumn =>
  viewColumns([{ name: "c", index: false, kind, config }], null, true)[0]!;

const text = (data: string): EditableGridCell => ({ kind: GridCellKind.Text, data, displayData: data, allowOverlay: true });
const number = (data: number | undefined): EditableGridCell => ({ kind: GridCellKind.Number, data, displayData: String(data), allowOverlay: true });

describe("data_editor edits", () => {
  it("reads the server's edits, filling in the parts it left out", () => {
    expect(asEdits(undefined)).toEqual({ edited_rows: {}, added_rows: [], deleted_rows: [] });
    expect(asEdits({ deleted_rows: [2] })).toEqual({ edited_rows: {}, added_rows: [], deleted_rows: [2] });
  });

  it("turns typed text into the column's kind of value", () => {
    expect(editedValue(text(" 3.6 "), column("int"))).toBe(4);
    expect(editedValue(text("2.5"), column("float"))).toBe(2.5);
    expect(editedValue(text("abc"), column("float"))).toBeUndefined();
    expect(editedValue(text("  "), column("string"))).toBeNull();
    expect(editedValue(text("a, b,,"), column("list"))).toEqual(["a", "b"]);
    expect(editedValue(text("2024-02-03"), column("date"))).toBe("2024-02-03");
    expect(editedValue(text("2024-02-03T04:05:06+02:00"), column("datetime"))).toBe("2024-02-03T02:05:06");
    expect(editedValue(text("2024-02-03 04:05"), column("datetime"))).toBe("2024-02-03T04:05:00");
    expect(editedValue(text("someday"), column("date"))).toBeUndefined();
  });

  it("takes a selectbox's text only when it names one of its options", () => {
    const select = column("string", { type_config: { type: "selectbox", options: ["low", "high"] } });
    expect(editedValue(text("high"), select)).toBe("high");
    expect(editedValue(text("medium"), select)).toBeUndefined();
  });

  it("reads numbers, checkboxes and the custom editors' cells", () => {
    expect(editedValue(number(undefined), column("float"))).toBeNull();
    expect(editedValue({ kind: GridCellKind.Boolean, data: true, allowOverlay: false }, column("bool"))).toBe(true);
    const choice = { kind: "slipstream-choice", value: "b", label: "B", options: [], required: false };
    expect(editedValue({ kind: GridCellKind.Custom, data: choice, copyData: "", allowOverlay: true }, column("string"))).toBe("b");
    const multi = { kind: "slipstream-multi", values: ["x", "y"], options: [], acceptNew: true };
    expect(editedValue({ kind: GridCellKind.Custom, data: multi, copyData: "", allowOverlay: true }, column("list"))).toEqual(["x", "y"]);
  });

  it("refuses numbers out of range and text its pattern refuses, and cuts long text", () => {
    const bounded = column("int", { type_config: { min_value: 0, max_value: 10 } });
    expect(validateEdit(bounded, number(5))).toBe(true);
    expect(validateEdit(bounded, number(11))).toBe(false);
    expect(validateEdit(bounded, number(-1))).toBe(false);
    const code = column("string", { type_config: { validate: "^[A-Z]+$", max_chars: 3 } });
    expect(validateEdit(code, text("abc"))).toBe(false);
    expect(validateEdit(code, text("AB"))).toBe(true);
    expect(validateEdit(code, text("ABCDE"))).toMatchObject({ kind: GridCellKind.Text, data: "ABC" });
    expect(validateEdit(undefined, text("anything"))).toBe(true);
  });
});
