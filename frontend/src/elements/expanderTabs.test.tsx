import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../app/App";
import type { ClientMessage, ExpanderEl, TabsEl } from "../protocol.gen";
import { Store } from "../store";

afterEach(cleanup);

const expander = (over: Partial<ExpanderEl>): ExpanderEl => ({
  type: "expander",
  id: null,
  key: null,
  label: "Details",
  expanded: false,
  icon: null,
  style: "default",
  width: "stretch",
  ...over,
});

const tabs = (over: Partial<TabsEl>): TabsEl => ({
  type: "tabs",
  id: null,
  key: null,
  labels: ["One", "Two"],
  default: 0,
  width: "stretch",
  height: "content",
  ...over,
});

/** The app after one run showing `el` at the top; the messages it sends. */
function show(el: ExpanderEl | TabsEl) {
  const store = new Store();
  const sent: ClientMessage[] = [];
  const children =
    el.type === "tabs"
      ? el.labels.map((label, i) => ({ t: "el" as const, p: [0, 0, i], e: { type: "tab" as const, label } }))
      : [];
  store.applyFrame([
    { t: "session", v: 1, session: "s", resumed: false, run_on_save: false, xsrf: "x" },
    { t: "run_start", run: 1 },
    { t: "el", p: [0, 0], e: el },
    ...children,
    { t: "run_end", run: 1, status: "ok" },
  ]);
  const { container } = render(<App store={store} send={(m) => sent.push(m)} />);
  return { store, sent, container };
}

describe("expanders and tabs", () => {
  it("a tracked expander sends each opening and closing", () => {
    const { sent, container } = show(expander({ id: "e1" }));
    const details = container.querySelector("details")!;
    act(() => {
      details.open = true;
      fireEvent(details, new Event("toggle"));
    });
    expect(sent).toEqual([{ t: "rerun", values: { e1: true } }]);
  });

  it("an untracked expander sends nothing; its type is its class", () => {
    const { sent, container } = show(expander({ style: "compact" }));
    const details = container.querySelector("details")!;
    act(() => {
      details.open = true;
      fireEvent(details, new Event("toggle"));
    });
    expect(sent).toEqual([]);
    expect(details.classList.contains("expander-compact")).toBe(true);
  });

  it("a default expander leads with a chevron that points down when open and right when closed", () => {
    const { container } = show(expander({ expanded: true }));
    const details = container.querySelector("details")!;
    const heading = details.querySelector("summary > .expander-heading")!;
    const chevron = heading.firstElementChild!.querySelector('[data-testid="stIconMaterial"]')!;
    expect(chevron.textContent).toBe("keyboard_arrow_down");
    expect(container.querySelector("svg.chevron")).toBeNull();
    act(() => {
      details.open = false;
      fireEvent(details, new Event("toggle"));
    });
    expect(chevron.textContent).toBe("keyboard_arrow_right");
  });

  it("an expander's own icon takes the chevron's place", () => {
    const { container } = show(expander({ icon: ":material/star:" }));
    const lead = container.querySelector("summary .expander-icon")!;
    expect(lead.querySelector('[data-testid="stExpanderIcon"]')!.textContent).toBe("star");
    expect(container.querySelector('[data-testid="stIconMaterial"]')).toBeNull();
  });

  it("tracked tabs send the chosen tab's position and show the script's choice", () => {
    const { sent } = show(tabs({ id: "t1", default: 1 }));
    expect(screen.getByRole("tab", { name: "Two" }).getAttribute("aria-selected")).toBe("true");
    act(() => screen.getByRole("tab", { name: "One" }).click());
    expect(sent).toEqual([{ t: "rerun", values: { t1: 0 } }]);
  });

  it("tabs of a fixed height scroll inside their panels", () => {
    show(tabs({ height: 120 }));
    const panel = screen.getAllByRole("tabpanel", { hidden: true })[0]!;
    expect(panel.style.height).toBe("120px");
    expect(panel.style.overflowY).toBe("auto");
  });
});
