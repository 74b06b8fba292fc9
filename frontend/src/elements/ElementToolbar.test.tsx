import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../app/App";
import type { ImageEl } from "../protocol.gen";
import { Store } from "../store";
import { ElementToolbar, useFullscreen, type ToolbarAction } from "./ElementToolbar";

afterEach(cleanup);

/** An element as the chart components build one: the frame is its root, in the page's wrapper. */
function Chart({ actions }: { actions?: ToolbarAction[] }) {
  const { full, setFull, frameClass } = useFullscreen();
  return (
    <div className="el">
      <div className={`chart ${frameClass}`} data-testid="frame">
        <ElementToolbar full={full} setFull={setFull} actions={actions} />
        <svg />
      </div>
    </div>
  );
}

const fullscreenButton = () => screen.getByRole("button", { name: /fullscreen/i });

describe("the element toolbar", () => {
  it("shows the element full screen and back with its one button", () => {
    render(<Chart />);
    const frame = screen.getByTestId("frame");
    expect(screen.getByRole("toolbar")).toBeTruthy();
    expect(screen.getAllByRole("button")).toHaveLength(1);
    expect(fullscreenButton().getAttribute("aria-label")).toBe("Fullscreen");
    expect(fullscreenButton().getAttribute("aria-pressed")).toBe("false");
    expect(frame.classList.contains("element-fullscreen")).toBe(false);

    fireEvent.click(fullscreenButton());
    expect(frame.classList.contains("element-fullscreen")).toBe(true);
    expect(fullscreenButton().getAttribute("aria-label")).toBe("Close fullscreen");
    expect(fullscreenButton().getAttribute("aria-pressed")).toBe("true");

    fireEvent.click(fullscreenButton());
    expect(frame.classList.contains("element-fullscreen")).toBe(false);
    expect(fullscreenButton().getAttribute("aria-label")).toBe("Fullscreen");
  });

  it("shows an element's own buttons before Fullscreen, and runs them when clicked", () => {
    const download = vi.fn();
    const copy = vi.fn();
    render(
      <Chart
        actions={[
          { label: "Download as PNG", icon: "download", onClick: download },
          { label: "Copy Vega-Lite spec", icon: "copy", onClick: copy },
        ]}
      />,
    );
    const labels = screen.getAllByRole("button").map((b) => b.getAttribute("aria-label"));
    expect(labels).toEqual(["Download as PNG", "Copy Vega-Lite spec", "Fullscreen"]);
    expect(screen.getByRole("button", { name: "Download as PNG" }).dataset.icon).toBe("download");

    fireEvent.click(screen.getByRole("button", { name: "Download as PNG" }));
    expect(download).toHaveBeenCalledTimes(1);
    expect(copy).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Copy Vega-Lite spec" }));
    expect(copy).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("frame").classList.contains("element-fullscreen")).toBe(false);
  });

  it("leaves full screen on Escape, wherever the focus is, and keeps the focus on its button", () => {
    render(<Chart />);
    const frame = screen.getByTestId("frame");
    fireEvent.click(fullscreenButton());
    expect(document.activeElement).toBe(fullscreenButton());

    fireEvent.keyDown(document.body, { key: "Enter" });
    expect(frame.classList.contains("element-fullscreen")).toBe(true);
    fireEvent.keyDown(document.body, { key: "Escape" });
    expect(frame.classList.contains("element-fullscreen")).toBe(false);
    expect(document.activeElement).toBe(fullscreenButton());
  });

  it("locks the page's scrolling while full screen and keeps the element's place in it", () => {
    document.body.style.overflow = "auto";
    render(<Chart />);
    const frame = screen.getByTestId("frame");
    Object.defineProperty(frame, "offsetHeight", { value: 350 });
    fireEvent.click(fullscreenButton());
    expect(document.body.style.overflow).toBe("hidden");
    expect(frame.parentElement?.style.getPropertyValue("--frame-height")).toBe("350px");
    fireEvent.keyDown(document, { key: "Escape" });
    expect(document.body.style.overflow).toBe("auto");
  });

  it("gives a row of images one toolbar", () => {
    const images: ImageEl = {
      type: "image",
      images: ["a.png", "b.png", "c.png"].map((url) => ({ url, caption: null, alt: url })),
      link: null,
      width: "stretch",
      item_width: 150,
    };
    const store = new Store();
    store.applyFrame([
      { t: "session", v: 1, session: "s", resumed: false, run_on_save: false, xsrf: "x" },
      { t: "run_start", run: 1 },
      { t: "el", p: [0, 0], e: images },
    ]);
    render(<App store={store} send={() => undefined} />);
    expect(screen.getAllByRole("img")).toHaveLength(3);
    fireEvent.click(fullscreenButton());
    expect(screen.getByRole("img", { name: "b.png" }).closest(".element-fullscreen")).toBeTruthy();
  });
});
