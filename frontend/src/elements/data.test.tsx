import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { DataColumn, MetricEl, TableEl } from "../protocol.gen";
import { formatNumber } from "../data/numberFormat";
import { displayText, formatDate, sortedRows, viewColumns } from "../data/gridModel";
import { Metric } from "./Metric";
import { Table } from "./Table";

const metric = (over: Partial<MetricEl>): MetricEl => ({
  type: "metric",
  label: "Temp",
  body: "70",
  delta: null,
  direction: "none",
  color: "gray",
  delta_description: null,
  help: null,
  icon: null,
  label_visibility: "visible",
  border: false,
  width: "stretch",
  height: "content",
  chart_data: null,
  chart_type: "line",
  format: null,
  ...over,
});

describe("st.metric", () => {
  it("shows the value, the delta with its arrow and colour, and a sparkline", () => {
    const { container } = render(
      <Metric el={metric({ body: "1234.5", delta: "-3", direction: "down", color: "red", format: "dollar", chart_data: [1, 3, 2] })} />,
    );
    expect(screen.getByText("Temp")).toBeTruthy();
    expect(screen.getByText("$1,234.50")).toBeTruthy();
    expect(screen.getByText("-$3.00")).toBeTruthy();
    expect(container.querySelector(".metric-red")).toBeTruthy();
    expect(screen.getByLabelText("down")).toBeTruthy();
    expect(container.querySelector(".metric-chart polyline")).toBeTruthy();
  });

  it("leaves text values alone and hides a collapsed label", () => {
    const { container } = render(<Metric el={metric({ body: "70 °F", label_visibility: "collapsed", format: "compact" })} />);
    expect(container.textContent).toBe("70 °F");
  });
});

describe("st.table", () => {
  it("renders the header, the index and styled cells", () => {
    const el: TableEl = {
      type: "table",
      header: [["a", "b"]],
      index_header: ["k"],
      index: [["x"], ["y"]],
      cells: [["1", "0.5"], ["2", "None"]],
      numeric: [true, false],
      styles: [["background-color: yellow", ""], ["", ""]],
      border: true,
      hide_index: false,
      hide_header: false,
      width: "stretch",
      height: "content",
      alt: "Rain by city",
    };
    const { container } = render(<Table el={el} />);
    expect(screen.getByRole("table", { name: "Rain by city" })).toBeTruthy();
    expect(Array.from(container.querySelectorAll("th")).map((t) => t.textContent)).toEqual(["k", "a", "b", "x", "y"]);
    const cell = screen.getByText("1");
    expect(cell.className).toBe("num");
    expect(cell.style.backgroundColor).toBe("yellow");
  });
});

describe("number formats and the grid model", () => {
  it("formats numbers like Streamlit's presets", () => {
    expect(formatNumber(1234.567, "dollar")).toBe("$1,234.57");
    expect(formatNumber(1234.567, "%.1f")).toBe("1234.6");
    expect(formatNumber(0.25, "percent")).toBe("25.00%");
    expect(formatNumber(1500, "compact")).toBe("1.5K");
    expect(formatNumber(-5, "accounting")).toBe("(5.00)");
  });

  it("orders columns: index first, pinned, column_order, hidden ones out", () => {
    const cols: DataColumn[] = [
      { name: "", index: true, kind: "int", config: null },
      { name: "a", index: false, kind: "int", config: null },
      { name: "b", index: false, kind: "string", config: { label: "Bee" } },
      { name: "c", index: false, kind: "float", config: { hidden: true } },
    ];
    expect(viewColumns(cols, null, null).map((c) => c.title)).toEqual(["", "a", "Bee"]);
    expect(viewColumns(cols, ["b", "a"], true).map((c) => c.name)).toEqual(["b", "a"]);
  });

  it("writes values as text and sorts rows with missing values last", () => {
    const [num, date] = viewColumns(
      [
        { name: "x", index: false, kind: "float", config: null },
        { name: "d", index: false, kind: "date", config: null },
      ],
      null,
      true,
    );
    expect(displayText(0.123456, num!)).toBe("0.1235");
    expect(displayText(2, num!)).toBe("2");
    expect(displayText(Date.UTC(2020, 0, 2), date!)).toBe("2020-01-02");
    expect(formatDate(Date.UTC(2020, 0, 2, 15, 4), "D MMM YYYY, h:mm a")).toBe("2 Jan 2020, 3:04 pm");
    const values = [3, null, 1, 2];
    const vector = { get: (i: number) => values[i] ?? null, length: 4, nullCount: 1 };
    expect(Array.from(sortedRows(vector, 4, true))).toEqual([2, 3, 0, 1]);
    expect(Array.from(sortedRows(vector, 4, false))).toEqual([0, 3, 2, 1]);
  });
});
