/** Elements most pages never show live in chunks of their own, fetched when one first renders, so
 * that a simple page loads less. */
import { createElement, lazy, Suspense, useState, type ReactNode } from "react";

type View<P> = (props: P) => ReactNode;

const loaders: (() => Promise<unknown>)[] = [];

export function lazyElement<P extends object>(load: () => Promise<View<P>>): View<P> {
  let view: View<object> | null = null;
  const fetch = () => load().then((loaded) => (view = loaded as View<object>));
  loaders.push(fetch);
  const Loaded = lazy(() => fetch().then((loaded) => ({ default: loaded })));
  return function LazyElement(props: P) {
    // Once mounted one way an element stays so: switching would remount it and lose its state.
    const [ready] = useState(() => view);
    if (ready) return createElement(ready, props);
    return <Suspense fallback={null}>{createElement(Loaded, props)}</Suspense>;
  };
}

/** Fetches every lazy element now (tests render them at once). */
export const loadAllElements = (): Promise<unknown> => Promise.all(loaders.map((load) => load()));
