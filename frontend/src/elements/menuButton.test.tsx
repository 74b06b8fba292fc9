import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../app/App";
import type { ClientMessage, MenuButtonEl } from "../protocol.gen";
import { Store } from "../store";

afterEach(cleanup);

function show(el: MenuButtonEl) {
  const store = new Store();
  const sent: ClientMessage[] = [];
  store.applyFrame([{ t: "run_start", run: 1 }, { t: "el", p: [0, 0], e: el }, { t: "run_end", run: 1, status: "ok" }]);
  render(<App store={store} send={(m) => sent.push(m)} />);
  return sent;
}

const menu: MenuButtonEl = {
  type: "menu_button",
  id: "m",
  label: "Export",
  options: ["CSV", "JSON"],
  kind: "secondary",
  icon: null,
  help: null,
  disabled: false,
  width: "content",
  wrap: null,
};

describe("st.menu_button", () => {
  it("opens a menu and sends the picked item's position", () => {
    const sent = show(menu);
    const trigger = screen.getByRole("button", { name: "Export" });
    expect(screen.queryByRole("menu")).toBeNull();
    act(() => trigger.click());
    expect(trigger.getAttribute("aria-expanded")).toBe("true");
    act(() => screen.getByRole("menuitem", { name: "JSON" }).click());
    expect(sent).toEqual([{ t: "rerun", values: { m: 1 } }]);
    expect(screen.queryByRole("menu")).toBeNull();
  });

  it("closes on Escape without sending anything", () => {
    const sent = show(menu);
    act(() => screen.getByRole("button", { name: "Export" }).click());
    const first = screen.getByRole("menuitem", { name: "CSV" });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: "ArrowDown" });
    expect(document.activeElement).toBe(screen.getByRole("menuitem", { name: "JSON" }));
    fireEvent.keyDown(document.activeElement!, { key: "Escape" });
    expect(screen.queryByRole("menu")).toBeNull();
    expect(sent).toEqual([]);
  });
});
