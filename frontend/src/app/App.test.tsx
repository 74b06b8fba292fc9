import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { ClientMessage, PageConfigMsg } from "../protocol.gen";
import { Store } from "../store";
import { App } from "./App";
import { faviconHref, iconHref } from "./pageConfig";

afterEach(cleanup);

const config = (over: Partial<PageConfigMsg>): PageConfigMsg => ({
  t: "page_config",
  title: null,
  icon: null,
  layout: "centered",
  menu_items: { get_help: null, report_a_bug: null, about: null },
  sidebar: "auto",
  ...over,
});

function setup() {
  const store = new Store();
  const sent: ClientMessage[] = [];
  const view = render(<App store={store} send={(m) => sent.push(m)} />);
  return { store, sent, ...view };
}

describe("App", () => {
  it("shows the connection state until the session starts", () => {
    const { store } = setup();
    expect(screen.getByRole("status").textContent).toBe("Connecting…");
    act(() => store.applyFrame([{ t: "session", v: 1, session: "s", resumed: false, run_on_save: false, xsrf: "x" }]));
    expect(screen.queryByRole("status")).toBeNull();
    act(() => store.setConnection("reconnecting"));
    expect(screen.getByRole("status").textContent).toBe("Reconnecting…");
  });

  it("applies the page config: title, icon, wide layout, collapsed sidebar", () => {
    const { store, container } = setup();
    act(() =>
      store.applyFrame([
        config({ title: "My app", icon: "🎈", layout: "wide", sidebar: "collapsed" }),
        { t: "run_start", run: 1 },
        { t: "el", p: [1, 0], e: { type: "text", body: "in the sidebar", help: null, width: null, text_alignment: "left", wrap: true } },
      ]),
    );
    expect(document.title).toBe("My app");
    expect(document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href).toContain("data:image/svg+xml");
    expect(container.querySelector(".app")?.classList.contains("wide")).toBe(true);
    expect(screen.getByRole("button", { name: "Open sidebar" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Open sidebar" }));
    expect(screen.getByRole("complementary", { name: "Sidebar" }).textContent).toContain("in the sidebar");
  });

  it("reruns from the main menu", () => {
    const { sent } = setup();
    fireEvent.click(screen.getByRole("button", { name: "Main menu" }));
    fireEvent.click(screen.getByRole("menuitem", { name: /Rerun/ }));
    expect(sent).toEqual([{ t: "rerun", values: {} }]);
    expect(screen.queryByRole("menu")).toBeNull();
  });

  it("clears the cache from the main menu, then reruns", () => {
    const { sent } = setup();
    fireEvent.click(screen.getByRole("button", { name: "Main menu" }));
    const menu = screen.getByRole("menu", { name: "Main menu" });
    expect(document.activeElement?.textContent).toContain("Rerun");
    fireEvent.keyDown(menu, { key: "ArrowDown" });
    expect(document.activeElement?.textContent).toBe("Clear cache C");
    fireEvent.keyDown(menu, { key: "End" });
    expect(document.activeElement?.textContent).toBe("Print");
    fireEvent.keyDown(menu, { key: "Home" });
    fireEvent.click(screen.getByRole("menuitem", { name: /Clear cache/ }));
    expect(sent).toEqual([{ t: "clear_cache" }, { t: "rerun", values: {} }]);
    expect(screen.queryByRole("menu")).toBeNull();
  });

  it("clears the cache with C and hides the menu in minimal toolbar mode", () => {
    const { sent, store } = setup();
    fireEvent.keyDown(document.body, { key: "c" });
    expect(sent).toEqual([{ t: "clear_cache" }, { t: "rerun", values: {} }]);
    const client = { toolbar_mode: "minimal" as const, show_sidebar_navigation: true, disable_data_export: false, theme: {} };
    act(() => store.applyFrame([{ t: "session", v: 1, session: "s", resumed: false, run_on_save: false, xsrf: "x", client }]));
    expect(screen.queryByRole("button", { name: "Main menu" })).toBeNull();
  });

  it("shows menu_items by toolbar mode, and the About dialog", () => {
    const { store } = setup();
    const menu_items = { get_help: "https://example.com/help", report_a_bug: "mailto:a@example.com", about: "**Made** here" };
    const session = (toolbar_mode: "viewer" | "minimal") => ({
      t: "session" as const, v: 1, session: "s", resumed: false, run_on_save: false, xsrf: "x",
      client: { toolbar_mode, show_sidebar_navigation: true, disable_data_export: false, theme: {} },
    });
    act(() => store.applyFrame([session("viewer"), config({ menu_items })]));
    fireEvent.click(screen.getByRole("button", { name: "Main menu" }));
    const names = () => screen.getAllByRole("menuitem").map((item) => item.textContent);
    expect(names()).toEqual(["Settings", "Print", "About", "Report a bug", "Get help"]);
    fireEvent.click(screen.getByRole("menuitem", { name: "About" }));
    expect(screen.getByRole("dialog", { name: "About" }).textContent).toContain("here");
    fireEvent.click(screen.getByRole("button", { name: "Close" }));
    act(() => store.applyFrame([session("minimal"), config({ menu_items })]));
    fireEvent.click(screen.getByRole("button", { name: "Main menu" }));
    expect(names()).toEqual(["Report a bug", "Get help", "About"]);
  });

  it("keeps the theme and wide mode chosen in Settings across a reload (localStorage)", () => {
    setup();
    fireEvent.click(screen.getByRole("button", { name: "Main menu" }));
    fireEvent.click(screen.getByRole("menuitem", { name: "Settings" }));
    fireEvent.change(screen.getByRole("combobox", { name: "App theme" }), { target: { value: "dark" } });
    fireEvent.click(screen.getByRole("checkbox", { name: "Wide mode" }));
    expect(document.documentElement.dataset.theme).toBe("dark");
    expect(JSON.parse(localStorage.getItem("slipstream.settings") ?? "{}")).toEqual({ theme: "dark", wide: true });
    expect(document.querySelector(".app")?.classList.contains("wide")).toBe(true);
  });

  it("keeps the session's id and upload token", () => {
    const { store } = setup();
    act(() => store.applyFrame([{ t: "session", v: 1, session: "s", resumed: false, run_on_save: false, xsrf: "x" }]));
    const first = store.getState().session;
    expect(first).toEqual({ id: "s", xsrf: "x" });
    act(() => store.applyFrame([{ t: "session", v: 1, session: "s", resumed: true, run_on_save: false, xsrf: "x" }]));
    expect(store.getState().session).toBe(first);
  });

  it("does not rerun on R typed into a field", () => {
    const { sent } = setup();
    const input = document.createElement("input");
    document.body.appendChild(input);
    fireEvent.keyDown(input, { key: "r" });
    input.remove();
    expect(sent).toEqual([]);
  });

  it("draws an emoji icon, keeps an image URL", () => {
    expect(iconHref("https://x.y/icon.png")).toBe("https://x.y/icon.png");
    expect(decodeURIComponent(iconHref("🚀"))).toContain("🚀");
  });

  it("draws the emoji of a shortcode page icon, by GitHub's names and emojilib's", async () => {
    expect(decodeURIComponent(await faviconHref(":taxi:"))).toContain("🚕");
    expect(decodeURIComponent(await faviconHref(":earth_americas:"))).toContain("🌎");
    expect(decodeURIComponent(await faviconHref(":partying:"))).toContain("🥳");
    expect(decodeURIComponent(await faviconHref(":nope_nope:"))).not.toContain("nope");
  });
});
