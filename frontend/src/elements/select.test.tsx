import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { App } from "../app/App";
import type { ClientMessage, Element, MultiselectEl, SelectboxEl } from "../protocol.gen";
import { Store } from "../store";
import { loadComboboxes } from "./Select";
import { ROW_HEIGHT } from "./SelectMenu";
import { insertedText } from "./Selectbox";
import { offersSelectAll } from "./Multiselect";
import { searchReply } from "./selectSearchCore";

afterEach(cleanup);
beforeAll(() => loadComboboxes());

/** The app after one run showing `elements` (a form around them when `inForm`), and what it sends. */
function show(elements: Element[], inForm = false) {
  const store = new Store();
  const sent: ClientMessage[] = [];
  const at = (i: number) => (inForm ? [0, 0, i] : [0, i]);
  store.applyFrame([
    { t: "session", v: 1, session: "s", resumed: false, run_on_save: false, xsrf: "x" },
    { t: "run_start", run: 1 },
    ...(inForm
      ? [{ t: "el" as const, p: [0, 0], e: { type: "form", form_id: "f", border: true, enter_to_submit: false, width: null, height: "content" } as Element }]
      : []),
    ...elements.map((e, i) => ({ t: "el" as const, p: at(i), e })),
    { t: "run_end", run: 1, status: "ok" },
  ]);
  render(<App store={store} send={(m) => sent.push(m)} />);
  return { sent };
}

const common = { help: null, disabled: false, width: null, label_visibility: "visible" } as const;

const FRUIT = ["Apple", "apple pie", "Banana", "Pineapple", "grape", "Grapefruit"];

const selectbox = (over: Partial<SelectboxEl> = {}): Element => ({
  type: "selectbox",
  id: "s",
  label: "Fruit",
  options: FRUIT,
  index: null,
  new_value: null,
  placeholder: "Choose an option",
  accept_new_options: false,
  filter_mode: "fuzzy",
  required: false,
  clearable: true,
  icon: null,
  ...common,
  ...over,
});

const multiselect = (over: Partial<MultiselectEl> = {}): Element => ({
  type: "multiselect",
  id: "m",
  label: "Tags",
  options: FRUIT,
  value: [],
  max_selections: null,
  accept_new_options: false,
  filter_mode: "fuzzy",
  select_all: 1000,
  wrap: null,
  placeholder: "Choose options",
  ...common,
  ...over,
});

const rows = () => within(screen.getByRole("listbox")).queryAllByRole("option").map((o) => o.textContent);
const typeInto = (box: HTMLElement, text: string) => fireEvent.change(box, { target: { value: text } });

describe("selectbox", () => {
  it("is a combobox named by its label whose typing filters and ranks the options", () => {
    show([selectbox()]);
    const box = screen.getByRole("combobox", { name: "Fruit" });
    expect(box.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(box);
    expect(box.getAttribute("aria-expanded")).toBe("true");
    expect(rows()).toEqual(FRUIT);
    typeInto(box, "ap");
    expect(rows()).toEqual(["Apple", "apple pie", "grape", "Pineapple", "Grapefruit"]);
    typeInto(box, "zz");
    expect(rows()).toEqual([]);
    expect(screen.getByText("No results")).toBeTruthy();
  });

  it("picks with the keyboard: arrows move, Enter chooses and sends the option's index", () => {
    const { sent } = show([selectbox()]);
    const box = screen.getByRole("combobox", { name: "Fruit" });
    fireEvent.keyDown(box, { key: "ArrowDown" });
    expect(box.getAttribute("aria-expanded")).toBe("true");
    typeInto(box, "ap");
    // Enter would take the first row; ArrowDown moves to the second.
    expect(box.getAttribute("aria-activedescendant")).toBe(screen.getByRole("option", { name: "Apple" }).id);
    fireEvent.keyDown(box, { key: "ArrowDown" });
    expect(box.getAttribute("aria-activedescendant")).toBe(screen.getByRole("option", { name: "apple pie" }).id);
    fireEvent.keyDown(box, { key: "Enter" });
    expect(sent).toEqual([{ t: "rerun", values: { s: 1 } }]);
    expect((box as HTMLInputElement).value).toBe("apple pie");
    expect(box.getAttribute("aria-expanded")).toBe("false");
  });

  it("picks with the pointer", () => {
    const { sent } = show([selectbox({ index: 0 })]);
    fireEvent.click(screen.getByRole("combobox", { name: "Fruit" }));
    fireEvent.click(screen.getByRole("option", { name: "Banana" }));
    expect(sent).toEqual([{ t: "rerun", values: { s: 2 } }]);
  });

  it("typing over the shown value searches for what was typed; Escape gives the search up, then clears", () => {
    const { sent } = show([selectbox({ index: 2 })]);
    const box = screen.getByRole<HTMLInputElement>("combobox", { name: "Fruit" });
    expect(box.value).toBe("Banana");
    typeInto(box, "Bananag"); // a "g" typed after the value
    expect(box.value).toBe("g");
    expect(rows()).toEqual(["grape", "Grapefruit"]);
    fireEvent.keyDown(box, { key: "Escape" });
    expect(box.value).toBe("Banana");
    fireEvent.keyDown(box, { key: "Escape" }); // clearable: a second Escape empties the field
    expect(sent).toEqual([{ t: "rerun", values: { s: null } }]);
    expect(insertedText("Banana", "Banana")).toBe("");
    expect(insertedText("Banana", "Banan")).toBeNull();
  });

  it("adds a typed value with accept_new_options: 'Add: …' comes first", () => {
    const { sent } = show([selectbox({ accept_new_options: true })]);
    const box = screen.getByRole("combobox", { name: "Fruit" });
    fireEvent.click(box);
    typeInto(box, "apple");
    expect(rows()).toEqual(["Add: apple", "Apple", "apple pie", "Pineapple"]);
    fireEvent.keyDown(box, { key: "Enter" });
    expect(sent).toEqual([{ t: "rerun", values: { s: "apple" } }]);
    // The text of an option is the option, not a new value.
    typeInto(box, "Banana");
    expect(rows()).toEqual(["Banana"]);
    fireEvent.keyDown(box, { key: "Enter" });
    expect(sent.at(-1)).toEqual({ t: "rerun", values: { s: 2 } });
  });

  it("shows a new value the server sends", () => {
    show([selectbox({ accept_new_options: true, new_value: "Kiwi" })]);
    expect(screen.getByRole<HTMLInputElement>("combobox", { name: "Fruit" }).value).toBe("Kiwi");
  });

  it("with filter_mode=None, typing does nothing but the list still opens", () => {
    show([selectbox({ filter_mode: null })]);
    const box = screen.getByRole<HTMLInputElement>("combobox", { name: "Fruit" });
    expect(box.readOnly).toBe(true);
    const key = fireEvent.keyDown(box, { key: "a" });
    expect(key).toBe(false); // prevented
    fireEvent.click(box);
    expect(rows()).toEqual(FRUIT);
  });

  it("clears with its clear button only when it may start empty", () => {
    const { sent } = show([selectbox({ index: 1 }), selectbox({ id: "t", label: "Kept", index: 1, clearable: false })]);
    expect(screen.getAllByRole("button", { name: "Clear value" }).length).toBe(1);
    fireEvent.click(screen.getByRole("button", { name: "Clear value" }));
    expect(sent).toEqual([{ t: "rerun", values: { s: null } }]);
  });

  it("required: marks its label, and holds a form's submit back while empty", () => {
    const submit: Element = {
      type: "button",
      id: "go",
      label: "Submit",
      kind: "secondary",
      icon: null,
      icon_position: "left",
      shortcut: null,
      wrap: true,
      submit: true,
      help: null,
      disabled: false,
      width: null,
    } as Element;
    const { sent } = show([selectbox({ required: true, clearable: false }), submit], true);
    expect(screen.getByText("(required)")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Submit" }));
    expect(sent).toEqual([]);
    expect(screen.getByRole("alert").textContent).toBe("This field is required.");
    const box = screen.getByRole("combobox", { name: "Fruit" });
    expect(box.getAttribute("aria-invalid")).toBe("true");
    fireEvent.click(box);
    fireEvent.click(screen.getByRole("option", { name: "grape" }));
    expect(screen.queryByRole("alert")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Submit" }));
    expect(sent).toEqual([{ t: "rerun", values: { s: 4, go: true } }]);
  });

  it("shows its icon in the field", () => {
    show([selectbox({ icon: ":material/search:" }), selectbox({ id: "t", label: "Busy", icon: "spinner" })]);
    const icons = screen.getAllByTestId("stSelectboxIcon");
    expect(icons[0]?.textContent).toBe("search");
    expect(icons[1]?.querySelector(".spinner")).toBeTruthy();
  });

  it("keeps only a window of a long list in the page, and follows the keyboard", () => {
    const many = Array.from({ length: 1000 }, (_, i) => `Option ${i}`);
    show([selectbox({ options: many })]);
    const box = screen.getByRole("combobox", { name: "Fruit" });
    fireEvent.click(box);
    const drawn = rows();
    expect(drawn.length).toBeLessThan(30);
    expect(drawn[0]).toBe("Option 0");
    fireEvent.keyDown(box, { key: "End" });
    const list = screen.getByRole("listbox");
    expect(list.scrollTop).toBe(999 * ROW_HEIGHT + ROW_HEIGHT - 300);
    fireEvent.scroll(list, { target: { scrollTop: 999 * ROW_HEIGHT - 260 } });
    expect(rows()).toContain("Option 999");
    expect(box.getAttribute("aria-activedescendant")).toBe(screen.getByRole("option", { name: "Option 999" }).id);
  });
});

describe("multiselect", () => {
  it("Backspace in the empty field removes the last chip; the chips' arrows and Delete work too", () => {
    const { sent } = show([multiselect({ value: [0, 2, 4] })]);
    const box = screen.getByRole("combobox", { name: "Tags" });
    fireEvent.keyDown(box, { key: "Backspace" });
    expect(sent).toEqual([{ t: "rerun", values: { m: [0, 2] } }]);
    fireEvent.keyDown(box, { key: "ArrowLeft" });
    const chips = within(screen.getByRole("group", { name: "Selected values" }));
    expect(document.activeElement).toBe(chips.getByLabelText("Banana"));
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: "ArrowLeft" });
    expect(document.activeElement).toBe(chips.getByLabelText("Apple"));
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: "Delete" });
    expect(sent.at(-1)).toEqual({ t: "rerun", values: { m: [2] } });
  });

  it("offers Select all, or Select N matches while searching", () => {
    const { sent } = show([multiselect({ value: [2] })]);
    const box = screen.getByRole("combobox", { name: "Tags" });
    fireEvent.click(box);
    expect(rows()[0]).toBe("Select all");
    typeInto(box, "ap");
    expect(rows()).toEqual(["Select 5 matches", "Apple", "apple pie", "grape", "Pineapple", "Grapefruit"]);
    fireEvent.keyDown(box, { key: "Enter" });
    expect(sent).toEqual([{ t: "rerun", values: { m: [2, 0, 1, 4, 3, 5] } }]);
    expect(offersSelectAll(1, -1)).toBe(false);
    expect(offersSelectAll(5, 4)).toBe(false);
    expect(offersSelectAll(5, 0)).toBe(false);
    expect(offersSelectAll(5000, -1)).toBe(true);
  });

  it("adds a typed value at the end of the list, and picks options with the pointer", () => {
    const { sent } = show([multiselect({ accept_new_options: true, select_all: 0 })]);
    const box = screen.getByRole("combobox", { name: "Tags" });
    fireEvent.click(box);
    fireEvent.click(screen.getByRole("option", { name: "Banana" }));
    expect(sent).toEqual([{ t: "rerun", values: { m: [2] } }]);
    typeInto(box, "grap");
    expect(rows()).toEqual(["grape", "Grapefruit", "Add: grap"]);
    fireEvent.click(screen.getByRole("option", { name: "Add: grap" }));
    expect(sent.at(-1)).toEqual({ t: "rerun", values: { m: [2, "grap"] } });
  });

  it("Escape first empties the search, then closes the list", () => {
    show([multiselect()]);
    const box = screen.getByRole<HTMLInputElement>("combobox", { name: "Tags" });
    fireEvent.click(box);
    typeInto(box, "ap");
    fireEvent.keyDown(box, { key: "Escape" });
    expect(box.value).toBe("");
    expect(box.getAttribute("aria-expanded")).toBe("true");
    fireEvent.keyDown(box, { key: "Escape" });
    expect(box.getAttribute("aria-expanded")).toBe("false");
  });

  it("wrap picks the chips' layout", () => {
    show([multiselect(), multiselect({ id: "n", label: "One row", wrap: false })]);
    const boxes = document.querySelectorAll(".multiselect");
    expect(boxes[0]?.classList.contains("chips-auto")).toBe(true);
    expect(boxes[1]?.classList.contains("chips-nowrap")).toBe(true);
  });
});

describe("the search worker's answers", () => {
  it("keeps each list's labels and ranks a query among the candidates", () => {
    expect(searchReply({ t: "options", list: 7, joined: FRUIT.join("\u0000") })).toBeNull();
    const reply = searchReply({ t: "filter", list: 7, seq: 3, query: "ap", mode: "fuzzy", candidates: null });
    expect(reply?.seq).toBe(3);
    expect(Array.from(reply?.result ?? [])).toEqual([0, 1, 4, 3, 5]);
    const some = searchReply({ t: "filter", list: 7, seq: 4, query: "ap", mode: "prefix", candidates: Int32Array.of(1, 2) });
    expect(Array.from(some?.result ?? [])).toEqual([1]);
    searchReply({ t: "drop", list: 7 });
    expect(Array.from(searchReply({ t: "filter", list: 7, seq: 5, query: "a", mode: "fuzzy", candidates: null })?.result ?? [])).toEqual([]);
  });
});
