import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../app/App";
import type { ClientMessage, Element } from "../protocol.gen";
import { Store } from "../store";

afterEach(cleanup);

const common = { help: null, disabled: false, width: null, label_visibility: "visible" } as const;

function show(...elements: Element[]) {
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

describe("required fields and the number input's icon", () => {
  it("never sends an emptied required number or text area, and shows the icon", () => {
    const sent = show(
      {
        type: "number_input",
        id: "n",
        label: "Price",
        value: 5,
        min: null,
        max: null,
        step: 1,
        is_int: true,
        format: null,
        placeholder: null,
        icon: "€",
        required: true,
        ...common,
      },
      { type: "text_area", id: "t", label: "Notes", value: "a", height: null, max_chars: null, placeholder: null, required: true, ...common },
    );
    expect(screen.getByText("€")).toBeTruthy();
    const price = screen.getByLabelText("Price");
    fireEvent.change(price, { target: { value: "" } });
    fireEvent.blur(price);
    expect(price).toHaveProperty("value", "5");
    const notes = screen.getByLabelText("Notes");
    fireEvent.change(notes, { target: { value: "" } });
    fireEvent.blur(notes);
    expect(sent).toEqual([]);
  });
});
