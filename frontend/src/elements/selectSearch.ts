/**
 * The options a select widget's query keeps, in the order to show them. A short list is filtered
 * as the user types; a long one (WORKER_FROM options or more) in a worker, so that each
 * keystroke costs the page's main thread a few milliseconds whatever the list's length: ranking
 * 100,000 options takes a few tens of milliseconds, which a keystroke cannot spare. Until the
 * worker answers, the list shows the previous query's options and `pending` is true.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { filterOptions, lowerLabels, type FilterMode } from "./selectFilter";
import { SEPARATOR, type SearchReply, type SearchRequest } from "./selectSearchCore";

export const WORKER_FROM = 20_000;

let worker: Worker | null = null;
let nextList = 0;
const listeners = new Map<number, (reply: SearchReply) => void>();

function post(request: SearchRequest, transfer: Transferable[] = []): void {
  if (!worker) {
    worker = new Worker(new URL("./selectSearch.worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<SearchReply>) => listeners.get(event.data.list)?.(event.data);
  }
  worker.postMessage(request, transfer);
}

interface Question {
  options: string[];
  query: string;
  mode: FilterMode;
  candidates: readonly number[] | null;
}

interface Answer extends Question {
  result: Int32Array;
}

/**
 * `candidates`: the options that may be shown (in ascending order), all when null.
 * Returns the kept options and whether a newer answer is on its way.
 */
export function useOptionSearch(
  options: string[],
  query: string,
  mode: FilterMode,
  candidates: readonly number[] | null,
): { matches: ArrayLike<number> & Iterable<number>; pending: boolean } {
  // The worker takes the labels as one string (cloning one string is a copy, where 100,000
  // strings are 100,000 clones), so a label holding the separator keeps the list here.
  const remote = useMemo(
    () =>
      options.length >= WORKER_FROM && typeof Worker !== "undefined" && !options.some((o) => o.includes(SEPARATOR)),
    [options],
  );
  const all = useMemo(() => candidates ?? options.map((_, i) => i), [candidates, options]);
  const lower = useMemo(() => (remote ? [] : lowerLabels(options)), [remote, options]);
  const local = useMemo(
    () => (remote || !query ? null : filterOptions(options, lower, query, mode, all)),
    [remote, query, options, lower, mode, all],
  );

  // The worker's side: the list's labels, sent once, then one question per query.
  const list = useRef(-1);
  const asked = useRef(new Map<number, Question>());
  const [answer, setAnswer] = useState<Answer | null>(null);
  useEffect(() => {
    if (!remote) return undefined;
    const id = nextList++;
    const questions = asked.current;
    list.current = id;
    listeners.set(id, (reply) => {
      const question = questions.get(reply.seq);
      if (!question) return;
      // Older questions will not be shown any more.
      for (const seq of questions.keys()) if (seq <= reply.seq) questions.delete(seq);
      setAnswer({ ...question, result: reply.result });
    });
    post({ t: "options", list: id, joined: options.join(SEPARATOR) });
    return () => {
      listeners.delete(id);
      questions.clear();
      post({ t: "drop", list: id });
    };
  }, [remote, options]);
  const seq = useRef(0);
  useEffect(() => {
    if (!remote || !query) return;
    seq.current += 1;
    asked.current.set(seq.current, { options, query, mode, candidates });
    const only = candidates ? Int32Array.from(candidates) : null;
    post({ t: "filter", list: list.current, seq: seq.current, query, mode, candidates: only }, only ? [only.buffer] : []);
  }, [remote, query, mode, candidates, options]);

  if (!query) return { matches: all, pending: false };
  if (!remote) return { matches: local ?? all, pending: false };
  const usable = answer !== null && answer.options === options ? answer : null;
  const fresh = usable !== null && usable.query === query && usable.mode === mode && usable.candidates === candidates;
  return { matches: usable?.result ?? all, pending: !fresh };
}
