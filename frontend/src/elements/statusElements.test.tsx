import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../app/App";
import type { Element, ServerMessage } from "../protocol.gen";
import { Store } from "../store";
import { closeToast, currentToasts } from "./toasts";

afterEach(() => {
  cleanup();
  for (const toast of currentToasts()) closeToast(toast.id);
  vi.useRealTimers();
});

const START: ServerMessage[] = [
  { t: "session", v: 1, session: "s", resumed: false, run_on_save: false, xsrf: "x" },
  { t: "run_start", run: 1 },
];

function app(messages: ServerMessage[]) {
  const store = new Store();
  store.applyFrame([...START, ...messages]);
  render(<App store={store} send={() => undefined} />);
  return store;
}

const el = (p: number[], e: Element): ServerMessage => ({ t: "el", p, e });

describe("progress", () => {
  it("fills the bar to its value and shows its text", () => {
    app([el([0, 0], { type: "progress", value: 30, text: "Thirty", width: "stretch" })]);
    const bar = screen.getByRole("progressbar");
    expect(bar.getAttribute("aria-valuenow")).toBe("30");
    expect(screen.getByText("Thirty")).toBeTruthy();
    const fill = screen.getByTestId("stProgressBarTrack").firstElementChild as HTMLElement;
    expect(fill.style.transform).toBe("translateX(-70%)");
    expect(document.querySelector("[data-testid=stProgress]")).toBeTruthy();
  });

  it("moves when the script writes the same slot again", () => {
    const store = app([el([0, 0], { type: "progress", value: 10, text: null, width: "stretch" })]);
    act(() => store.applyFrame([el([0, 0], { type: "progress", value: 80, text: null, width: "stretch" })]));
    expect(screen.getAllByRole("progressbar")).toHaveLength(1);
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("80");
  });
});

describe("status", () => {
  const status = (state: "running" | "complete" | "error", label = "Work"): Element => ({
    type: "status",
    label,
    expanded: false,
    state,
    style: "default",
    width: "stretch",
  });

  it("shows the icon of its state", () => {
    app([el([0, 0], status("running")), el([0, 1], status("complete")), el([0, 2], status("error"))]);
    expect(screen.getByTestId("stExpanderIconSpinner")).toBeTruthy();
    expect(screen.getByTestId("stExpanderIconCheck").textContent).toBe("check");
    expect(screen.getByTestId("stExpanderIconError").textContent).toBe("error");
    expect(document.querySelector('[data-testid="stIconMaterial"]')).toBeNull(); // no chevron beside a state
  });

  it("an update changes label and state and keeps the children", () => {
    const store = app([
      el([0, 0], status("running")),
      el([0, 0, 0], { type: "text", body: "inside", help: null, width: "content", text_alignment: "left", wrap: true }),
    ]);
    act(() => store.applyFrame([{ t: "upd", p: [0, 0], e: status("complete", "Done") }]));
    expect(screen.getByText("Done")).toBeTruthy();
    expect(screen.getByTestId("stExpanderIconCheck")).toBeTruthy();
    expect(screen.getByText("inside")).toBeTruthy();
  });
});

describe("toast", () => {
  const toast = (id: string, body: string, duration = 4): Element => ({ type: "toast", toast: id, body, icon: "🎉", duration });

  it("stacks newest first, closes by its button and after its duration", () => {
    vi.useFakeTimers();
    app([el([4, 0], toast("a", "First")), el([4, 1], toast("b", "Second", 10))]);
    expect(screen.getAllByTestId("stToast").map((t) => t.textContent)).toEqual(["🎉Second", "🎉First"]);
    act(() => {
      vi.advanceTimersByTime(4100);
    });
    expect(screen.getAllByTestId("stToast")).toHaveLength(1);
    fireEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(screen.queryByTestId("stToast")).toBeNull();
  });

  it("stays up when a later run removes its element, and a rewrite changes it in place", () => {
    const store = app([el([4, 0], toast("a", "Gathering"))]);
    act(() => store.applyFrame([el([4, 0], toast("a", "Ready"))]));
    expect(screen.getAllByTestId("stToast").map((t) => t.textContent)).toEqual(["🎉Ready"]);
    act(() => store.applyFrame([{ t: "run_end", run: 1, status: "ok" }, { t: "run_start", run: 2 }, { t: "run_end", run: 2, status: "ok" }]));
    expect(screen.getByText("Ready")).toBeTruthy();
    // Not in the page flow: the event root holds no visible element.
    expect(document.querySelector("[data-testid=stMain] [data-testid=stToast]")).toBeNull();
  });
});

describe("balloons and snow", () => {
  it("play over the page once per shot, then show nothing", () => {
    vi.useFakeTimers();
    const store = app([el([4, 0], { type: "balloons", shot: "1" }), el([4, 1], { type: "snow", shot: "1" })]);
    expect(screen.getByTestId("stBalloons").children.length).toBeGreaterThan(10);
    expect(screen.getByTestId("stSnow")).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(6500);
    });
    expect(screen.queryByTestId("stBalloons")).toBeNull();
    act(() => store.applyFrame([el([4, 0], { type: "balloons", shot: "2" })]));
    expect(screen.getByTestId("stBalloons")).toBeTruthy();
  });
});

describe("skeleton", () => {
  it("takes its height", () => {
    app([el([0, 0], { type: "skeleton", height: 120, width: "stretch" })]);
    expect(screen.getByTestId("stSkeletonElement").style.height).toBe("120px");
  });
});
