import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../app/App";
import type { Element } from "../protocol.gen";
import { Store } from "../store";

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function show(...elements: Element[]) {
  const store = new Store();
  store.applyFrame([
    { t: "session", v: 1, session: "s", resumed: false, run_on_save: false, xsrf: "x" },
    { t: "run_start", run: 1 },
    ...elements.map((e, i) => ({ t: "el" as const, p: [0, i], e })),
  ]);
  render(<App store={store} send={() => undefined} />);
  return store;
}

describe("spinner", () => {
  it("shows its text while a cached function runs", () => {
    show({ type: "spinner", text: "Running `load(...)`.", show_time: false, cache: true, width: "content" });
    expect(screen.getByText("load(...)")).toBeTruthy();
    expect(screen.queryByText(/seconds\)$/)).toBeNull();
  });

  it("counts the seconds with show_time", () => {
    vi.useFakeTimers();
    show({ type: "spinner", text: "Loading", show_time: true, cache: false, width: "content" });
    act(() => {
      vi.advanceTimersByTime(1200);
    });
    expect(screen.getByText(/\(1\.\d seconds\)/)).toBeTruthy();
  });
});
