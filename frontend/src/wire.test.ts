import { describe, expect, it } from "vitest";
import { decodeFrame } from "./wire";

describe("decodeFrame", () => {
  it("expands the short forms and passes objects through", () => {
    expect(
      decodeFrame([
        ["s", 6],
        ["s", 7, [[0, 1]]],
        ["k", [0, 0], 2],
        ["k", [0, 3], 50, 1],
        ["p", [0, 2], { body: "count: 5" }],
        { t: "el", p: [0, 4], e: { type: "empty" } },
        ["e", 6],
        ["e", 7, "error", [[0, 9]]],
      ]),
    ).toEqual([
      { t: "run_start", run: 6 },
      { t: "run_start", run: 7, scopes: [[0, 1]] },
      { t: "keep", p: [0, 0], n: 2 },
      { t: "keep", p: [0, 3], n: 50, tree: true },
      { t: "patch", p: [0, 2], e: { body: "count: 5" } },
      { t: "el", p: [0, 4], e: { type: "empty" } },
      { t: "run_end", run: 6, status: "ok", drop: [] },
      { t: "run_end", run: 7, status: "error", drop: [[0, 9]] },
    ]);
  });

  it("drops what it does not know", () => {
    expect(decodeFrame([["zz", 1], null, 3, ["s", 1]])).toEqual([{ t: "run_start", run: 1 }]);
  });
});
