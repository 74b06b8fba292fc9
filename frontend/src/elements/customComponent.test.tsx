import { act, render } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { ComponentEl } from "../protocol.gen";
import { ConnectedContext } from "../send";
import { CustomComponent } from "./CustomComponent";

const component: ComponentEl = {
  type: "component",
  id: "c1",
  name: "pkg.slider",
  url: "/_slipstream/component/pkg.slider/index.html",
  args: { label: "Size" },
  dfs: [],
  tab_index: null,
};

/** The frame's render events, once it says it is ready. */
function renders(connected: boolean): { events: unknown[]; setConnected: (c: boolean) => void } {
  const events: unknown[] = [];
  const show = (c: boolean) => (
    <ConnectedContext.Provider value={c}>
      <CustomComponent el={component} />
    </ConnectedContext.Provider>
  );
  const view = render(show(connected));
  const frame = view.container.querySelector("iframe") as HTMLIFrameElement;
  const win = frame.contentWindow as Window;
  vi.spyOn(win, "postMessage").mockImplementation((message: unknown) => void events.push(message));
  act(() => {
    window.dispatchEvent(
      new MessageEvent("message", { source: win, data: { isStreamlitMessage: true, type: "streamlit:componentReady", apiVersion: 1 } }),
    );
  });
  return { events, setConnected: (c) => view.rerender(show(c)) };
}

describe("CustomComponent", () => {
  it("tells the frame its arguments, and that it is disabled while the tab is not connected", () => {
    const { events, setConnected } = renders(true);
    expect(events).toEqual([expect.objectContaining({ type: "streamlit:render", args: { label: "Size" }, disabled: false })]);
    act(() => setConnected(false));
    expect(events.at(-1)).toEqual(expect.objectContaining({ disabled: true }));
    expect(events).toHaveLength(2);
  });
});
