import { describe, expect, it } from "vitest";
import { formatSliderValue } from "./elements/Slider";
import { formatMoment } from "./momentFormat";

const at = new Date(Date.UTC(2020, 0, 5, 14, 7, 9));

describe("formatMoment", () => {
  it("writes Streamlit's default date and time formats", () => {
    expect(formatMoment(at, "YYYY-MM-DD")).toBe("2020-01-05");
    expect(formatMoment(at, "HH:mm")).toBe("14:07");
  });

  it("writes month and day names, 12-hour clocks, ordinals and [literal] text", () => {
    expect(formatMoment(at, "ddd, MMM Do YYYY")).toBe("Sun, Jan 5th 2020");
    expect(formatMoment(at, "h:mm A")).toBe("2:07 PM");
    expect(formatMoment(at, "[Week of] MMMM D")).toBe("Week of January 5");
  });
});

describe("formatSliderValue", () => {
  it("shows dates and times from microseconds in the slider's format", () => {
    const micros = at.getTime() * 1000;
    expect(formatSliderValue(micros, { data_type: "date", format: "YYYY-MM-DD", step: 0 })).toBe("2020-01-05");
    expect(formatSliderValue(micros, { data_type: "datetime", format: "MMM D, HH:mm", step: 0 })).toBe("Jan 5, 14:07");
    expect(formatSliderValue(micros, { data_type: "time", format: "HH:mm:ss", step: 0 })).toBe("14:07:09");
  });
});
