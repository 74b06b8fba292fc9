import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { App } from "../app/App";
import type { ClientMessage, Element, ServerMessage } from "../protocol.gen";
import { Store } from "../store";
import { formatDate } from "./DateInput";
import { loadComboboxes } from "./Select";

afterEach(cleanup);
beforeAll(() => loadComboboxes());

const common = { help: null, disabled: false, width: null, label_visibility: "visible" } as const;

/** The app after one run putting each [path, element] in place, and the messages it sends. */
function showAt(...placed: [number[], Element][]) {
  const store = new Store();
  const sent: ClientMessage[] = [];
  store.applyFrame([
    { t: "session", v: 1, session: "s", resumed: false, run_on_save: false, xsrf: "x" },
    { t: "run_start", run: 1 },
    ...placed.map(([p, e]) => ({ t: "el" as const, p, e })),
    { t: "run_end", run: 1, status: "ok" },
  ]);
  render(<App store={store} send={(m) => sent.push(m)} />);
  return { store, sent };
}

const show = (...elements: Element[]) => showAt(...elements.map((e, i): [number[], Element] => [[0, i], e]));

const textInput = (id: string, label: string, value: string | null = null): Element => ({
  type: "text_input",
  id,
  label,
  value,
  max_chars: null,
  input_type: "default",
  placeholder: null,
  autocomplete: null,
  icon: null,
  validate_pattern: null,
  validate_message: null,
  live_ms: null,
  required: false,
  ...common,
});

const form = (enter_to_submit = false): Element => ({
  type: "form",
  form_id: "f",
  border: true,
  enter_to_submit,
  width: null,
  height: "content",
});

const submitButton = (id: string, label = "Submit"): Element => ({
  type: "button",
  id,
  label,
  kind: "secondary",
  icon: null,
  submit: true,
  icon_position: "left",
  shortcut: null,
  wrap: null,
  help: null,
  disabled: false,
  width: null,
});

const checkbox = (id: string, label: string): Element => ({
  type: "checkbox",
  id,
  label,
  value: false,
  wrap: null,
  toggle: false,
  ...common,
});

describe("forms", () => {
  it("batch the values of their widgets into one message on submit", () => {
    const { sent } = showAt(
      [[0, 0], form()],
      [[0, 0, 0], textInput("name", "Name")],
      [[0, 0, 1], checkbox("agree", "Agree")],
      [[0, 0, 2], submitButton("go")],
      [[0, 1], checkbox("outside", "Outside")],
    );
    const name = screen.getByRole("textbox", { name: "Name" });
    fireEvent.change(name, { target: { value: "Ann" } });
    fireEvent.keyDown(name, { key: "Enter" });
    fireEvent.blur(name);
    fireEvent.click(screen.getByRole("checkbox", { name: "Agree" }));
    expect(sent).toEqual([]);
    // A widget outside the form still sends at once.
    fireEvent.click(screen.getByRole("checkbox", { name: "Outside" }));
    expect(sent).toEqual([{ t: "rerun", values: { outside: true } }]);
    fireEvent.click(screen.getByRole("button", { name: "Submit" }));
    expect(sent.slice(1)).toEqual([{ t: "rerun", values: { name: "Ann", agree: true, go: true } }]);
    // The pending values were sent once: a second submit only clicks.
    fireEvent.click(screen.getByRole("button", { name: "Submit" }));
    expect(sent.at(-1)).toEqual({ t: "rerun", values: { go: true } });
  });

  it("submit on Enter in a text field with enter_to_submit, through the first submit button", () => {
    const { sent } = showAt(
      [[0, 0], form(true)],
      [[0, 0, 0], textInput("name", "Name")],
      [[0, 0, 1], submitButton("first", "Save")],
      [[0, 0, 2], submitButton("second", "Save as")],
    );
    const name = screen.getByRole("textbox", { name: "Name" });
    fireEvent.change(name, { target: { value: "Bo" } });
    expect(screen.getByText("Press Enter to submit form")).toBeTruthy();
    fireEvent.keyDown(name, { key: "Enter" });
    expect(sent).toEqual([{ t: "rerun", values: { name: "Bo", first: true } }]);
  });

  it("do not submit on Enter without enter_to_submit", () => {
    const { sent } = showAt(
      [[0, 0], form(false)],
      [[0, 0, 0], textInput("name", "Name")],
      [[0, 0, 1], submitButton("go")],
    );
    const name = screen.getByRole("textbox", { name: "Name" });
    fireEvent.change(name, { target: { value: "Bo" } });
    fireEvent.keyDown(name, { key: "Enter" });
    expect(sent).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Submit" }));
    expect(sent).toEqual([{ t: "rerun", values: { name: "Bo", go: true } }]);
  });

  it("show the server's values after the run a submit causes (clear_on_submit)", () => {
    const { store } = showAt(
      [[0, 0], form()],
      [[0, 0, 0], textInput("name", "Name", "")],
      [[0, 0, 1], submitButton("go")],
    );
    const name = screen.getByRole<HTMLInputElement>("textbox", { name: "Name" });
    fireEvent.change(name, { target: { value: "Ann" } });
    fireEvent.click(screen.getByRole("button", { name: "Submit" }));
    expect(name.value).toBe("Ann");
    // The server cleared the field: it resends the same value, so only `keep` arrives.
    const frames: ServerMessage[][] = [
      [{ t: "run_start", run: 2 }],
      [
        { t: "keep", p: [0, 0], n: 1 },
        { t: "keep", p: [0, 0, 0], n: 2 },
        { t: "run_end", run: 2, status: "ok" },
      ],
    ];
    act(() => store.applyFrame(frames[0] ?? []));
    expect(name.value).toBe("Ann");
    act(() => store.applyFrame(frames[1] ?? []));
    expect(name.value).toBe("");
  });
});

describe("text area", () => {
  const area: Element = {
    type: "text_area",
    id: "ta",
    label: "Notes",
    value: "a",
    height: null,
    max_chars: 10,
    placeholder: "Write",
    required: false,
    ...common,
  };

  it("commits on Ctrl+Enter and blur, not on plain Enter", () => {
    const { sent } = show(area);
    const box = screen.getByRole<HTMLTextAreaElement>("textbox", { name: "Notes" });
    expect(box.maxLength).toBe(10);
    expect(box.placeholder).toBe("Write");
    fireEvent.change(box, { target: { value: "a\nb" } });
    fireEvent.keyDown(box, { key: "Enter" });
    expect(sent).toEqual([]);
    expect(screen.getByText("3/10")).toBeTruthy();
    fireEvent.keyDown(box, { key: "Enter", ctrlKey: true });
    fireEvent.blur(box);
    expect(sent).toEqual([{ t: "rerun", values: { ta: "a\nb" } }]);
    fireEvent.change(box, { target: { value: "c" } });
    fireEvent.blur(box);
    expect(sent.at(-1)).toEqual({ t: "rerun", values: { ta: "c" } });
  });
});

describe("multiselect", () => {
  const multi = (over: Partial<Extract<Element, { type: "multiselect" }>> = {}): Element => ({
    type: "multiselect",
    id: "m",
    label: "Fruit",
    options: ["Apple", "Banana", "Cherry"],
    value: [0],
    max_selections: null,
    accept_new_options: false,
    filter_mode: "fuzzy",
    select_all: 0,
    wrap: null,
    placeholder: "Choose options",
    ...common,
    ...over,
  });

  it("adds options from the filtered list and removes chips", () => {
    const { sent } = show(multi());
    expect(screen.getByText("Apple")).toBeTruthy();
    const input = screen.getByRole("combobox", { name: "Fruit" });
    fireEvent.click(input);
    const list = screen.getByRole("listbox");
    expect(within(list).getAllByRole("option").map((o) => o.textContent)).toEqual(["Banana", "Cherry"]);
    fireEvent.change(input, { target: { value: "ch" } });
    expect(within(list).getAllByRole("option").map((o) => o.textContent)).toEqual(["Cherry"]);
    fireEvent.keyDown(input, { key: "Enter" });
    expect(sent).toEqual([{ t: "rerun", values: { m: [0, 2] } }]);
    // Keyboard: ArrowDown moves through the remaining options.
    fireEvent.keyDown(input, { key: "ArrowDown" });
    expect(input.getAttribute("aria-activedescendant")).toBe(screen.getByRole("option", { name: "Banana" }).id);
    fireEvent.click(screen.getByRole("button", { name: "Remove Apple" }));
    expect(sent.at(-1)).toEqual({ t: "rerun", values: { m: [2] } });
    fireEvent.keyDown(input, { key: "Backspace" });
    expect(sent.at(-1)).toEqual({ t: "rerun", values: { m: [] } });
    expect((input as HTMLInputElement).placeholder).toBe("Choose options");
  });

  it("stops offering options at max_selections and says so", () => {
    const { sent } = show(multi({ max_selections: 2 }));
    const input = screen.getByRole("combobox", { name: "Fruit" });
    fireEvent.click(input);
    fireEvent.click(screen.getByRole("option", { name: "Banana" }));
    expect(sent).toEqual([{ t: "rerun", values: { m: [0, 1] } }]);
    expect(screen.queryAllByRole("option")).toEqual([]);
    expect(screen.getAllByText("You can only select up to 2 options. Remove an option first.").length).toBeGreaterThan(0);
    fireEvent.keyDown(input, { key: "Enter" });
    expect(sent.length).toBe(1);
  });

  it("accepts new options as strings", () => {
    const { sent } = show(multi({ accept_new_options: true, value: [0, "Kiwi"] }));
    expect(screen.getByRole("button", { name: "Remove Kiwi" })).toBeTruthy();
    const input = screen.getByRole("combobox", { name: "Fruit" });
    fireEvent.click(input);
    fireEvent.change(input, { target: { value: "Mango" } });
    expect(screen.getByRole("option", { name: "Add: Mango" })).toBeTruthy();
    fireEvent.keyDown(input, { key: "Enter" });
    expect(sent).toEqual([{ t: "rerun", values: { m: [0, "Kiwi", "Mango"] } }]);
    // Typing an existing option's label picks the option itself.
    fireEvent.change(input, { target: { value: "Banana" } });
    fireEvent.keyDown(input, { key: "Enter" });
    expect(sent.at(-1)).toEqual({ t: "rerun", values: { m: [0, "Kiwi", "Mango", 1] } });
  });
});

describe("button group", () => {
  const group = (over: Partial<Extract<Element, { type: "button_group" }>> = {}): Element => ({
    type: "button_group",
    id: "g",
    label: "Size",
    wrap: null,
    style: "pills",
    options: ["S", "M", "**L**"],
    value: [],
    multi: false,
    required: false,
    ...common,
    ...over,
  });

  it("single: selects one, unselects on a second click", () => {
    const { sent } = show(group());
    expect(screen.getByRole("group", { name: "Size" })).toBeTruthy();
    const m = screen.getByRole("button", { name: "M" });
    fireEvent.click(m);
    expect(m.getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(screen.getByRole("button", { name: "L" }));
    expect(m.getAttribute("aria-pressed")).toBe("false");
    fireEvent.click(screen.getByRole("button", { name: "L" }));
    expect(sent).toEqual([
      { t: "rerun", values: { g: [1] } },
      { t: "rerun", values: { g: [2] } },
      { t: "rerun", values: { g: [] } },
    ]);
  });

  it("required: the chosen option stays chosen", () => {
    const { sent } = show(group({ style: "segmented", value: [0], required: true }));
    fireEvent.click(screen.getByRole("button", { name: "S" }));
    expect(sent).toEqual([]);
    expect(screen.getByRole("button", { name: "S" }).getAttribute("aria-pressed")).toBe("true");
  });

  it("multi: toggles each option", () => {
    const { sent } = show(group({ multi: true, value: [2] }));
    fireEvent.click(screen.getByRole("button", { name: "S" }));
    fireEvent.click(screen.getByRole("button", { name: "L" }));
    expect(sent).toEqual([
      { t: "rerun", values: { g: [0, 2] } },
      { t: "rerun", values: { g: [0] } },
    ]);
  });

  it("draws a leading icon apart from the label; an icon alone names its option", () => {
    show(group({ style: "segmented", options: [":material/light_mode:", ":material/star: Star"] }));
    const light = screen.getByRole("button", { name: "light_mode icon" });
    expect(light.querySelector(".icon.material-icon")?.textContent).toBe("light_mode");
    const star = screen.getByRole("button", { name: "Star" });
    expect(star.querySelector(".icon.material-icon")?.textContent).toBe("star");
  });

  it("feedback styles draw labelled icons", () => {
    const { sent } = show(
      group({ id: "t", label: "", style: "thumbs", options: [] }),
      group({ id: "f", label: "Mood", style: "faces", options: [] }),
      group({ id: "s", label: "Rating", style: "stars", options: [] }),
    );
    fireEvent.click(screen.getByRole("button", { name: "thumbs up" }));
    fireEvent.click(screen.getByRole("button", { name: "very satisfied" }));
    fireEvent.click(screen.getByRole("button", { name: "3 stars" }));
    expect(screen.getByRole("button", { name: "thumbs down" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "1 star" })).toBeTruthy();
    expect(sent).toEqual([
      { t: "rerun", values: { t: [1] } },
      { t: "rerun", values: { f: [4] } },
      { t: "rerun", values: { s: [2] } },
    ]);
  });
});

describe("select slider", () => {
  it("moves over option labels and sends indices on change", () => {
    const { sent } = show({
      type: "select_slider",
      id: "ss",
      label: "Color",
      options: ["red", "orange", "yellow", "green"],
      value: [1, 2],
      ...common,
    });
    const start = screen.getByRole("slider", { name: "Color (start)" });
    const end = screen.getByRole("slider", { name: "Color (end)" });
    expect(start.getAttribute("aria-valuetext")).toBe("orange");
    expect(end.getAttribute("max")).toBe("3");
    fireEvent.input(end, { target: { value: "3" } });
    expect(end.getAttribute("aria-valuetext")).toBe("green");
    expect(sent).toEqual([]);
    end.dispatchEvent(new Event("change", { bubbles: true }));
    expect(sent).toEqual([{ t: "rerun", values: { ss: [1, 3] } }]);
    // The start thumb cannot pass the end thumb.
    fireEvent.input(start, { target: { value: "3" } });
    start.dispatchEvent(new Event("change", { bubbles: true }));
    expect(sent.at(-1)).toEqual({ t: "rerun", values: { ss: [3, 3] } });
  });
});

describe("date, time and colour", () => {
  it("date range sends one or two dates", () => {
    const { sent } = show({
      type: "date_input",
      id: "d",
      label: "Trip",
      value: [],
      is_range: true,
      min: "2020-01-01",
      max: "2030-12-31",
      format: "DD.MM.YYYY",
      required: false,
      ...common,
    });
    expect(screen.getByRole("group", { name: "Trip" })).toBeTruthy();
    const start = screen.getByLabelText("start");
    const end = screen.getByLabelText("end");
    fireEvent.change(start, { target: { value: "2024-05-01" } });
    // Shown as Streamlit does: number segments with fainter separators between them.
    const shown = start.parentElement?.querySelector(".date-formatted");
    expect(shown?.textContent).toBe("01.05.2024");
    expect([...(shown?.children ?? [])].map((part) => part.className)).toEqual(["date-part", "date-sep", "date-part", "date-sep", "date-part"]);
    fireEvent.change(end, { target: { value: "2024-05-09" } });
    expect(sent).toEqual([
      { t: "rerun", values: { d: ["2024-05-01"] } },
      { t: "rerun", values: { d: ["2024-05-01", "2024-05-09"] } },
    ]);
  });

  it("single date sends [iso], or [] when cleared; time sends HH:MM or null", () => {
    const { sent } = show(
      {
        type: "date_input",
        id: "d",
        label: "Day",
        value: ["2024-01-02"],
        is_range: false,
        min: "2014-01-02",
        max: "2034-01-02",
        format: "YYYY/MM/DD",
        required: false,
        ...common,
      },
      { type: "time_input", id: "t", label: "At", value: "10:00", step: 900, format: "24h", required: false, ...common },
    );
    const day = screen.getByLabelText("Day");
    fireEvent.change(day, { target: { value: "2024-02-03" } });
    fireEvent.change(day, { target: { value: "" } });
    const at = screen.getByLabelText("At");
    expect(at).toHaveProperty("value", "10:00");
    fireEvent.change(at, { target: { value: "11:30" } });
    fireEvent.blur(at);
    fireEvent.change(at, { target: { value: "" } });
    fireEvent.blur(at);
    expect(sent).toEqual([
      { t: "rerun", values: { d: ["2024-02-03"] } },
      { t: "rerun", values: { d: [] } },
      { t: "rerun", values: { t: "11:30" } },
      { t: "rerun", values: { t: null } },
    ]);
  });

  it("formats dates", () => {
    expect(formatDate("2024-05-09", "MM/DD/YYYY")).toBe("05/09/2024");
    expect(formatDate("2024-05-09", "YYYY-MM-DD")).toBe("2024-05-09");
  });

  it("colour picker sends #rrggbb on change", () => {
    const { sent } = show({ type: "color_picker", id: "c", label: "Tint", value: "#FF0000", ...common });
    const input = screen.getByLabelText<HTMLInputElement>("Tint");
    expect(input.value).toBe("#ff0000");
    fireEvent.change(input, { target: { value: "#00ff00" } });
    expect(sent).toEqual([{ t: "rerun", values: { c: "#00ff00" } }]);
  });
});

describe("link and download buttons", () => {
  it("link button opens its url in a new tab, and sends its click only when it reruns", () => {
    const link = (id: string | null, label: string): Element => ({
      type: "link_button",
      id,
      label,
      url: "https://example.com/",
      kind: "primary",
      icon: null,
      icon_position: "left",
      shortcut: null,
      wrap: null,
      ...common,
    });
    const { sent } = show(link(null, "Docs"), link("lb", "Tracked"));
    const docs = screen.getByRole("link", { name: "Docs" });
    expect(docs.getAttribute("href")).toBe("https://example.com/");
    expect(docs.getAttribute("target")).toBe("_blank");
    fireEvent.click(docs);
    expect(sent).toEqual([]);
    fireEvent.click(screen.getByRole("link", { name: "Tracked" }));
    expect(sent).toEqual([{ t: "rerun", values: { lb: true } }]);
  });

  it("download button downloads, then sends its click when rerun is set", () => {
    const clicks: { href: string; download: string }[] = [];
    const spy = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.getAttribute("href") ?? "", download: this.download });
    });
    const button = (id: string, rerun: boolean): Element => ({
      type: "download_button",
      id,
      label: `Get ${id}`,
      url: "/_slipstream/blob/abc.csv",
      file_name: "data.csv",
      rerun,
      kind: "secondary",
      icon: null,
      icon_position: "left",
      shortcut: null,
      wrap: null,
      ...common,
    });
    const { sent } = show(button("a", true), button("b", false));
    fireEvent.click(screen.getByRole("button", { name: "Get a" }));
    fireEvent.click(screen.getByRole("button", { name: "Get b" }));
    spy.mockRestore();
    expect(clicks).toEqual([
      { href: "/_slipstream/blob/abc.csv", download: "data.csv" },
      { href: "/_slipstream/blob/abc.csv", download: "data.csv" },
    ]);
    expect(sent).toEqual([{ t: "rerun", values: { a: true } }]);
  });
});
