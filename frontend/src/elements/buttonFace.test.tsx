import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../app/App";
import type { ButtonEl, ClientMessage } from "../protocol.gen";
import { Store } from "../store";
import { matchesShortcut, shortcutLabel } from "./buttonFace";

afterEach(cleanup);

const button = (over: Partial<ButtonEl>): ButtonEl => ({
  type: "button",
  id: "b1",
  label: "Save",
  kind: "secondary",
  icon: null,
  submit: false,
  icon_position: "left",
  shortcut: null,
  wrap: null,
  help: null,
  disabled: false,
  width: null,
  ...over,
});

function show(...elements: ButtonEl[]) {
  const store = new Store();
  const sent: ClientMessage[] = [];
  store.applyFrame([
    { t: "run_start", run: 1 },
    ...elements.map((e, i) => ({ t: "el" as const, p: [0, i], e })),
    { t: "run_end", run: 1, status: "ok" },
  ]);
  render(<App store={store} send={(m) => sent.push(m)} />);
  return sent;
}

describe("button shortcuts", () => {
  it("shows the shortcut and clicks the button when it is pressed", () => {
    const sent = show(button({ shortcut: "ctrl+s" }));
    expect(screen.getByRole("button", { name: /Save/ }).textContent).toContain("Ctrl + S");
    fireEvent.keyDown(window, { key: "s", ctrlKey: true });
    expect(sent).toEqual([{ t: "rerun", values: { b1: true } }]);
    fireEvent.keyDown(window, { key: "s" }); // without Ctrl: not the shortcut
    expect(sent).toHaveLength(1);
  });

  it("leaves a plain key typed into a field alone", () => {
    const sent = show(button({ shortcut: "k" }));
    const field = document.createElement("input");
    document.body.append(field);
    fireEvent.keyDown(field, { key: "k" });
    expect(sent).toEqual([]);
    fireEvent.keyDown(document.body, { key: "K" });
    expect(sent).toHaveLength(1);
    field.remove();
  });

  it("does nothing for a disabled button", () => {
    const sent = show(button({ shortcut: "enter", disabled: true }));
    fireEvent.keyDown(window, { key: "Enter" });
    expect(sent).toEqual([]);
  });

  it("matches Ctrl and Cmd alike, and exactly the modifiers asked for", () => {
    const press = (init: KeyboardEventInit) => new KeyboardEvent("keydown", init);
    expect(matchesShortcut("cmd+k", press({ key: "k", ctrlKey: true }))).toBe(true);
    expect(matchesShortcut("ctrl+shift+k", press({ key: "K", ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(matchesShortcut("ctrl+k", press({ key: "k", ctrlKey: true, altKey: true }))).toBe(false);
    expect(matchesShortcut("up", press({ key: "ArrowUp" }))).toBe(true);
    expect(matchesShortcut("space", press({ key: " " }))).toBe(true);
    expect(shortcutLabel("alt+shift+escape")).toBe("Alt + Shift + Esc");
  });
});

describe("button face", () => {
  it("puts the icon on the side asked for, and cuts a one-line label showing it on hover", () => {
    show(button({ icon: "🚀", icon_position: "right", wrap: false, label: "Launch **now**" }));
    const face = screen.getByRole("button", { name: /Launch/ });
    const label = face.querySelector(".button-label")!;
    expect(label.classList.contains("label-one-line")).toBe(true);
    expect(label.getAttribute("title")).toBe("Launch now");
    expect(label.nextElementSibling?.textContent).toBe("🚀");
  });
});
