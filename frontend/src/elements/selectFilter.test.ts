import { describe, expect, it } from "vitest";
import { filterOptions, lowerLabels, type FilterMode } from "./selectFilter";

// Orders read off Streamlit 1.67's own selectbox in Chromium, typing each query into a
// selectbox over these options (bench/.venv-streamlit; see bench/select_keystrokes.py).
const OPTIONS = [
  "Apple",
  "apple pie",
  "Banana",
  "Pineapple",
  "grape",
  "Grapefruit",
  "app_store",
  "A.P.P",
  "aXpXp",
  "mapping",
  "Application",
  "PAP",
];

const shown = (query: string, mode: FilterMode) =>
  filterOptions(OPTIONS, lowerLabels(OPTIONS), query, mode).map((i) => OPTIONS[i]);

describe("select filtering, as Streamlit 1.67 ranks", () => {
  it("fuzzy: in-order letters, best fzy score first", () => {
    expect(shown("ap", "fuzzy")).toEqual([
      "Apple",
      "apple pie",
      "app_store",
      "Application",
      "A.P.P",
      "PAP",
      "grape",
      "mapping",
      "Pineapple",
      "Grapefruit",
      "aXpXp",
    ]);
    expect(shown("app", "fuzzy")).toEqual([
      "Apple",
      "apple pie",
      "app_store",
      "Application",
      "A.P.P",
      "mapping",
      "Pineapple",
      "aXpXp",
    ]);
    expect(shown("pa", "fuzzy")).toEqual(["PAP", "Pineapple", "Application"]);
    expect(shown("apple", "fuzzy")).toEqual(["Apple", "apple pie", "Pineapple"]);
    expect(shown("p", "fuzzy")).toEqual([
      "PAP",
      "Pineapple",
      "apple pie",
      "A.P.P",
      "Apple",
      "grape",
      "aXpXp",
      "mapping",
      "app_store",
      "Grapefruit",
      "Application",
    ]);
  });

  it("contains and prefix: any case, in the options' order", () => {
    expect(shown("ap", "contains")).toEqual([
      "Apple",
      "apple pie",
      "Pineapple",
      "grape",
      "Grapefruit",
      "app_store",
      "mapping",
      "Application",
      "PAP",
    ]);
    expect(shown("ap", "prefix")).toEqual(["Apple", "apple pie", "app_store", "Application"]);
  });

  it("no query, or no filter mode, keeps every option", () => {
    expect(shown("", "fuzzy")).toEqual(OPTIONS);
    expect(shown("zz", null)).toEqual(OPTIONS);
    expect(shown("zz", "fuzzy")).toEqual([]);
  });

  it("searches only the candidates it is given", () => {
    const lower = lowerLabels(OPTIONS);
    expect(filterOptions(OPTIONS, lower, "ap", "prefix", [6, 0]).map((i) => OPTIONS[i])).toEqual(["app_store", "Apple"]);
  });

  it("filters 100,000 options quickly", () => {
    const many = Array.from({ length: 100_000 }, (_, i) => `Option ${i} ${(i * 7919) % 100_003}`);
    const lower = lowerLabels(many);
    const start = performance.now();
    const kept = filterOptions(many, lower, "o1", "fuzzy");
    const took = performance.now() - start;
    expect(kept.length).toBeGreaterThan(1000);
    expect(took).toBeLessThan(1000);
  });
});
