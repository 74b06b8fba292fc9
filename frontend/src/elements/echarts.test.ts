import { describe, expect, it } from "vitest";
import { type Json, prepareOption, streamlitTheme, timeLabel } from "./echartsOption";
import { selectionOf, seriesLabels } from "./echartsSelection";

const prepare = (option: Json, opts: Partial<Parameters<typeof prepareOption>[1]> = {}) =>
  prepareOption(option, { rows: new Map(), themed: true, alt: null, selectionOn: false, ...opts });

type Formatter = (value: unknown) => unknown;

describe("the option ECharts gets", () => {
  it("puts a data frame's rows where its dataset names it", () => {
    const option = prepare(
      { dataset: [{ source: { name: "data-1" } }, { source: [[1, 2]] }], series: [] },
      { rows: new Map([["data-1", [["Mon", 3]]]]) },
    );
    expect(option.dataset).toEqual([{ source: [["Mon", 3]] }, { source: [[1, 2]] }]);
  });

  it("keeps the screen-reader description on, named by alt, and shows no pointing hand without selections", () => {
    const plain = prepare({ series: [{ type: "bar" }, { type: "line", cursor: "crosshair" }] });
    expect(plain.aria).toEqual({ enabled: true });
    expect((plain.series as Json[]).map((s) => s.cursor)).toEqual(["default", "crosshair"]);

    const aria = { enabled: false, label: { general: { withTitle: "x" } } };
    const named = prepare({ aria, series: [] }, { alt: "Sales" });
    expect(named.aria).toEqual({ enabled: true, label: { general: { withTitle: "x" }, description: "Sales" } });
    const selectable = prepare({ series: [{ type: "bar" }] }, { selectionOn: true });
    expect((selectable.series as Json[])[0]!.cursor).toBeUndefined();
  });

  it("reads a tooltip valueFormatter string as a number format", () => {
    const option = prepare({
      tooltip: { valueFormatter: "dollar" },
      series: [
        { type: "bar", tooltip: { valueFormatter: "%.1f kg" } },
        { type: "bar", tooltip: { valueFormatter: "{value} €" } },
      ],
    });
    const top = (option.tooltip as Json).valueFormatter as Formatter;
    expect(top(1234.5)).toBe("$1,234.50");
    expect(top([1, "a"])).toEqual(["$1.00", "a"]);
    const [kg, unknown] = (option.series as Json[]).map((s) => s.tooltip as Json);
    expect((kg!.valueFormatter as Formatter)(2.25)).toBe("2.3 kg");
    expect(unknown).toEqual({}); // not a format: ECharts' default formatting
  });

  it("shortens long tooltip numbers with the app's theme, unless the option formats them", () => {
    const themed = prepare({ tooltip: {}, series: [] });
    expect(((themed.tooltip as Json).valueFormatter as Formatter)(1 / 3)).toBe("0.3333");
    expect((prepare({ tooltip: { formatter: "{c}" }, series: [] }).tooltip as Json).valueFormatter).toBeUndefined();
    expect((prepare({ tooltip: {}, series: [] }, { themed: false }).tooltip as Json).valueFormatter).toBeUndefined();
  });

  it("fills {@dimension} placeholders in tooltip templates, escaped", () => {
    const option = prepare({ tooltip: { formatter: "{b}: {@sales} / {@[2]}" }, series: [] });
    const format = (option.tooltip as Json).formatter as Formatter;
    // As ECharts calls it: `$vars` names the fields {a}, {b} and {c} read.
    const item = { $vars: ["seriesName", "name", "value"], seriesName: "S", name: "Mon" };
    const params = { ...item, value: ["Mon", 120, "<b>"], dimensionNames: ["day", "sales", "note"] };
    expect(format(params)).toBe("Mon: 120 / &lt;b&gt;");
    expect(format([{ ...params, value: { day: "Tue", sales: 7 } }])).toBe("Mon: 7 / -");
  });

  it("uses ECharts' fast modes for big series, never with selections", () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => [i, i % 7]);
    const option = prepare({
      xAxis: { type: "value" },
      yAxis: {},
      series: [
        { type: "scatter", data: many(20_001) },
        { type: "line", data: many(2_001) },
        { type: "bar", data: many(2_001), large: false },
        { type: "scatter", data: many(100) },
      ],
    });
    const series = option.series as Json[];
    expect(series.map((s) => [s.large, s.showSymbol])).toEqual([
      [true, undefined],
      [undefined, false],
      [false, undefined],
      [undefined, undefined],
    ]);
    const picked = prepare({ series: [{ type: "scatter", data: many(20_001), selectedMode: true }] });
    expect((picked.series as Json[])[0]!.large).toBeUndefined();
  });

  it("gives a cartesian chart tight margins, with room for a title, a legend or a zoom slider", () => {
    expect(prepare({ xAxis: {}, yAxis: {}, series: [] }).grid).toEqual({ left: 8, right: 24, top: 16, bottom: 8 });
    const busy = prepare({ title: { text: "T" }, dataZoom: [{ type: "slider" }], xAxis: {}, yAxis: {}, series: [] });
    expect(busy.grid).toEqual({ left: 8, right: 24, top: 56, bottom: 80 });
    expect(prepare({ grid: { left: 100 }, xAxis: {}, series: [] }).grid).toEqual({ left: 100 });
    expect(prepare({ series: [{ type: "pie" }] }).grid).toBeUndefined();
  });

  it("labels a time axis pointer with a date, or a date and time", () => {
    const option = prepare({ xAxis: { type: "time" }, yAxis: {}, series: [] });
    const label = ((option.xAxis as Json).axisPointer as Json).label as Json;
    const format = label.formatter as (p: { value: unknown }) => string;
    expect(format({ value: new Date(2026, 7, 18).getTime() })).toBe("2026-08-18");
    expect(format({ value: new Date(2026, 7, 18, 9, 5, 3).getTime() })).toBe("2026-08-18 09:05:03");
    expect(timeLabel(Date.UTC(2026, 0, 2), true)).toBe("2026-01-02");
    const tooltip = { axisPointer: { label: { formatter: "{value}" } } };
    const own = prepare({ tooltip, xAxis: { type: "time" }, series: [] });
    expect((own.xAxis as Json).axisPointer).toBeUndefined();
  });

  it("draws with lighter colours first on a dark page", () => {
    expect((streamlitTheme(false).color as string[])[0]).toBe("#0068c9");
    expect((streamlitTheme(true).color as string[])[0]).toBe("#83c9ff");
    expect(streamlitTheme(true).darkMode).toBe(true);
  });
});

describe("the selection the script gets", () => {
  it("merges picked and brushed items by series, with the areas in axis coordinates", () => {
    const labels = seriesLabels({ series: [{ name: "Sales" }, { id: 7 }] });
    const selection = selectionOf(
      [
        { seriesIndex: 1, dataIndex: [4, 2] },
        { seriesIndex: 0, dataType: "node", dataIndex: [] },
      ],
      [
        {
          brushIndex: 1,
          areas: [{ brushType: "rect", coordRange: [[0, 2], [1, 5]] }, { brushType: "rect" }],
          selected: [{ seriesIndex: 1, dataIndex: [2, 0] }, { seriesIndex: 0, dataIndex: [3] }],
        },
        { brushIndex: 0, areas: [{ brushType: "lineX", coordRange: [0.5, 3.5] }], selected: [] },
      ],
      labels,
    );
    expect(selection).toEqual({
      selection: {
        selected: [
          { series_index: 0, series_id: null, series_name: "Sales", data_type: "main", data_indices: [3] },
          { series_index: 1, series_id: "7", series_name: null, data_type: "main", data_indices: [0, 2, 4] },
        ],
        areas: [
          { brush_index: 0, brush_type: "lineX", coord_range: [0.5, 3.5] },
          { brush_index: 1, brush_type: "rect", coord_range: [[0, 2], [1, 5]] },
        ],
      },
    });
  });

  it("reads series names from a timeline's base option", () => {
    expect(seriesLabels({ baseOption: { series: { name: "Only" } } })(0)).toEqual({ id: null, name: "Only" });
    expect(seriesLabels({})(3)).toEqual({ id: null, name: null });
  });
});
