/** A lazy grid's rows (st.dataframe(lazy=...)): the server keeps the table; the grid asks for
 * the chunks of rows it draws, a few at a time, newest first, and keeps a bounded number of
 * them. Sorting asks the server for sorted chunks and forgets the others. */
import { tableFromIPC } from "apache-arrow";
import { useEffect, useMemo, useState } from "react";
import type { LazyGrid, RowSort, RowsMsg, RowsRequestMsg } from "../protocol.gen";
import { useSend } from "../send";
import type { ArrowLike } from "./gridModel";
import { onRows } from "./rowReplies";

/** A row the grid knows of but has not loaded yet. */
export const LOADING = Symbol("loading");

/** Chunks kept (a chunk is `lazy.chunk` rows, 1,000 unless the rows are wide). */
export const MAX_CHUNKS = 64;
/** Requests out at once: the server answers a tab's requests one at a time anyway. */
export const MAX_IN_FLIGHT = 2;
/** Chunks waiting to be asked for; scrolling fast leaves older ones behind. */
export const MAX_WANTED = 8;

function decode(base64: string): ArrowLike {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return tableFromIPC(bytes) as unknown as ArrowLike;
}

export class LazyRowCache {
  /** Why rows cannot be loaded (the server's answer), or null. */
  error: string | null = null;
  private chunks = new Map<number, ArrowLike>();
  private inFlight = new Map<number, number>(); // request → chunk
  private wanted: number[] = [];
  private sort: RowSort | null = null;
  private nextRequest = 1;

  constructor(
    readonly source: string,
    readonly total: number,
    readonly chunk: number,
    private readonly send: (request: RowsRequestMsg) => void,
    private readonly changed: () => void,
    /** The element's own first rows, in the data's order. */
    private readonly first: ArrowLike | null,
  ) {
    if (first) this.chunks.set(0, first);
  }

  /** The value at `row` of Arrow column `column` in the current order, or LOADING (and then the
   * rows around it are asked for). */
  value(row: number, column: number): unknown {
    if (row < 0 || row >= this.total) return null;
    const index = Math.floor(row / this.chunk);
    const chunk = this.chunks.get(index);
    if (!chunk) {
      this.want(index);
      return LOADING;
    }
    this.chunks.delete(index); // most recently used last
    this.chunks.set(index, chunk);
    const offset = row - index * this.chunk;
    if (offset >= chunk.numRows) return LOADING;
    return chunk.getChildAt(column)?.get(offset) ?? null;
  }

  /** Sort on the server by Arrow column (null: the data's order). */
  setSort(sort: RowSort | null): void {
    if (JSON.stringify(sort) === JSON.stringify(this.sort)) return;
    this.sort = sort;
    this.chunks.clear();
    this.inFlight.clear(); // their answers are for the old order: ignored
    this.wanted = [];
    if (!sort && this.first) this.chunks.set(0, this.first);
    this.changed();
  }

  receive(reply: RowsMsg): void {
    const index = this.inFlight.get(reply.req);
    if (index === undefined) return;
    this.inFlight.delete(reply.req);
    if (reply.error !== undefined) this.error = reply.error;
    else if (reply.arrow !== undefined) {
      this.chunks.set(index, decode(reply.arrow));
      while (this.chunks.size > MAX_CHUNKS) this.chunks.delete(this.chunks.keys().next().value!);
    }
    this.pump();
    this.changed();
  }

  private want(index: number): void {
    if (this.error !== null || this.wanted.includes(index) || [...this.inFlight.values()].includes(index)) return;
    this.wanted.push(index);
    if (this.wanted.length > MAX_WANTED) this.wanted.shift();
    this.pump();
  }

  private pump(): void {
    while (this.inFlight.size < MAX_IN_FLIGHT && this.wanted.length > 0) {
      const index = this.wanted.pop()!; // the newest: what is on screen now
      const req = this.nextRequest++;
      this.inFlight.set(req, index);
      this.send({ t: "rows", source: this.source, req, start: index * this.chunk, count: this.chunk, sort: this.sort });
    }
  }
}

/** What a lazy grid draws from: its row cache, anew (the same cache) whenever rows arrive, so
 * that cells drawn as loading draw again. */
export interface LazyView {
  cache: LazyRowCache;
  version: number;
}

/** The rows of a lazy grid, or null for other grids. */
export function useLazyRows(lazy: LazyGrid | null, total: number, first: ArrowLike | null): LazyView | null {
  const send = useSend();
  const [version, setVersion] = useState(0);
  const source = lazy?.source ?? null;
  const chunk = lazy?.chunk ?? 0;
  const cache = useMemo(
    () => (source !== null && first ? new LazyRowCache(source, total, chunk, send, () => setVersion((v) => v + 1), first) : null),
    [source, total, chunk, send, first],
  );
  useEffect(() => (cache ? onRows(cache.source, (reply) => cache.receive(reply)) : undefined), [cache]);
  return useMemo(() => (cache ? { cache, version } : null), [cache, version]);
}
