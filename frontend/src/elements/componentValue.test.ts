import { describe, expect, it } from "vitest";
import { MAX_COMPONENT_VALUE_BYTES, toComponentValue } from "./componentValue";

describe("toComponentValue", () => {
  it("sends JSON as plain data, undefined as null", () => {
    expect(toComponentValue({ a: [1, "b"], skip: undefined }, "json")).toEqual({ json: { a: [1, "b"] } });
    expect(toComponentValue(undefined, undefined)).toEqual({ json: null });
  });

  it("sends bytes and Arrow tables as base64", () => {
    expect(toComponentValue(new Uint8Array([0, 1, 255]), "bytes")).toEqual({ bytes: "AAH/" });
    expect(toComponentValue(new Uint16Array([1]).buffer, "bytes")).toEqual({ bytes: "AQA=" });
    expect(toComponentValue({ data: new Uint8Array([7]) }, "dataframe")).toEqual({ arrow: "Bw==" });
    // An ArrowTable's three streams, so that the index and the column labels come back too
    const table = { data: new Uint8Array([7]), index: new Uint8Array([8]), columns: new Uint8Array([9]) };
    expect(toComponentValue(table, "dataframe")).toEqual({ arrow: { data: "Bw==", index: "CA==", columns: "CQ==" } });
  });

  it("refuses what cannot be sent", () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(toComponentValue(cycle, "json")).toBeNull();
    expect(toComponentValue(1, "nonsense")).toBeNull();
    expect(toComponentValue("not bytes", "bytes")).toBeNull();
    expect(toComponentValue("x".repeat(MAX_COMPONENT_VALUE_BYTES + 1), "json")).toBeNull();
  });
});
