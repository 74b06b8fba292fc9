import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../app/App";
import type { ColumnsEl, ContainerEl, Element } from "../protocol.gen";
import { Store } from "../store";

afterEach(cleanup);

const container = (over: Partial<ContainerEl>): ContainerEl => ({
  type: "container",
  border: false,
  height: null,
  horizontal: false,
  gap: "small",
  key: null,
  width: null,
  wrap: true,
  horizontal_alignment: "left",
  vertical_alignment: "top",
  autoscroll: null,
  ...over,
});

function show(...elements: Element[]) {
  const store = new Store();
  store.applyFrame([
    { t: "run_start", run: 1 },
    ...elements.map((e, i) => ({ t: "el" as const, p: [0, i], e })),
    { t: "run_end", run: 1, status: "ok" },
  ]);
  return render(<App store={store} send={() => undefined} />).container;
}

describe("container layout", () => {
  it("places a row's elements and keeps an unwrapped row on one line", () => {
    const page = show(
      container({ horizontal: true, wrap: false, horizontal_alignment: "distribute", vertical_alignment: "center", gap: 20 }),
      container({ horizontal_alignment: "center", vertical_alignment: "bottom", gap: "xxlarge" }),
    );
    const [row, column] = [...page.querySelectorAll<HTMLElement>(".el-container > .block")];
    expect(row!.classList.contains("no-wrap")).toBe(true);
    expect([row!.style.justifyContent, row!.style.alignItems, row!.style.gap]).toEqual(["space-between", "center", "20px"]);
    expect([column!.style.justifyContent, column!.style.alignItems, column!.style.gap]).toEqual(["flex-end", "center", "8rem"]);
  });

  it("keeps columns side by side on narrow screens when they may not wrap", () => {
    const columns: ColumnsEl = { type: "columns", gap: "small", vertical_alignment: "top", border: false, width: 300, wrap: false };
    const page = show(columns);
    const row = page.querySelector<HTMLElement>(".columns")!;
    expect(row.classList.contains("no-wrap")).toBe(true);
    expect(row.parentElement?.style.width).toBe("300px");
  });
});
