import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "./app/App";
import { components } from "./elements/registry";
import type { MarkdownEl, ServerMessage } from "./protocol.gen";
import { STALE_AFTER_MS, Store } from "./store";

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const md = (body: string): MarkdownEl => ({
  type: "markdown",
  body,
  allow_html: false,
  help: null,
  width: null,
  text_alignment: "left",
  wrap: true,
});

/** Count the renders of markdown elements (by body) until `restore`. */
function countMarkdownRenders(): { renders: string[]; restore: () => void } {
  const Original = components.markdown;
  const renders: string[] = [];
  components.markdown = (props) => {
    renders.push(props.el.body);
    return <Original {...props} />;
  };
  return { renders, restore: () => (components.markdown = Original) };
}

/** A store after one run that showed `count` lines of markdown. */
function storeWithLines(count: number): Store {
  const store = new Store();
  const first: ServerMessage[] = [{ t: "run_start", run: 1 }];
  for (let i = 0; i < count; i++) first.push({ t: "el", p: [0, i], e: md(`line ${i}`) });
  first.push({ t: "run_end", run: 1, status: "ok" });
  store.applyFrame(first);
  return store;
}

describe("tree rendering", () => {
  it("re-renders only the element that changed", () => {
    const { renders, restore } = countMarkdownRenders();
    try {
      const store = storeWithLines(50);
      render(<App store={store} send={() => undefined} />);
      expect(renders).toHaveLength(50);
      renders.length = 0;

      act(() =>
        store.applyFrame([
          { t: "run_start", run: 2 },
          { t: "keep", p: [0, 0], n: 20 },
          { t: "el", p: [0, 20], e: md("changed") },
          { t: "keep", p: [0, 21], n: 29 },
          { t: "run_end", run: 2, status: "ok" },
        ]),
      );
      expect(renders).toEqual(["changed"]);
      expect(screen.getByText("changed")).toBeTruthy();
    } finally {
      restore();
    }
  });

  it("renders no unchanged element again when a run arrives over several frames", () => {
    vi.useFakeTimers();
    const { renders, restore } = countMarkdownRenders();
    try {
      const store = storeWithLines(30);
      const { container } = render(<App store={store} send={() => undefined} />);
      renders.length = 0;
      const mutations: MutationRecord[] = [];
      const observer = new MutationObserver((records) => mutations.push(...records));
      observer.observe(container, { subtree: true, attributes: true });

      act(() => store.applyFrame([{ t: "run_start", run: 2 }, { t: "keep", p: [0, 0], n: 10 }]));
      act(() => store.applyFrame([{ t: "el", p: [0, 10], e: md("changed") }]));
      act(() => vi.advanceTimersByTime(STALE_AFTER_MS / 2));
      act(() => store.applyFrame([{ t: "keep", p: [0, 11], n: 19 }, { t: "run_end", run: 2, status: "ok" }]));
      act(() => vi.advanceTimersByTime(STALE_AFTER_MS * 2));

      expect(renders).toEqual(["changed"]);
      expect(mutations.filter((m) => m.attributeName === "class")).toEqual([]);
      observer.disconnect();
    } finally {
      restore();
    }
  });

  it("fades stale leaves, and shows the sidebar only when it has children", () => {
    vi.useFakeTimers();
    const store = new Store();
    store.applyFrame([{ t: "run_start", run: 1 }, { t: "el", p: [0, 0], e: md("old") }, { t: "run_end", run: 1, status: "ok" }]);
    const { container } = render(<App store={store} send={() => undefined} />);
    expect(container.querySelector(".stale")).toBeNull();
    expect(screen.queryByRole("complementary", { name: "Sidebar" })).toBeNull();
    act(() => store.applyFrame([{ t: "run_start", run: 2 }, { t: "el", p: [1, 0], e: md("side") }]));
    expect(container.querySelector(".stale")).toBeNull();
    act(() => vi.advanceTimersByTime(STALE_AFTER_MS));
    expect(container.querySelector(".stale")?.textContent?.trim()).toBe("old");
    expect(screen.getByRole("complementary", { name: "Sidebar" })).toBeTruthy();
  });

  it("renders columns with weights and tabs with panels", () => {
    const store = new Store();
    store.applyFrame([
      { t: "run_start", run: 1 },
      {
        t: "el",
        p: [0, 0],
        e: { type: "columns", gap: "small", vertical_alignment: "top", border: false, width: "stretch", wrap: true },
      },
      { t: "el", p: [0, 0, 0], e: { type: "column", weight: 2, vertical_alignment: "top", border: false } },
      { t: "el", p: [0, 0, 1], e: { type: "column", weight: 1, vertical_alignment: "top", border: false } },
      { t: "el", p: [0, 0, 1, 0], e: md("right") },
      { t: "el", p: [0, 1], e: { type: "tabs", id: null, key: null, labels: ["One", "Two"], default: 0, width: null, height: "content" } },
      { t: "el", p: [0, 1, 0], e: { type: "tab", label: "One" } },
      { t: "el", p: [0, 1, 0, 0], e: md("first tab") },
      { t: "el", p: [0, 1, 1], e: { type: "tab", label: "Two" } },
      { t: "el", p: [0, 1, 1, 0], e: md("second tab") },
      { t: "run_end", run: 1, status: "ok" },
    ]);
    const { container } = render(<App store={store} send={() => undefined} />);
    const columns = container.querySelectorAll<HTMLElement>(".column");
    expect(columns[0]?.style.flex).toBe("2 1 0%");
    expect(columns[1]?.textContent?.trim()).toBe("right");
    expect(screen.getByRole("tab", { name: "One" }).getAttribute("aria-selected")).toBe("true");
    expect(screen.getByText("second tab").closest("[role=tabpanel]")?.hasAttribute("hidden")).toBe(true);
    act(() => screen.getByRole("tab", { name: "Two" }).click());
    expect(screen.getByText("second tab").closest("[role=tabpanel]")?.hasAttribute("hidden")).toBe(false);
  });

  it("marks keyed elements with st-key-<key> where Streamlit puts it", () => {
    const store = new Store();
    const box = { help: null, disabled: false, label_visibility: "visible", width: null, wrap: null } as const;
    store.applyFrame([
      { t: "run_start", run: 1 },
      { t: "el", p: [0, 0], e: { type: "checkbox", id: "c1", key: "agree box", label: "Agree", value: false, toggle: false, ...box } },
      { t: "el", p: [0, 1], e: { type: "checkbox", id: "c2", label: "Plain", value: false, toggle: false, ...box } },
      { t: "el", p: [0, 2], e: { type: "expander", id: null, key: "more", label: "More", expanded: false, icon: null, style: "default", width: null } },
      { t: "el", p: [0, 3], e: { type: "tabs", id: null, key: "views", labels: ["One"], default: 0, width: null, height: "content" } },
      { t: "el", p: [0, 3, 0], e: { type: "tab", label: "One" } },
      { t: "run_end", run: 1, status: "ok" },
    ]);
    const { container } = render(<App store={store} send={() => undefined} />);
    const keyed = container.querySelector(".st-key-agree-box");
    expect(keyed?.getAttribute("data-testid")).toBe("stElementContainer");
    expect(keyed?.textContent).toContain("Agree");
    expect(screen.getByText("Plain").closest("[data-testid=stElementContainer]")?.className).not.toContain("st-key-");
    expect(container.querySelector(".st-key-more")?.getAttribute("data-testid")).toBe("stLayoutWrapper");
    expect(container.querySelector(".st-key-views")?.getAttribute("data-testid")).toBe("stTabs");
  });
});
