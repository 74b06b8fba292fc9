import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { ClientMessage, ClientSettings, PageConfigMsg } from "../protocol.gen";
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

function setup({ connected = true } = {}) {
  const store = new Store();
  if (connected) store.setConnection("connected");
  const sent: ClientMessage[] = [];
  const view = render(<App store={store} send={(m) => sent.push(m)} />);
  return { store, sent, ...view };
}

const client = (over: Partial<ClientSettings> = {}): ClientSettings => ({
  toolbar_mode: "auto",
  show_sidebar_navigation: true,
  disable_data_export: false,
  theme: {},
  theme_switcher: true,
  version: "1.2.3",
  ...over,
});

const session = (over: Partial<ClientSettings> = {}, run_on_save = false) => ({
  t: "session" as const, v: 1, session: "s", resumed: false, run_on_save, xsrf: "x", client: client(over),
});

describe("App", () => {
  it("shows the connection state until the session starts", () => {
    const { store } = setup({ connected: false });
    expect(screen.getByRole("status").textContent).toBe("Connecting…");
    act(() => store.setConnection("connected"));
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

  it("clears the cache from the main menu, then reruns; arrow keys go through every item", () => {
    const { sent } = setup();
    fireEvent.click(screen.getByRole("button", { name: "Main menu" }));
    const menu = screen.getByRole("menu", { name: "Main menu" });
    expect(document.activeElement?.textContent).toContain("System");
    fireEvent.keyDown(menu, { key: "ArrowDown" });
    expect(document.activeElement?.textContent).toContain("Light");
    fireEvent.keyDown(menu, { key: "End" });
    expect(document.activeElement?.textContent).toBe("Print");
    fireEvent.keyDown(menu, { key: "Home" });
    fireEvent.click(screen.getByRole("menuitem", { name: /Clear cache/ }));
    expect(sent).toEqual([{ t: "clear_cache" }, { t: "rerun", values: {} }]);
    expect(screen.queryByRole("menu")).toBeNull();
  });

  it("lists 1.67's sections: theme switcher, Rerun and Auto rerun, Clear cache, Print", () => {
    setup();
    fireEvent.click(screen.getByRole("button", { name: "Main menu" }));
    const menu = screen.getByRole("menu", { name: "Main menu" });
    const parts = Array.from(menu.children).map((child) =>
      child.getAttribute("role") === "separator" ? "|" : (child.getAttribute("data-testid") ?? ""),
    );
    expect(parts).toEqual([
      "stThemeSwitcher", "|", "stMainMenuItem-rerun", "stMainMenuItem-autoRerun", "|", "stMainMenuItem-clearCache", "|",
      "stMainMenuItem-print",
    ]);
    expect(screen.queryByRole("menuitem", { name: "Settings" })).toBeNull();
  });

  it("disables the developer items while disconnected", () => {
    const { sent } = setup({ connected: false });
    fireEvent.click(screen.getByRole("button", { name: "Main menu" }));
    const rerun = screen.getByRole("menuitem", { name: /Rerun/ });
    expect(rerun.getAttribute("aria-disabled")).toBe("true");
    fireEvent.click(rerun);
    expect(sent).toEqual([]);
  });

  it("switches run on save with Auto rerun, leaving the menu open", () => {
    const { store, sent } = setup();
    act(() => store.applyFrame([session()]));
    fireEvent.click(screen.getByRole("button", { name: "Main menu" }));
    const toggle = screen.getByRole("menuitemcheckbox", { name: "Auto rerun" });
    expect(toggle.getAttribute("aria-checked")).toBe("false");
    fireEvent.click(toggle);
    expect(sent).toEqual([{ t: "run_on_save", value: true }]);
    expect(screen.getByRole("menu")).toBeTruthy();
    expect(screen.getByRole("menuitemcheckbox", { name: "Auto rerun" }).getAttribute("aria-checked")).toBe("true");
    act(() => store.applyFrame([session({}, false)]));
    expect(screen.getByRole("menuitemcheckbox", { name: "Auto rerun" }).getAttribute("aria-checked")).toBe("false");
  });

  it("clears the cache with C and hides the menu in minimal toolbar mode", () => {
    const { sent, store } = setup();
    fireEvent.keyDown(document.body, { key: "c" });
    expect(sent).toEqual([{ t: "clear_cache" }, { t: "rerun", values: {} }]);
    act(() => store.applyFrame([session({ toolbar_mode: "minimal" })]));
    expect(screen.queryByRole("button", { name: "Main menu" })).toBeNull();
  });

  it("shows menu_items by toolbar mode, and the About dialog", () => {
    const { store } = setup();
    const menu_items = { get_help: "https://example.com/help", report_a_bug: "mailto:a@example.com", about: "**Made** here" };
    act(() => store.applyFrame([session({ toolbar_mode: "viewer" }), config({ menu_items })]));
    fireEvent.click(screen.getByRole("button", { name: "Main menu" }));
    const names = () => screen.getAllByRole("menuitem").map((item) => item.textContent);
    expect(names()).toEqual(["Print", "About", "Report a bug", "Get help"]);
    fireEvent.click(screen.getByRole("menuitem", { name: "About" }));
    expect(screen.getByRole("dialog", { name: "About" }).textContent).toContain("here");
    fireEvent.click(screen.getByRole("button", { name: "Close" }));
    act(() => store.applyFrame([session({ toolbar_mode: "minimal" }), config({ menu_items })]));
    fireEvent.click(screen.getByRole("button", { name: "Main menu" }));
    expect(names()).toEqual(["Report a bug", "Get help", "About"]);
    expect(screen.getAllByRole("menuitemradio")).toHaveLength(3);
  });

  it("keeps the theme chosen in the menu across a reload (localStorage), not for a custom theme alone", () => {
    const { store } = setup();
    act(() => store.applyFrame([session()]));
    fireEvent.click(screen.getByRole("button", { name: "Main menu" }));
    fireEvent.click(screen.getByRole("menuitemradio", { name: "Dark" }));
    expect(screen.getByRole("menuitemradio", { name: "Dark" }).getAttribute("aria-checked")).toBe("true");
    expect(document.documentElement.dataset.theme).toBe("dark");
    expect(JSON.parse(localStorage.getItem("slipstream.settings") ?? "{}")).toEqual({ theme: "dark" });
    // [theme] with no light/dark variant: no switcher, and the saved choice does not apply
    act(() => store.applyFrame([session({ theme_switcher: false, theme: { theme: { primaryColor: "#00f" } } })]));
    expect(screen.queryByRole("group", { name: "Theme" })).toBeNull();
    expect(document.documentElement.dataset.theme).toBe("light");
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
