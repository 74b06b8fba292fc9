import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { App } from "../app/App";
import type { ClientMessage, Element } from "../protocol.gen";
import { Store } from "../store";
import { loadComboboxes } from "./Select";

afterEach(() => {
  cleanup();
  vi.useRealTimers(); // a test that uses fake timers and fails midway leaves none behind
});
beforeAll(() => loadComboboxes());

const common = { help: null, disabled: false, width: null } as const;

/** The app showing `elements` after one run, and the messages it sends. */
function show(...elements: Element[]) {
  const store = new Store();
  const sent: ClientMessage[] = [];
  store.applyFrame([
    { t: "session", v: 1, session: "s", resumed: false, run_on_save: false, xsrf: "x" },
    { t: "run_start", run: 1 },
    ...elements.map((e, i) => ({ t: "el" as const, p: [0, i], e })),
    { t: "run_end", run: 1, status: "ok" },
  ]);
  render(<App store={store} send={(m) => sent.push(m)} />);
  return { store, sent };
}

describe("widgets", () => {
  it("button sends true under its id", () => {
    const { sent } = show({
      type: "button",
      id: "b1",
      label: "Go **now**",
      kind: "secondary",
      icon: null,
      submit: false,
      icon_position: "left",
      shortcut: null,
      wrap: null,
      ...common,
    });
    fireEvent.click(screen.getByRole("button", { name: "Go now" }));
    expect(sent).toEqual([{ t: "rerun", values: { b1: true } }]);
  });

  it("a checkbox with on_change='ignore' holds its change for the next rerun", () => {
    const { sent } = show(
      { type: "checkbox", id: "c1", defer: true, label: "Later", value: false, toggle: false, label_visibility: "visible", wrap: null, ...common },
      { type: "checkbox", id: "c2", label: "Now", value: false, toggle: false, label_visibility: "visible", wrap: null, ...common },
    );
    fireEvent.click(screen.getByRole("checkbox", { name: "Later" }));
    expect(sent).toEqual([]);
    expect(screen.getByRole("checkbox", { name: "Later" })).toHaveProperty("checked", true);
    fireEvent.click(screen.getByRole("checkbox", { name: "Now" }));
    expect(sent).toEqual([{ t: "rerun", values: { c1: true, c2: true } }]);
    fireEvent.click(screen.getByRole("checkbox", { name: "Now" }));
    expect(sent[1]).toEqual({ t: "rerun", values: { c2: false } });
  });

  it("checkbox sends its new state; a toggle is a switch", () => {
    const { sent } = show(
      { type: "checkbox", id: "c1", label: "Agree", value: false, toggle: false, label_visibility: "visible", wrap: null, ...common },
      { type: "checkbox", id: "c2", label: "Dark", value: true, toggle: true, label_visibility: "visible", wrap: null, ...common },
    );
    fireEvent.click(screen.getByRole("checkbox", { name: "Agree" }));
    fireEvent.click(screen.getByRole("switch", { name: "Dark" }));
    expect(sent).toEqual([
      { t: "rerun", values: { c1: true } },
      { t: "rerun", values: { c2: false } },
    ]);
    expect(screen.getByRole("checkbox", { name: "Agree" })).toHaveProperty("checked", true);
  });

  it("text input commits on Enter and on blur, once per change", () => {
    const { sent } = show({
      type: "text_input",
      id: "t1",
      label: "Name",
      value: "Ann",
      max_chars: null,
      input_type: "default",
      placeholder: null,
      autocomplete: null,
      icon: null,
      validate_pattern: null,
      validate_message: null,
      live_ms: null,
      required: false,
      label_visibility: "visible",
      ...common,
    });
    const input = screen.getByRole("textbox", { name: "Name" });
    fireEvent.blur(input);
    expect(sent).toEqual([]);
    fireEvent.change(input, { target: { value: "Bob" } });
    fireEvent.keyDown(input, { key: "Enter" });
    fireEvent.blur(input);
    expect(sent).toEqual([{ t: "rerun", values: { t1: "Bob" } }]);
  });

  it("shows a new value from the server over the user's edit", () => {
    const { store } = show({
      type: "text_input",
      id: "t1",
      label: "Name",
      value: "Ann",
      max_chars: null,
      input_type: "default",
      placeholder: null,
      autocomplete: null,
      icon: null,
      validate_pattern: null,
      validate_message: null,
      live_ms: null,
      required: false,
      label_visibility: "visible",
      ...common,
    });
    const input = screen.getByRole<HTMLInputElement>("textbox", { name: "Name" });
    fireEvent.change(input, { target: { value: "typing" } });
    act(() => store.applyFrame([{ t: "run_start", run: 2 }, { t: "keep", p: [0, 0], n: 1 }, { t: "run_end", run: 2, status: "ok" }]));
    expect(input.value).toBe("typing");
    act(() =>
      store.applyFrame([
        { t: "run_start", run: 3 },
        {
          t: "el",
          p: [0, 0],
          e: {
            type: "text_input",
            id: "t1",
            label: "Name",
            value: "Set by script",
            max_chars: null,
            input_type: "default",
            placeholder: null,
            autocomplete: null,
            icon: null,
            validate_pattern: null,
            validate_message: null,
            live_ms: null,
            required: false,
            label_visibility: "visible",
            ...common,
          },
        },
      ]),
    );
    expect(input.value).toBe("Set by script");
  });

  it("number input steps, clamps and formats", () => {
    const { sent } = show({
      type: "number_input",
      id: "n1",
      label: "Count",
      value: 9,
      min: 0,
      max: 10,
      step: 1,
      is_int: true,
      format: null,
      placeholder: null,
      icon: null,
      required: false,
      label_visibility: "visible",
      ...common,
    });
    // The step buttons are hidden from assistive technology (ArrowUp/ArrowDown do the same), so
    // they never clash with an app's own "Increment" button.
    expect(screen.queryByRole("button", { name: "Increment" })).toBeNull();
    // Streamlit's stepper hooks, which apps' CSS targets.
    fireEvent.click(document.querySelector<HTMLButtonElement>('[data-testid="stNumberInputStepUp"]')!);
    const input = screen.getByRole<HTMLInputElement>("spinbutton", { name: "Count" });
    expect(input.value).toBe("10");
    fireEvent.change(input, { target: { value: "42" } });
    fireEvent.keyDown(input, { key: "Enter" });
    expect(sent).toEqual([{ t: "rerun", values: { n1: 10 } }]);
    fireEvent.change(input, { target: { value: "3" } });
    fireEvent.blur(input);
    expect(sent.at(-1)).toEqual({ t: "rerun", values: { n1: 3 } });
  });

  it("selectbox and radio send the option index", () => {
    const { sent } = show(
      {
        type: "selectbox",
        id: "s1",
        label: "Pick",
        options: ["a", "b"],
        index: null,
        new_value: null,
        placeholder: "Choose an option",
        accept_new_options: false,
        filter_mode: "fuzzy",
        required: false,
        clearable: true,
        icon: null,
        label_visibility: "visible",
        ...common,
      },
      {
        type: "radio",
        id: "r1",
        label: "Size",
        options: ["S", "M"],
        index: 0,
        horizontal: false,
        captions: [],
        label_visibility: "visible",
        ...common,
      },
    );
    fireEvent.click(screen.getByRole("combobox", { name: "Pick" }));
    fireEvent.click(screen.getByRole("option", { name: "b" }));
    fireEvent.click(screen.getByRole("radio", { name: "M" }));
    expect(sent).toEqual([
      { t: "rerun", values: { s1: 1 } },
      { t: "rerun", values: { r1: 1 } },
    ]);
    const group = screen.getByRole("radiogroup", { name: "Size" });
    // Streamlit's hooks on the group and each option, which apps' CSS targets.
    expect(group.dataset.testid).toBe("stRadioGroup");
    expect(group.querySelectorAll('[data-testid="stRadioOption"]')).toHaveLength(screen.getAllByRole("radio").length);
  });

  it("slider sends its thumbs when released", () => {
    const { sent } = show({
      type: "slider",
      id: "sl",
      label: "Level",
      value: [2],
      min: 0,
      max: 10,
      step: 1,
      data_type: "int",
      format: null,
      label_visibility: "visible",
      ...common,
    });
    const thumb = screen.getByRole("slider", { name: "Level" });
    fireEvent.input(thumb, { target: { value: "7" } });
    expect(sent).toEqual([]);
    expect(screen.getByText("7", { selector: ".slider-value" })).toBeTruthy();
    thumb.dispatchEvent(new Event("change", { bubbles: true }));
    expect(sent).toEqual([{ t: "rerun", values: { sl: [7] } }]);
  });

  it("keeps a hidden label for screen readers", () => {
    show({
      type: "text_input",
      id: "t1",
      label: "Secret",
      value: null,
      max_chars: null,
      input_type: "password",
      placeholder: null,
      autocomplete: null,
      icon: null,
      validate_pattern: null,
      validate_message: null,
      live_ms: null,
      required: false,
      label_visibility: "hidden",
      ...common,
    });
    expect(screen.getByLabelText("Secret")).toHaveProperty("type", "password");
  });

  it("stop and rerun from the status area", () => {
    vi.useFakeTimers();
    const { store, sent } = show();
    act(() => store.applyFrame([{ t: "run_start", run: 2 }]));
    // A quick run shows nothing in the header; one that lasts shows Running… and Stop.
    expect(screen.queryByRole("button", { name: "Stop" })).toBeNull();
    act(() => vi.advanceTimersByTime(300));
    fireEvent.click(screen.getByRole("button", { name: "Stop" }));
    act(() => store.applyFrame([{ t: "run_end", run: 2, status: "stopped" }, { t: "file_changed" }]));
    fireEvent.click(screen.getByRole("button", { name: "Always rerun" }));
    fireEvent.keyDown(document.body, { key: "r" });
    expect(sent).toEqual([
      { t: "stop" },
      { t: "run_on_save", value: true },
      { t: "rerun", values: {} },
      { t: "rerun", values: {} },
    ]);
  });
});
