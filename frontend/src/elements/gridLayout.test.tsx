import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../app/App";
import type { Element, GridCellEl, GridEl, MarkdownEl } from "../protocol.gen";
import { Store } from "../store";

afterEach(cleanup);

const grid: GridEl = {
  type: "grid",
  columns: 3,
  min_column_width: null,
  wrap: true,
  row_gap: "small",
  column_gap: "small",
  vertical_alignment: "top",
  border: false,
  row_height: null,
  width: null,
  height: "content",
  key: null,
  dense: false,
};
const cell: GridCellEl = { type: "grid_cell", column_span: 2, row_span: 1 };
const text = (body: string): MarkdownEl => ({
  type: "markdown",
  body,
  allow_html: false,
  help: null,
  width: null,
  text_alignment: "left",
  wrap: true,
});

function show(frames: [number[], Element][]) {
  const store = new Store();
  store.applyFrame([
    { t: "run_start", run: 1 },
    ...frames.map(([p, e]) => ({ t: "el" as const, p, e })),
    { t: "run_end", run: 1, status: "ok" },
  ]);
  return render(<App store={store} send={() => undefined} />).container;
}

/** The data-testid chain from `el` up to (not including) the element with `stop`. */
function chain(el: HTMLElement | null, stop: string): string[] {
  const out: string[] = [];
  for (let e = el; e && e.dataset.testid !== stop; e = e.parentElement) {
    if (e.dataset.testid) out.push(e.dataset.testid);
  }
  return out;
}

describe("st.grid", () => {
  it("nests its cells in Streamlit 1.67's boxes, and no others", () => {
    const page = show([
      [[0, 0], grid],
      [[0, 0, 0], text("plain")],
      [[0, 0, 1], cell],
      [[0, 0, 1, 0], text("in a cell")],
    ]);
    const [plain, inCell] = [...page.querySelectorAll<HTMLElement>("[data-testid=stMarkdown]")];
    expect(chain(plain!.parentElement, "stMainBlockContainer")).toEqual([
      "stElementContainer",
      "stGridCellContent",
      "stGridCellBody",
      "stGridCell",
      "stGrid",
      "stGridContentMeasure",
      "stGridScrollBody",
      "stLayoutWrapper",
      "stVerticalBlock",
    ]);
    expect(chain(inCell!.parentElement, "stGridCell")).toEqual([
      "stElementContainer",
      "stVerticalBlock",
      "stLayoutWrapper",
      "stGridCellContent",
      "stGridCellBody",
    ]);
    // the boxes Streamlit adds take no room of their own
    for (const id of ["stGridScrollBody", "stGridContentMeasure", "stGridCellBody", "stGridCellContent"]) {
      expect(page.querySelector(`[data-testid=${id}]`)?.className).toBe("grid-pass");
    }
  });
});
