import { describe, expect, it } from "vitest";
import { tableFromArrays, tableToIPC } from "apache-arrow";
import { arrowRows, chartSize, composite, selectionValue, streamlitConfig, themeColors } from "./vegaLite";

describe("vega-lite charts", () => {
  it("turns an Arrow stream into plain rows Vega can read", () => {
    const table = tableFromArrays({ n: new BigInt64Array([1n, 2n]), x: new Float64Array([0.5, 1.5]), s: ["a", "b"] });
    const bytes = tableToIPC(table, "stream");
    const rows = arrowRows(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(rows).toEqual([
      { n: 1, x: 0.5, s: "a" },
      { n: 2, x: 1.5, s: "b" },
    ]);
  });

  it("gives selections the script's shape", () => {
    expect(selectionValue(null)).toEqual({});
    expect(selectionValue({ a: [1], vlPoint: { or: [{ a: 1 }] } })).toEqual([{ a: 1 }]);
    expect(selectionValue({ a: [1, 3] })).toEqual({ a: [1, 3] });
  });

  it("maps theme colour names in colour encodings", () => {
    const spec = {
      layer: [
        { encoding: { color: { value: "primary" } } },
        { encoding: { color: { field: "s", scale: { range: ["red", "#123456"] } } } },
      ],
    };
    themeColors(spec);
    expect(spec.layer[0]!.encoding.color).toEqual({ value: "#ff4b4b" });
    expect(spec.layer[1]!.encoding.color.scale!.range).toEqual(["red", "#123456"]);
  });

  it("knows which specs keep their own size", () => {
    expect(composite({ mark: "bar" })).toBe(false);
    expect(composite({ layer: [] })).toBe(false);
    expect(composite({ hconcat: [] })).toBe(true);
    expect(composite({ encoding: { row: { field: "a" } } })).toBe(true);
  });

  it("has a light and a dark look", () => {
    const light = streamlitConfig(false);
    const dark = streamlitConfig(true);
    expect(light.background).toBe("transparent");
    expect((light.range as { category: string[] }).category[0]).toBe("#0068c9");
    expect((dark.range as { category: string[] }).category[0]).toBe("#83c9ff");
  });

  it("sizes a chart by its element's width and height", () => {
    const box = { width: 700, height: 420 };
    expect(chartSize({ width: "stretch", height: "content" }, { mark: "bar" }, box)).toEqual({ width: 700 });
    expect(chartSize({ width: "content", height: "stretch" }, { mark: "bar" }, box)).toEqual({ height: 420 });
    expect(chartSize({ width: 300, height: 200 }, { mark: "bar", height: 50 }, box)).toEqual({ width: 300, height: 200 });
    // A stretched chart squeezed to nothing keeps room for its axes.
    expect(chartSize({ width: "stretch", height: "stretch" }, { mark: "bar" }, { width: 0, height: 0 })).toEqual({
      width: 50,
      height: 50,
    });
    // Facets and concatenations keep the sizes of their views.
    expect(chartSize({ width: "stretch", height: "stretch" }, { hconcat: [] }, box)).toEqual({});
  });
});
