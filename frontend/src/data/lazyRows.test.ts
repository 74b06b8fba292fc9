import { tableFromArrays, tableToIPC } from "apache-arrow";
import { describe, expect, it } from "vitest";
import type { RowsRequestMsg } from "../protocol.gen";
import type { ArrowLike } from "./gridModel";
import { LazyRowCache, LOADING, MAX_IN_FLIGHT, MAX_WANTED } from "./lazyRows";

const CHUNK = 100;
const TOTAL = 1_000;

function rowsFrom(start: number, count: number): { table: ArrowLike; base64: string } {
  const n = Float64Array.from({ length: count }, (_v, i) => start + i);
  const table = tableFromArrays({ c0: n });
  const bytes = tableToIPC(table, "stream");
  let text = "";
  for (const b of bytes) text += String.fromCharCode(b);
  return { table: table as unknown as ArrowLike, base64: btoa(text) };
}

function setup() {
  const sent: RowsRequestMsg[] = [];
  let changes = 0;
  const cache = new LazyRowCache("src", TOTAL, CHUNK, (m) => sent.push(m), () => changes++, rowsFrom(0, CHUNK).table);
  const answer = (request: RowsRequestMsg, value = request.start) =>
    cache.receive({ t: "rows", source: "src", req: request.req, start: request.start, arrow: rowsFrom(value, request.count).base64 });
  return { cache, sent, answer, changes: () => changes };
}

describe("a lazy grid's rows", () => {
  it("draws its first rows at once and asks for a chunk when a row beyond them is drawn", () => {
    const { cache, sent, answer } = setup();
    expect(cache.value(5, 0)).toBe(5);
    expect(sent).toEqual([]);
    expect(cache.value(950, 0)).toBe(LOADING);
    expect(cache.value(951, 0)).toBe(LOADING); // the same chunk: asked for once
    expect(sent).toEqual([{ t: "rows", source: "src", req: 1, start: 900, count: CHUNK, sort: null }]);
    answer(sent[0]!);
    expect(cache.value(950, 0)).toBe(950);
    expect(cache.value(999, 0)).toBe(999);
  });

  it("keeps few requests out and asks for the rows now on screen first", () => {
    const { cache, sent, answer } = setup();
    for (let chunk = 1; chunk < 10; chunk++) cache.value(chunk * CHUNK, 0);
    expect(sent).toHaveLength(MAX_IN_FLIGHT);
    answer(sent[0]!);
    // the newest wanted chunk (the last drawn) goes next; the oldest beyond MAX_WANTED were dropped
    expect(sent[MAX_IN_FLIGHT]!.start).toBe(9 * CHUNK);
    expect(MAX_WANTED).toBeLessThan(9);
  });

  it("sorts on the server: sorted chunks replace the others, and stale answers are ignored", () => {
    const { cache, sent, answer, changes } = setup();
    cache.value(500, 0);
    const stale = sent[0]!;
    cache.setSort({ column: 0, descending: true });
    expect(changes()).toBe(1);
    expect(cache.value(0, 0)).toBe(LOADING); // even the first rows come sorted now
    const sorted = sent[1]!;
    expect(sorted).toMatchObject({ start: 0, sort: { column: 0, descending: true } });
    answer(stale, 12345);
    expect(cache.value(500, 0)).toBe(LOADING);
    answer(sent[1]!, 999);
    expect(cache.value(0, 0)).toBe(999);
    cache.setSort(null);
    expect(cache.value(3, 0)).toBe(3); // the element's own first rows again
  });

  it("shows the server's error and stops asking", () => {
    const { cache, sent } = setup();
    cache.value(300, 0);
    cache.receive({ t: "rows", source: "src", req: sent[0]!.req, start: 300, error: "this table is no longer shown" });
    expect(cache.error).toContain("no longer shown");
    cache.value(700, 0);
    expect(sent).toHaveLength(1);
  });

  it("asks for each chunk once, and for nothing past the end", () => {
    const { cache, sent, answer } = setup();
    for (let chunk = 1; chunk < 10; chunk++) {
      cache.value(chunk * CHUNK, 0);
      answer(sent[sent.length - 1]!);
    }
    expect(cache.value(TOTAL, 0)).toBeNull(); // past the end: nothing, and nothing asked
    expect(sent).toHaveLength(9);
  });
});
