/** What the chart components share: a JSON spec sent inline or by blob URL, the colour scheme,
 * and the app's colours read from the theme's CSS variables. */
import { useEffect, useLayoutEffect, useMemo, useState, useSyncExternalStore, type RefObject } from "react";
import { pageIsDark, subscribePageTheme } from "../themeMode";

export type SpecState = { spec: unknown; error: null } | { spec: null; error: string | null };

const fetched = new Map<string, Promise<unknown>>();

/** A blob's JSON, fetched once per URL (blobs are content-addressed, so never stale). */
function fetchJson(url: string): Promise<unknown> {
  let promise = fetched.get(url);
  if (!promise) {
    promise = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`the chart's data could not be loaded (HTTP ${r.status})`);
      return r.json() as Promise<unknown>;
    });
    promise.catch(() => fetched.delete(url));
    fetched.set(url, promise);
  }
  return promise;
}

/** The chart's spec, parsed: from `inline` when given, else fetched from `url`. */
export function useJsonSpec(inline: string | null, url: string | null): SpecState {
  const parsed = useMemo<SpecState | null>(() => {
    if (inline === null) return null;
    try {
      return { spec: JSON.parse(inline) as unknown, error: null };
    } catch (e) {
      return { spec: null, error: `the chart's spec is not JSON: ${String(e)}` };
    }
  }, [inline]);
  const [loaded, setLoaded] = useState<{ url: string; state: SpecState } | null>(null);
  useEffect(() => {
    if (inline !== null || url === null) return;
    let live = true;
    fetchJson(url).then(
      (spec) => live && setLoaded({ url, state: { spec, error: null } }),
      (e: unknown) => live && setLoaded({ url, state: { spec: null, error: String(e) } }),
    );
    return () => {
      live = false;
    };
  }, [inline, url]);
  if (parsed) return parsed;
  if (loaded && loaded.url === url) return loaded.state;
  return { spec: null, error: null };
}

/** Whether the page is dark (light, dark or the system's, as app/theme.ts chose). */
export function useDarkMode(): boolean {
  return useSyncExternalStore(subscribePageTheme, pageIsDark, () => false);
}

/** A theme CSS variable's value (e.g. `--text`), with a fallback outside a styled page. */
export function cssVar(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

/** Categorical colours for series, in the order they are used; dark pages get lighter first. */
export const CATEGORICAL_LIGHT = [
  "#0068c9", "#83c9ff", "#ff2b2b", "#ffabab", "#29b09d", "#7defa1", "#ff8700", "#ffd16a", "#6d3fc0", "#d5dae5",
];
export const CATEGORICAL_DARK = [
  "#83c9ff", "#0068c9", "#ffabab", "#ff2b2b", "#7defa1", "#29b09d", "#ffd16a", "#ff8700", "#6d3fc0", "#d5dae5",
];
/** A blue sequential scale, light to dark. */
export const SEQUENTIAL = [
  "#e4f5ff", "#c7ebff", "#a6dcff", "#83c9ff", "#60b4ff", "#3d9df3", "#1c83e1", "#0068c9", "#0054a3", "#004280",
];

/** Streamlit's diverging scale, red to blue. */
export const DIVERGING = [
  "#7d353b", "#bd4043", "#ff4b4b", "#ff8c8c", "#ffc7c7", "#a6dcff", "#60b4ff", "#1c83e1", "#0054a3", "#004280",
];

function paletteVar(name: string, fallback: readonly string[]): string[] {
  const value = typeof document === "undefined" ? "" : cssVar(name, "");
  const colors = value.split(",").map((c) => c.trim()).filter(Boolean);
  return colors.length ? colors : [...fallback];
}

/** The chart palettes: the theme's chartCategoricalColors, chartSequentialColors and
 * chartDivergingColors (app/theme.ts puts them in CSS variables), else Streamlit's defaults. */
export function chartPalettes(dark: boolean): { categorical: string[]; sequential: string[]; diverging: string[] } {
  return {
    categorical: paletteVar("--chart-categorical", dark ? CATEGORICAL_DARK : CATEGORICAL_LIGHT),
    sequential: paletteVar("--chart-sequential", dark ? [...SEQUENTIAL].reverse() : SEQUENTIAL),
    diverging: paletteVar("--chart-diverging", DIVERGING),
  };
}

/** A chart's failure, shown where the chart would be. */
export function chartError(what: string, message: string): string {
  return `${what} could not be drawn: ${message}`;
}

/** A stretched chart's height where its block has no height of its own (Streamlit's chart height). */
export const STRETCH_MIN_HEIGHT = 350;

/** With height="stretch" a chart takes the height its block gives it, as in Streamlit: its share
 * of a block with a height of its own (down to nothing), else at least the default height, grown
 * to the row's height in a horizontal block. The element's wrapper belongs to the tree, which
 * sizes no element's height; so the chart styles it while it is shown. */
export function useStretchedWrapper(root: RefObject<HTMLElement | null>, stretch: boolean): void {
  useLayoutEffect(() => {
    // The tree's element container, and between it and the chart the element's own hook (stVegaLiteChart...).
    const wrapper = root.current?.closest<HTMLElement>(".element-container");
    const own = root.current?.parentElement;
    const block = wrapper?.parentElement;
    if (!stretch || !wrapper || !own || !block) return;
    const inRow = getComputedStyle(block).flexDirection.startsWith("row");
    const style: Record<string, string> = {
      display: "flex",
      "flex-direction": "column",
      "align-self": "stretch",
      "min-height": block.style.height !== "" ? "0" : `${STRETCH_MIN_HEIGHT}px`,
      ...(inRow ? {} : { flex: "1 1 0px" }),
    };
    const inner: Record<string, string> = { display: "flex", "flex-direction": "column", flex: "1 1 0px", "min-height": "0" };
    const styled: [HTMLElement, Record<string, string>][] = [[wrapper, style]];
    if (own !== wrapper) styled.push([own, inner]);
    for (const [element, properties] of styled) {
      for (const [name, value] of Object.entries(properties)) element.style.setProperty(name, value);
    }
    return () => {
      for (const [element, properties] of styled) {
        for (const name of Object.keys(properties)) element.style.removeProperty(name);
      }
    };
  }, [root, stretch]);
}
