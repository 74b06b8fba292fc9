import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../app/App";
import type { ClientMessage, Element, TimeInputEl } from "../protocol.gen";
import { Store } from "../store";
import { formatTime, parseTime, stepTime } from "./timeText";

afterEach(cleanup);

const time = (over: Partial<TimeInputEl>): TimeInputEl => ({
  type: "time_input",
  id: "t",
  label: "At",
  value: "20:05",
  step: 900,
  format: "24h",
  required: false,
  help: null,
  disabled: false,
  label_visibility: "visible",
  width: null,
  ...over,
});

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

describe("time text", () => {
  it("shows 24 hours by default and 12 hours with AM/PM when asked", () => {
    expect(formatTime("20:05", "24h", 900)).toBe("20:05");
    expect(formatTime("20:05", "12h", 900)).toBe("08:05 PM");
    expect(formatTime("00:30", "12h", 900)).toBe("12:30 AM");
    expect(formatTime("07:08:09", "24h", 30)).toBe("07:08:09");
  });

  it("reads times typed in the usual ways", () => {
    expect(parseTime("8:05", 900)).toBe("08:05");
    expect(parseTime("8:05 pm", 900)).toBe("20:05");
    expect(parseTime("12 AM", 900)).toBe("00:00");
    expect(parseTime("20.05", 900)).toBe("20:05");
    expect(parseTime("7:08:09", 30)).toBe("07:08:09");
    expect(parseTime("25:00", 900)).toBeNull();
    expect(parseTime("13:00 pm", 900)).toBeNull();
    expect(parseTime("soon", 900)).toBeNull();
  });

  it("moves to the next step boundary, around midnight", () => {
    expect(stepTime("10:07", 900, 1)).toBe("10:15");
    expect(stepTime("10:07", 900, -1)).toBe("10:00");
    expect(stepTime("23:50", 900, 1)).toBe("00:00");
  });
});

describe("st.time_input", () => {
  it("shows the app's format, whatever the locale, and sends 24-hour text", () => {
    const sent = show(time({}), time({ id: "u", label: "Later", format: "12h" }));
    expect(screen.getByLabelText("At")).toHaveProperty("value", "20:05");
    const later = screen.getByLabelText("Later");
    expect(later).toHaveProperty("value", "08:05 PM");
    fireEvent.change(later, { target: { value: "9:30 pm" } });
    fireEvent.keyDown(later, { key: "Enter" });
    expect(sent).toEqual([{ t: "rerun", values: { u: "21:30" } }]);
  });

  it("arrow keys step the time; a required field is never sent empty", () => {
    const sent = show(time({ required: true }));
    const field = screen.getByLabelText("At");
    fireEvent.keyDown(field, { key: "ArrowUp" });
    expect(field).toHaveProperty("value", "20:15");
    fireEvent.blur(field);
    fireEvent.change(field, { target: { value: "" } });
    fireEvent.blur(field);
    expect(sent).toEqual([{ t: "rerun", values: { t: "20:15" } }]);
  });
});
