import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ContainerEl, Element, ServerMessage } from "./protocol.gen";
import { nodeAt, STALE_AFTER_MS, Store } from "./store";

const md = (body: string): Element => ({
  type: "markdown",
  body,
  allow_html: false,
  help: null,
  width: null,
  text_alignment: "left",
  wrap: true,
});
const container = (): ContainerEl => ({
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
});
const el = (p: number[], e: Element): ServerMessage => ({ t: "el", p, e });
const start = (run: number): ServerMessage => ({ t: "run_start", run });
const end = (run: number, status: "ok" | "interrupted" | "error" = "ok"): ServerMessage => ({
  t: "run_end",
  run,
  status,
});

/** The end of a run that sent every element to keep: anything else in its scope goes. */
const endWhole = (run: number): ServerMessage => ({ t: "run_end", run, status: "ok", whole: true });

function bodies(store: Store, root = 0): (string | null)[] {
  const node = store.getState().roots[root];
  return Array.from(node?.children ?? [], (c) => (c?.el && "body" in c.el ? c.el.body : null));
}

function firstRun(store: Store, ...texts: string[]): void {
  store.applyFrame([start(1), ...texts.map((t, i) => el([0, i], md(t))), end(1)]);
}

describe("Store", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("prunes and marks stale only within a run's scope", () => {
    const store = new Store();
    store.applyFrame([
      start(1),
      el([0, 0], md("above")),
      el([0, 1], container()),
      el([0, 1, 0], md("inside 1")),
      el([0, 1, 1], md("inside 2")),
      el([0, 2], md("below")),
      el([1, 0], md("sidebar")),
      end(1),
    ]);
    store.applyFrame([{ t: "run_start", run: 2, scopes: [[0, 1]] }, el([0, 1, 0], md("redrawn"))]);
    vi.advanceTimersByTime(STALE_AFTER_MS);
    const state = store.getState();
    expect(nodeAt(state, [0, 1, 1])?.stale).toBe(true); // not drawn yet in this scoped run
    expect(nodeAt(state, [0, 0])?.stale).toBe(false); // outside the scope: untouched
    expect(nodeAt(state, [1, 0])?.stale).toBe(false);
    store.applyFrame([endWhole(2)]);
    const after = store.getState();
    expect(bodies(store)).toEqual(["above", null, "below"]);
    expect(Array.from(nodeAt(after, [0, 1])?.children ?? [], (c) => (c?.el && "body" in c.el ? c.el.body : null))).toEqual([
      "redrawn",
    ]);
    expect(bodies(store, 1)).toEqual(["sidebar"]);
  });

  it("prunes within every scope of a run, and nowhere else", () => {
    const store = new Store();
    store.applyFrame([
      start(1),
      el([0, 0], container()),
      el([0, 0, 0], md("fragment 1")),
      el([0, 0, 1], md("fragment 2")),
      el([0, 1], md("main")),
      el([1, 0], md("sidebar")),
      el([1, 1], container()),
      el([1, 1, 0], md("wrapped 1")),
      el([1, 1, 1], md("wrapped 2")),
      end(1),
    ]);
    store.applyFrame([
      { t: "run_start", run: 2, scopes: [[0, 0], [1, 1]] },
      el([0, 0, 0], md("fragment again")),
      el([1, 1, 0], md("wrapped again")),
    ]);
    vi.advanceTimersByTime(STALE_AFTER_MS);
    expect(nodeAt(store.getState(), [1, 1, 1])?.stale).toBe(true);
    expect(nodeAt(store.getState(), [1, 0])?.stale).toBe(false);
    store.applyFrame([endWhole(2)]);
    const texts = (path: number[]): (string | null)[] =>
      Array.from(nodeAt(store.getState(), path)?.children ?? [], (c) => (c?.el && "body" in c.el ? c.el.body : null));
    expect(texts([0, 0])).toEqual(["fragment again"]);
    expect(texts([1, 1])).toEqual(["wrapped again"]);
    expect(bodies(store)).toEqual([null, "main"]);
    expect(bodies(store, 1)).toEqual(["sidebar", null]);
  });

  it("puts elements at their paths and renders sparse children in index order", () => {
    const store = new Store();
    store.applyFrame([start(1), el([0, 2], md("c")), el([0, 0], md("a"))]);
    expect(bodies(store)).toEqual(["a", null, "c"]);
    store.applyFrame([el([1, 0], md("side"))]);
    expect(bodies(store, 1)).toEqual(["side"]);
  });

  it("keeps confirmed siblings and removes the rest at run_end", () => {
    const store = new Store();
    firstRun(store, "a", "b", "c", "d");
    store.applyFrame([start(2), { t: "keep", p: [0, 0], n: 2 }, el([0, 2], md("C")), endWhole(2)]);
    expect(bodies(store)).toEqual(["a", "b", "C"]);
  });

  it("removes a node's children with it", () => {
    const store = new Store();
    store.applyFrame([start(1), el([0, 0], container()), el([0, 0, 0], md("inner")), end(1)]);
    store.applyFrame([start(2), el([0, 1], md("x")), endWhole(2)]);
    const root = store.getState().roots[0];
    expect(root?.children[0]).toBeUndefined();
    expect(bodies(store)).toEqual([null, "x"]);
  });

  it("removes unconfirmed children of a kept container", () => {
    const store = new Store();
    store.applyFrame([
      start(1),
      el([0, 0], container()),
      el([0, 0, 0], md("one")),
      el([0, 0, 1], md("two")),
      end(1),
    ]);
    store.applyFrame([start(2), { t: "keep", p: [0, 0], n: 1 }, { t: "keep", p: [0, 0, 0], n: 1 }, endWhole(2)]);
    const box = nodeAt(store.getState(), [0, 0]);
    expect(box?.children.length).toBe(1);
  });

  it("keeps everything when the run is interrupted", () => {
    const store = new Store();
    firstRun(store, "a", "b");
    store.applyFrame([start(2), el([0, 0], md("A"))]);
    vi.advanceTimersByTime(STALE_AFTER_MS);
    store.applyFrame([end(2, "interrupted")]);
    expect(bodies(store)).toEqual(["A", "b"]);
    // Nothing is running any more, so nothing shows as stale (as in Streamlit once a run stops).
    expect(nodeAt(store.getState(), [0, 1])?.stale).toBe(false);
  });

  it("drops the children when the element type at a path changes", () => {
    const store = new Store();
    store.applyFrame([start(1), el([0, 0], container()), el([0, 0, 0], md("inner")), end(1)]);
    store.applyFrame([start(2), el([0, 0], md("now text"))]);
    expect(nodeAt(store.getState(), [0, 0])?.children).toEqual([]);
  });

  it("keeps the children when the same container type is updated", () => {
    const store = new Store();
    store.applyFrame([start(1), el([0, 0], container()), el([0, 0, 0], md("inner")), end(1)]);
    store.applyFrame([start(2), el([0, 0], { ...container(), border: true })]);
    expect(nodeAt(store.getState(), [0, 0, 0])?.el).toEqual(md("inner"));
  });

  it("drops the children when a container is put again in the same run", () => {
    const store = new Store();
    store.applyFrame([start(1), el([0, 0], container()), el([0, 0, 0], md("a")), el([0, 0, 1], md("b"))]);
    store.applyFrame([{ t: "el", p: [0, 0], e: container(), clear: true }, el([0, 0, 0], md("c")), end(1)]);
    expect(nodeAt(store.getState(), [0, 0])?.children.map((c) => c?.el)).toEqual([md("c")]);
  });

  it("marks unconfirmed elements stale once a run has gone on for a while", () => {
      const store = new Store();
      firstRun(store, "a", "b");
      store.applyFrame([start(2), { t: "keep", p: [0, 0], n: 1 }]);
      const early = store.getState();
      expect(nodeAt(early, [0, 1])?.stale).toBe(false);
      vi.advanceTimersByTime(STALE_AFTER_MS);
      expect(nodeAt(store.getState(), [0, 0])?.stale).toBe(false);
      expect(nodeAt(store.getState(), [0, 1])?.stale).toBe(true);
      store.applyFrame([{ t: "keep", p: [0, 1], n: 1 }, end(2)]);
      expect(nodeAt(store.getState(), [0, 1])?.stale).toBe(false);
  });

  it("leaves every unchanged node as it was across a run split over frames", () => {
      const store = new Store();
      firstRun(store, "a", "b", "c");
      const before = store.getState();
      store.applyFrame([start(2), { t: "keep", p: [0, 0], n: 1 }]);
      store.applyFrame([el([0, 1], md("B"))]);
      store.applyFrame([{ t: "keep", p: [0, 2], n: 1 }, end(2)]);
      vi.advanceTimersByTime(STALE_AFTER_MS * 2);
      const after = store.getState();
      expect(nodeAt(after, [0, 0])).toBe(nodeAt(before, [0, 0]));
      expect(nodeAt(after, [0, 2])).toBe(nodeAt(before, [0, 2]));
      expect(nodeAt(after, [0, 1])?.el).toEqual(md("B"));
  });

  it("removes what run_end drops, with what it holds, and keeps everything else", () => {
    const store = new Store();
    store.applyFrame([start(1), el([0, 0], md("a")), el([0, 1], container()), el([0, 1, 0], md("in")), el([0, 2], md("c")), end(1)]);
    store.applyFrame([start(2), { t: "run_end", run: 2, status: "ok", drop: [[0, 1], [0, 2]] }]);
    expect(bodies(store)).toEqual(["a"]);
    store.applyFrame([start(3), { t: "run_end", run: 3, status: "ok", drop: [[0, 7], [3, 1]] }]);
    expect(bodies(store)).toEqual(["a"]); // paths it does not hold are ignored
  });

  it("patches some fields of an element, keeping its children", () => {
    const store = new Store();
    store.applyFrame([start(1), el([0, 0], container()), el([0, 0, 0], md("in")), el([0, 1], md("count: 1")), end(1)]);
    const before = store.getState();
    store.applyFrame([start(2), { t: "patch", p: [0, 1], e: { body: "count: 2" } }, { t: "patch", p: [0, 0], e: { border: true } }, end(2)]);
    const after = store.getState();
    expect(nodeAt(after, [0, 1])?.el).toEqual(md("count: 2"));
    expect(nodeAt(after, [0, 0])?.el).toEqual({ ...container(), border: true });
    expect(nodeAt(after, [0, 0, 0])).toBe(nodeAt(before, [0, 0, 0]));
  });

  it("copies only the changed path", () => {
    const store = new Store();
    store.applyFrame([start(1), el([0, 0], container()), el([0, 0, 0], md("x")), el([0, 1], md("y")), end(1)]);
    const before = store.getState();
    store.applyFrame([
      start(2),
      { t: "keep", p: [0, 0], n: 1 },
      el([0, 0, 0], md("x2")),
      { t: "keep", p: [0, 1], n: 1 },
      end(2),
    ]);
    const after = store.getState();
    expect(after.roots[0]).not.toBe(before.roots[0]);
    expect(nodeAt(after, [0, 0])).not.toBe(nodeAt(before, [0, 0]));
    expect(nodeAt(after, [0, 1])).toBe(nodeAt(before, [0, 1]));
  });

  it("publishes no new state for a run that changes nothing", () => {
    const store = new Store();
    firstRun(store, "a", "b");
    const before = store.getState();
    store.applyFrame([start(2), { t: "keep", p: [0, 0], n: 2 }, end(2)]);
    expect(store.getState().roots).toBe(before.roots);
  });

  it("numbers the newest started and completed runs", () => {
    const store = new Store();
    store.applyFrame([start(3)]);
    expect(store.getState().runs).toEqual({ started: 3, completed: 0 });
    store.applyFrame([end(3, "interrupted"), start(4), el([0, 0], md("a")), end(4)]);
    expect(store.getState().runs).toEqual({ started: 4, completed: 4 });
    store.applyFrame([{ t: "session", v: 1, session: "s2", resumed: false, run_on_save: false, xsrf: "x" }]);
    expect(store.getState().runs).toEqual({ started: 0, completed: 0 });
  });

  it("tracks the run, file changes and the session", () => {
    const store = new Store();
    let notified = 0;
    store.subscribe(() => notified++);
    store.applyFrame([start(1), el([0, 0], md("a"))]);
    expect(store.getState().running).toBe(true);
    expect(notified).toBe(1);
    store.applyFrame([end(1), { t: "file_changed" }]);
    expect(store.getState()).toMatchObject({ running: false, fileChanged: true });
    store.applyFrame([{ t: "session", v: 1, session: "s", resumed: true, run_on_save: true, xsrf: "x" }]);
    expect(bodies(store)).toEqual(["a"]);
    expect(store.getState().runOnSave).toBe(true);
    const menu_items = { get_help: null, report_a_bug: null, about: null };
    const pageConfig = { t: "page_config", title: "T", icon: null, layout: "wide", sidebar: "auto", menu_items } as const;
    store.applyFrame([pageConfig]);
    expect(store.getState().pageConfig).toEqual(pageConfig);
    store.applyFrame([{ t: "session", v: 1, session: "s2", resumed: false, run_on_save: false, xsrf: "x" }]);
    expect(store.getState().roots).toEqual([]);
    expect(store.getState().pageConfig).toBeNull();
    store.applyFrame([start(2)]);
    expect(store.getState().fileChanged).toBe(false);
  });

  it("appends text to an element, copying only the nodes on its path", () => {
    const store = new Store();
    store.applyFrame([start(1), el([0, 0], md("other")), el([0, 1], container()), el([0, 1, 0], md("Hel"))]);
    const before = store.getState();
    store.applyFrame([{ t: "append", p: [0, 1, 0], s: "lo" }, { t: "append", p: [0, 1, 0], s: ", world" }]);
    const after = store.getState();
    const streamed = nodeAt(after, [0, 1, 0])?.el;
    expect(streamed && "body" in streamed ? streamed.body : null).toBe("Hello, world");
    expect(nodeAt(after, [0, 0])).toBe(nodeAt(before, [0, 0])); // untouched: not rendered again
    expect(nodeAt(after, [0, 1])).not.toBe(nodeAt(before, [0, 1]));
    store.applyFrame([{ t: "append", p: [0, 5], s: "nowhere" }]); // no element there: ignored
    expect(store.getState().roots).toBe(after.roots);
  });

  it("a tree keep confirms a container with everything inside it", () => {
    const store = new Store();
    store.applyFrame([
      start(1),
      el([0, 0], container()),
      el([0, 0, 0], md("a")),
      el([0, 0, 1], container()),
      el([0, 0, 1, 0], md("deep")),
      el([0, 1], container()),
      el([0, 1, 0], md("b")),
      end(1),
    ]);
    store.applyFrame([start(2), { t: "keep", p: [0, 0], n: 1, tree: true }, { t: "keep", p: [0, 1], n: 1 }, endWhole(2)]);
    const state = store.getState();
    expect(nodeAt(state, [0, 0, 1, 0])?.el).toEqual(md("deep"));
    expect(nodeAt(state, [0, 1])).toBeDefined();
    expect(nodeAt(state, [0, 1, 0])).toBeUndefined(); // a plain keep confirms the container only
  });

  it("takes the chrome settings a client message brings", () => {
    const store = new Store();
    const settings = { toolbar_mode: "minimal", show_sidebar_navigation: true, disable_data_export: false, theme: {} };
    store.applyFrame([{ t: "client", client: settings } as ServerMessage]);
    expect(store.getState().client?.toolbar_mode).toBe("minimal");
  });
});
