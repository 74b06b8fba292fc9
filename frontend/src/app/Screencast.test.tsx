import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Store } from "../store";
import { App } from "./App";

/** A stand-in for the browser's recorder: start/stop and one chunk of data on stop. */
class FakeRecorder {
  state: "inactive" | "recording" = "inactive";
  ondataavailable: ((event: { data: Blob }) => void) | null = null;
  onstop: (() => void) | null = null;
  start() {
    this.state = "recording";
  }
  stop() {
    this.state = "inactive";
    this.ondataavailable?.({ data: new Blob(["webm"], { type: "video/webm" }) });
    this.onstop?.();
  }
}

function renderApp() {
  const store = new Store();
  render(<App store={store} send={() => undefined} />);
  const client = {
    toolbar_mode: "auto" as const, show_sidebar_navigation: true, disable_data_export: false, theme: {},
    theme_switcher: true, version: "1.2.3",
  };
  act(() => store.applyFrame([{ t: "session", v: 1, session: "s", resumed: false, run_on_save: false, xsrf: "x", client }]));
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("the main menu's button, footer and screen recording", () => {
  it("draws three vertical dots and ends with the Made with footer and its copy button", async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    renderApp();
    const button = screen.getByRole("button", { name: "Main menu" });
    expect(button.querySelectorAll("circle")).toHaveLength(3);
    fireEvent.click(button);
    expect(document.querySelector(".main-menu-made-with")?.textContent).toBe("Made with Slipstream v1.2.3");
    const copy = screen.getByRole("button", { name: "Copy version to clipboard" });
    expect(copy.classList.contains("stMenuVersionCopyButton")).toBe(true);
    await act(async () => fireEvent.click(copy));
    expect(writeText).toHaveBeenCalledWith("1.2.3");
    expect(copy.getAttribute("aria-label")).toBe("Copied");
    expect(copy.dataset.copyState).toBe("copied");
    Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
    // jsdom has no screen capture: no Record screen item
    expect(screen.queryByRole("menuitem", { name: "Record screen" })).toBeNull();
  });

  it("records the screen, stops from the menu and offers the .webm", async () => {
    const track = { stop: vi.fn(), addEventListener: vi.fn() };
    const stream = { getTracks: () => [track], getVideoTracks: () => [track] };
    const getDisplayMedia = vi.fn(async () => stream);
    vi.stubGlobal("MediaRecorder", FakeRecorder);
    Object.defineProperty(navigator, "mediaDevices", { value: { getDisplayMedia }, configurable: true });
    URL.createObjectURL = vi.fn(() => "blob:recording");
    URL.revokeObjectURL = vi.fn();
    renderApp();
    fireEvent.click(screen.getByRole("button", { name: "Main menu" }));
    const item = screen.getByRole("menuitem", { name: "Record screen" });
    expect(item.dataset.testid).toBe("stMainMenuItem-recordScreencast");
    await act(async () => fireEvent.click(item));
    expect(getDisplayMedia).toHaveBeenCalledWith({ video: true, audio: false });
    fireEvent.click(screen.getByRole("button", { name: "Main menu" }));
    act(() => fireEvent.click(screen.getByRole("menuitem", { name: /Stop recording/ })));
    expect(track.stop).toHaveBeenCalled();
    const save = screen.getByRole("link", { name: "Save video to disk" });
    expect(save.getAttribute("href")).toBe("blob:recording");
    expect(save.getAttribute("download")).toMatch(/\.webm$/);
    fireEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(URL.revokeObjectURL).toHaveBeenCalledWith("blob:recording");
    Object.defineProperty(navigator, "mediaDevices", { value: undefined, configurable: true });
  });
});
