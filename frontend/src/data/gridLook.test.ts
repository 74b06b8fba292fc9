import { describe, expect, it } from "vitest";
import { columnWidth, HEADER_ICON_WIDTH, viewColumns } from "./gridModel";
import { withAlpha } from "./gridTheme";

const [number, text] = viewColumns(
  [
    { name: "a", index: false, kind: "int", config: null },
    { name: "label", index: false, kind: "string", config: null },
  ],
  null,
  null,
);
const measure = (s: string) => s.length * 7;

describe("the grid's look, as Streamlit's", () => {
  it("sizes a column to its title and first values, with padding, within 50 and 500 pixels", () => {
    expect(columnWidth(number!, ["1", "2"], measure)).toBe(50);
    expect(columnWidth(text!, ["a fairly long piece of text"], measure)).toBe(27 * 7 + 16);
    expect(columnWidth(text!, ["x".repeat(200)], measure)).toBe(500);
  });

  it("makes room for the editable columns' header icon", () => {
    const title = "a much longer title";
    expect(columnWidth({ ...text!, title }, [], measure, true)).toBe(title.length * 7 + 16 + HEADER_ICON_WIDTH);
  });

  it("keeps a configured width", () => {
    expect(columnWidth({ ...text!, config: { width: "medium" } }, ["x".repeat(200)], measure)).toBe(200);
  });

  it("fades the text colour for the header and the index", () => {
    expect(withAlpha("#2f2d2b", 0.7)).toBe("rgba(47, 45, 43, 0.7)");
    expect(withAlpha("#fff", 0.5)).toBe("rgba(255, 255, 255, 0.5)");
    expect(withAlpha("rgb(49, 51, 63)", 0.6)).toBe("rgba(49, 51, 63, 0.6)");
    expect(withAlpha("var(--x)", 0.6)).toBeNull();
  });
});
