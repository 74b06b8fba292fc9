import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../app/App";
import type { ClientMessage, TextInputEl } from "../protocol.gen";
import { Store } from "../store";

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const input = (over: Partial<TextInputEl>): TextInputEl => ({
  type: "text_input",
  id: "t",
  label: "Code",
  value: "",
  max_chars: null,
  input_type: "default",
  placeholder: null,
  autocomplete: null,
  icon: null,
  validate_pattern: null,
  validate_message: null,
  live_ms: null,
  required: false,
  help: null,
  disabled: false,
  label_visibility: "visible",
  width: null,
  ...over,
});

function show(el: TextInputEl) {
  const store = new Store();
  const sent: ClientMessage[] = [];
  store.applyFrame([{ t: "run_start", run: 1 }, { t: "el", p: [0, 0], e: el }, { t: "run_end", run: 1, status: "ok" }]);
  render(<App store={store} send={(m) => sent.push(m)} />);
  return sent;
}

describe("text input rules", () => {
  it("keeps a value that breaks the pattern, saying why, and sends one that matches", () => {
    const sent = show(input({ validate_pattern: "^a", validate_message: "Must start with a" }));
    const field = screen.getByLabelText("Code");
    fireEvent.change(field, { target: { value: "bad" } });
    fireEvent.keyDown(field, { key: "Enter" });
    expect(screen.getByRole("alert").textContent).toBe("Must start with a");
    expect(field.getAttribute("aria-invalid")).toBe("true");
    fireEvent.change(field, { target: { value: "abc" } });
    fireEvent.keyDown(field, { key: "Enter" });
    expect(sent).toEqual([{ t: "rerun", values: { t: "abc" } }]);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("never sends an empty required value", () => {
    const sent = show(input({ value: "x", required: true }));
    const field = screen.getByLabelText("Code");
    fireEvent.change(field, { target: { value: "" } });
    fireEvent.blur(field);
    expect(sent).toEqual([]);
  });

  it("sends after a pause in typing when live, and shows the kind's field and icon", () => {
    vi.useFakeTimers();
    const sent = show(input({ live_ms: 250, input_type: "email", icon: "✉" }));
    const field = screen.getByLabelText("Code");
    expect(field.getAttribute("type")).toBe("email");
    expect(screen.getByText("✉")).toBeTruthy();
    fireEvent.change(field, { target: { value: "a" } });
    act(() => vi.advanceTimersByTime(100));
    fireEvent.change(field, { target: { value: "ab" } });
    act(() => vi.advanceTimersByTime(249));
    expect(sent).toEqual([]);
    act(() => vi.advanceTimersByTime(1));
    expect(sent).toEqual([{ t: "rerun", values: { t: "ab" } }]);
  });
});
