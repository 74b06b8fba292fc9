/** Answers to lazy grids' `rows` requests, handed from the connection to the grid that asked.
 * In the main bundle (the connection delivers them); the grids listen once loaded. */
import type { RowsMsg } from "../protocol.gen";

type Listener = (reply: RowsMsg) => void;

const listeners = new Map<string, Set<Listener>>();

export function deliverRows(reply: RowsMsg): void {
  for (const listener of listeners.get(reply.source) ?? []) listener(reply);
}

/** Hear the answers for `source`; returns the function that stops listening. */
export function onRows(source: string, listener: Listener): () => void {
  let set = listeners.get(source);
  if (!set) listeners.set(source, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(source);
  };
}
