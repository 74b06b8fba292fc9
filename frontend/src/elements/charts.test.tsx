import { cleanup, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../app/App";
import type { ClientMessage, Element } from "../protocol.gen";
import { Store } from "../store";
import { hexToRgba, nextSelection, tooltipText } from "./DeckChart";
import { selectionFromEvent, streamlitTemplate, withThemeColors } from "./plotlySupport";

afterEach(cleanup);

function show(e: Element) {
  const store = new Store();
  const sent: ClientMessage[] = [];
  store.applyFrame([
    { t: "session", v: 1, session: "s", resumed: false, run_on_save: false, xsrf: "x" },
    { t: "run_start", run: 1 },
    { t: "el", p: [0, 0], e },
    { t: "run_end", run: 1, status: "ok" },
  ]);
  return { sent, ...render(<App store={store} send={(m) => sent.push(m)} />) };
}

describe("plotly selection", () => {
  it("shapes points, indices, boxes and lassos as the script expects", () => {
    const selection = selectionFromEvent({
      points: [
        { curveNumber: 0, pointNumber: 2, pointIndex: 2, x: 3, y: 4, "marker.size": 6, data: { legendgroup: "g" } },
        { curveNumber: 1, pointIndices: [5, 6], x: "b", y: 1 },
      ],
      selections: [
        { type: "rect", xref: "x", yref: "y", x0: 1, x1: 2, y0: 3, y1: 4 },
        { type: "path", xref: "x", yref: "y", path: "M1,2L3,4L5,0Z" },
      ],
    });
    expect(selection.selection).toEqual({
      points: [
        { curve_number: 0, point_number: 2, point_index: 2, x: 3, y: 4, marker_size: 6, legendgroup: "g" },
        { curve_number: 1, x: "b", y: 1 },
      ],
      point_indices: [2, 5, 6],
      box: [{ type: "box", xref: "x", yref: "y", x: [1, 2], y: [3, 4] }],
      lasso: [{ type: "lasso", xref: "x", yref: "y", x: [1, 3, 5], y: [2, 4, 0] }],
    });
    expect(selectionFromEvent(undefined).selection.points).toEqual([]);
    expect(selectionFromEvent({ points: [], range: { x: [0, 1], y: [2, 3] } }).selection.box).toEqual([
      { type: "box", xref: "x", yref: "y", x: [0, 1], y: [2, 3] },
    ]);
  });

  it("has a template for light and dark pages", () => {
    const light = streamlitTemplate(false).layout as Record<string, unknown>;
    const dark = streamlitTemplate(true).layout as Record<string, unknown>;
    expect(light.paper_bgcolor).toBe("#ffffff");
    expect(light.colorway).not.toEqual(dark.colorway);
  });

  it("styles figures as Streamlit 1.67's plotly theme does", () => {
    const layout = streamlitTemplate(false).layout as Record<string, Record<string, unknown>>;
    expect(layout.font).toMatchObject({ color: "#808495", size: 12 });
    expect(layout.margin).toEqual({ l: 0, r: 0, pad: 8 });
    expect(layout.xaxis).toMatchObject({ showgrid: false, zeroline: false, title: { font: { color: "#808495", size: 14 }, standoff: 20 } });
    expect(layout.yaxis).toMatchObject({ gridcolor: "#e6eaf1", title: { standoff: 24 } });
    expect(layout.legend).toMatchObject({ font: { color: "#262730", size: 12 }, valign: "top" });
    expect(layout.hoverlabel).toMatchObject({ bordercolor: "#DCD8D4", font: { color: "#808495", size: 12 } });
  });

  it("paints the server's colour placeholders in the theme's categorical colours", () => {
    const [first, third, own] = withThemeColors(
      [{ line: { color: "#000001", width: 2 } }, { marker: { color: "#000003" } }, { marker: { color: "#123456" } }],
      false,
    );
    expect(first!.line).toEqual({ color: "#0068c9", width: 2 });
    expect((third!.marker as { color: string }).color).toBe("#ff2b2b");
    expect((own!.marker as { color: string }).color).toBe("#123456");
    // a trace with nothing to paint is left as it is (plotly refuses `marker: undefined` on bars)
    const bar = { type: "bar", x: [1], y: [2] };
    expect(withThemeColors([bar], false)[0]).toBe(bar);
  });
});

describe("deck helpers", () => {
  it("fills pydeck tooltips from the picked object", () => {
    expect(tooltipText({ text: "n = {n}" }, { n: 2 })).toBe("n = 2");
    expect(tooltipText({ html: "<b>{name}</b><br/>{missing}" }, { name: "x" })).toBe("x\n{missing}");
    expect(tooltipText(true, { a: 1, b: "z" })).toBe("a: 1\nb: z");
    expect(tooltipText({ text: "{n}" }, null)).toBeNull();
  });

  it("selects one object, or toggles several", () => {
    const none = { selection: { indices: {}, objects: {} } };
    const one = nextSelection(none, "single-object", "pts", 3, { n: 3 });
    expect(one.selection).toEqual({ indices: { pts: [3] }, objects: { pts: [{ n: 3 }] } });
    expect(nextSelection(one, "single-object", null, -1, null)).toEqual(none);
    const two = nextSelection(one, "multi-object", "pts", 5, { n: 5 });
    expect(two.selection.indices).toEqual({ pts: [3, 5] });
    expect(nextSelection(two, "multi-object", "pts", 3, { n: 3 }).selection.indices).toEqual({ pts: [5] });
    expect(nextSelection(two, "multi-object", null, -1, null)).toBe(two);
  });

  it("turns the theme colour into deck.gl's rgba", () => {
    expect(hexToRgba("#ff4b4b", 160)).toEqual([255, 75, 75, 160]);
  });
});

describe("chart components", () => {
  it("shows a chart whose data cannot be fetched as an error, not a broken page", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response("gone", { status: 404 })));
    show({
      type: "plotly_chart",
      id: null,
      spec: null,
      url: "_slipstream/blob/abc.json",
      config: "{}",
      theme: "streamlit",
      selection_mode: [],
      height: 450,
      alt: "A chart",
      width: "stretch",
    });
    await waitFor(() => expect(screen.getByText(/HTTP 404/)).toBeTruthy());
    expect(screen.getByRole("img", { name: "A chart" })).toBeTruthy();
    vi.unstubAllGlobals();
  });
});
