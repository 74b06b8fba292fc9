/** The select search worker's state and answers, apart from the worker so that tests run them. */
import { filterOptions, lowerLabels, type FilterMode } from "./selectFilter";

/** Labels are sent as one string, joined by this (one string is cloned far faster than many). */
export const SEPARATOR = "\u0000";

export type SearchRequest =
  | { t: "options"; list: number; joined: string }
  | { t: "filter"; list: number; seq: number; query: string; mode: FilterMode; candidates: Int32Array | null }
  | { t: "drop"; list: number };

export interface SearchReply {
  list: number;
  seq: number;
  result: Int32Array;
}

const lists = new Map<number, { labels: string[]; lower: string[] }>();

export function searchReply(request: SearchRequest): SearchReply | null {
  if (request.t === "options") {
    const labels = request.joined === "" ? [] : request.joined.split(SEPARATOR);
    lists.set(request.list, { labels, lower: lowerLabels(labels) });
    return null;
  }
  if (request.t === "drop") {
    lists.delete(request.list);
    return null;
  }
  const found = lists.get(request.list);
  const kept = found
    ? filterOptions(found.labels, found.lower, request.query, request.mode, request.candidates ?? undefined)
    : [];
  return { list: request.list, seq: request.seq, result: Int32Array.from(kept) };
}
