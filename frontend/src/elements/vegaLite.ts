/** Drawing Vega-Lite charts: loaded on first use (with vega-embed, Vega, Vega-Lite and Arrow), so
 * pages without charts never download them. */
import embed, { type Result, type VisualizationSpec } from "vega-embed";
import { tableFromIPC } from "apache-arrow";
import type { ChartDataset, VegaLiteChartEl } from "../protocol.gen";
import { chartPalettes, cssVar } from "./chartSpec";

type Row = Record<string, unknown>;
type Spec = Record<string, unknown>;

/** Charts with more data points than this draw on a canvas (SVG gets slow); others as SVG. */
const SVG_MAX_ROWS = 2000;
/** The basic charts' height when the spec gives none. */
export const DEFAULT_HEIGHT = 350;
const SUB_SPECS = ["layer", "hconcat", "vconcat", "concat", "spec"];
const THEME_COLORS: Record<string, string> = {
  red: "--red",
  orange: "--orange",
  yellow: "--yellow",
  green: "--green",
  blue: "--blue",
  violet: "--violet",
  gray: "--gray",
  grey: "--gray",
  primary: "--primary",
};

const loaded = new Map<string, Promise<Row[]>>();

/** Arrow values as Vega takes them: 64-bit integers as numbers, dates as epoch milliseconds. */
function plain(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (value !== null && typeof value === "object" && !(value instanceof Date)) return String(value);
  return value;
}

export function arrowRows(bytes: ArrayBuffer): Row[] {
  const table = tableFromIPC(new Uint8Array(bytes));
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((name) => Array.from(table.getChild(name) ?? [], plain));
  const rows: Row[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row: Row = {};
    for (let c = 0; c < names.length; c++) row[names[c]!] = columns[c]![i];
    rows[i] = row;
  }
  return rows;
}

/** A dataset's rows, fetched once per URL (blobs are content-addressed, never stale). */
export function loadDataset(ds: ChartDataset): Promise<Row[]> {
  let rows = loaded.get(ds.url);
  if (!rows) {
    rows = fetch(ds.url).then(async (r) => {
      if (!r.ok) throw new Error(`the chart's data could not be loaded (HTTP ${r.status})`);
      return ds.format === "arrow" ? arrowRows(await r.arrayBuffer()) : ((await r.json()) as Row[]);
    });
    rows.catch(() => loaded.delete(ds.url));
    loaded.set(ds.url, rows);
  }
  return rows;
}

function* views(spec: Spec): Generator<Spec> {
  yield spec;
  for (const key of SUB_SPECS) {
    const sub = spec[key];
    if (Array.isArray(sub)) {
      for (const item of sub) if (item && typeof item === "object") yield* views(item as Spec);
    } else if (sub && typeof sub === "object") yield* views(sub as Spec);
  }
}

/** Colour names like "red" or "primary" in colour encodings become the theme's colours. */
export function themeColors(spec: Spec): void {
  const named = (v: unknown): unknown =>
    typeof v === "string" && v in THEME_COLORS ? cssVar(THEME_COLORS[v]!, v === "primary" ? "#ff4b4b" : v) : v;
  for (const view of views(spec)) {
    const encoding = view.encoding as Record<string, Spec | undefined> | undefined;
    for (const channel of ["color", "fill", "stroke"]) {
      const enc = encoding?.[channel];
      if (!enc || typeof enc !== "object") continue;
      if ("value" in enc) enc.value = named(enc.value);
      const scale = enc.scale as Spec | null | undefined;
      if (scale && Array.isArray(scale.range)) scale.range = scale.range.map(named);
    }
  }
}

/** Whether the spec lays out several views (they keep their own sizes). */
export function composite(spec: Spec): boolean {
  if ("facet" in spec || "repeat" in spec || "hconcat" in spec || "vconcat" in spec || "concat" in spec) return true;
  const encoding = spec.encoding as Spec | undefined;
  return !!encoding && ("row" in encoding || "column" in encoding || "facet" in encoding);
}

/** The app's look for charts: its fonts and text colours, and Streamlit's palettes. */
export function streamlitConfig(dark: boolean): Spec {
  const font = cssVar("--font", "sans-serif");
  const text = cssVar("--text", dark ? "#fafafa" : "#31333f");
  const muted = cssVar("--muted", dark ? "rgba(250, 250, 250, 0.62)" : "rgba(49, 51, 63, 0.62)");
  const grid = dark ? "rgba(250, 250, 250, 0.12)" : "rgba(49, 51, 63, 0.1)";
  const domain = dark ? "rgba(250, 250, 250, 0.3)" : "rgba(49, 51, 63, 0.3)";
  const { categorical: category, sequential, diverging } = chartPalettes(dark);
  const labels = { labelFont: font, labelFontSize: 12, labelColor: muted };
  const titles = { titleFont: font, titleFontSize: 12, titleFontWeight: 400, titleColor: text };
  return {
    background: "transparent",
    font,
    padding: { top: 8, right: 8, bottom: 8, left: 8 },
    view: { stroke: null, continuousHeight: DEFAULT_HEIGHT, continuousWidth: 400 },
    axis: {
      ...labels,
      ...titles,
      gridColor: grid,
      domainColor: domain,
      tickColor: domain,
      ticks: false,
      labelPadding: 6,
      titlePadding: 10,
      labelLimit: 180,
    },
    axisBand: { grid: false },
    legend: { ...labels, ...titles, symbolSize: 80, labelLimit: 200, symbolBaseFillColor: muted, symbolBaseStrokeColor: muted },
    header: { ...labels, ...titles },
    title: { font, color: text, fontSize: 16, fontWeight: 600, anchor: "start", offset: 12 },
    range: { category, ramp: sequential, heatmap: sequential, ordinal: sequential, diverging },
    mark: { color: category[0] },
    line: { strokeWidth: 2 },
    bar: { binSpacing: 2, discreteBandSize: { band: 0.85 } },
    area: { line: false },
    point: { filled: true },
    arc: { stroke: null },
  };
}

/** The pixels a chart has to fill: its box's width, and its height when that is set by the
 * layout (height="stretch"). */
export interface Box {
  width: number;
  height: number;
  /** Shown full screen: the chart fills the box on each side Vega fits it to. */
  fill?: boolean;
}

export interface DrawOptions {
  dark: boolean;
  box: Box;
  /** Called with the chart's selection (by parameter) whenever one of them changes. */
  onSelect: ((selection: Record<string, unknown>) => void) | null;
}

export interface Chart {
  /** The spec as drawn, its data included. */
  spec: Spec;
  /** The chart as a PNG, in a data URL. */
  png(): Promise<string>;
  resize(box: Box): void;
  finalize(): void;
}

/** Smaller than this, a stretched chart has no room for its axes; it is drawn this size. */
const MIN_SIZE = 50;

interface Size {
  width?: number;
  height?: number;
}

/** The size to draw `spec` at in `box`: a number for each side the element fixes (an integer)
 * or fills ("stretch"), undefined where the spec's own size or Vega-Lite's default stands.
 * Specs laying out several views keep their own size. */
export function chartSize(el: Pick<VegaLiteChartEl, "width" | "height">, spec: Spec, box: Box): Size {
  if (composite(spec)) return {};
  const side = (wanted: number | string | null, available: number): number | undefined => {
    if (typeof wanted === "number") return wanted;
    return wanted === "stretch" ? filling(available) : undefined;
  };
  return { width: side(el.width, box.width), height: side(el.height, box.height) };
}

/** A side that fills `available` pixels. */
function filling(available: number): number {
  return Math.max(Math.round(available), MIN_SIZE);
}

/** A selection parameter's value as the script sees it: points as a list of field objects,
 * an interval as {field: [min, max]}, nothing selected as {}. */
export function selectionValue(value: unknown): unknown {
  if (!value || typeof value !== "object") return {};
  const point = (value as { vlPoint?: { or?: unknown[] } }).vlPoint;
  if (point) return point.or ?? [];
  return value;
}

/** Draw `el` into `container`; resolves when the chart is on the page. */
export async function draw(container: HTMLElement, el: VegaLiteChartEl, opts: DrawOptions): Promise<Chart> {
  const spec = JSON.parse(el.spec) as Spec;
  const rows = await Promise.all(el.datasets.map(loadDataset));
  const datasets: Record<string, Row[]> = { ...((spec.datasets as Record<string, Row[]> | undefined) ?? {}) };
  el.datasets.forEach((ds, i) => (datasets[ds.name] = rows[i]!));
  if (el.datasets.length) spec.datasets = datasets;
  const total = rows.reduce((n, r) => n + r.length, 0);
  themeColors(spec);
  if (el.alt) spec.description = el.alt;
  const asked = chartSize(el, spec, opts.box);
  if (asked.width !== undefined) spec.width = asked.width;
  if (asked.height !== undefined) spec.height = asked.height;

  const result: Result = await embed(container, spec as VisualizationSpec, {
    mode: "vega-lite",
    renderer: total > SVG_MAX_ROWS ? "canvas" : "svg",
    actions: false, // the element's toolbar has the buttons instead
    config: el.theme === "streamlit" ? streamlitConfig(opts.dark) : undefined,
    theme: el.theme === null && opts.dark ? "dark" : undefined,
    tooltip: { theme: opts.dark ? "dark" : "light" },
    logLevel: 1, // errors only: hover layers with nothing selected warn about empty extents
  });
  const view = result.view;
  if (opts.onSelect && el.selection_mode.length) {
    const onSelect = opts.onSelect;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const report = () => {
      clearTimeout(timer);
      // A drag changes an interval many times a second: send where it settles.
      timer = setTimeout(() => {
        const selection: Record<string, unknown> = {};
        for (const name of el.selection_mode) selection[name] = selectionValue(view.signal(name));
        onSelect(selection);
      }, 150);
    };
    for (const name of el.selection_mode) {
      try {
        view.addSignalListener(name, report);
      } catch {
        // A parameter the compiled spec does not expose as a signal cannot be listened to.
      }
    }
  }
  // The sides Vega fits the chart to, at the size drawn (none where a step per category sets
  // a side, or for several views): what a full-screen box fills, and what the chart returns to.
  const { width, height } = result.vgSpec;
  const fitted: Size = composite(spec)
    ? {}
    : { width: typeof width === "number" ? width : undefined, height: typeof height === "number" ? height : undefined };
  let size = fitted;
  const chart: Chart = {
    spec,
    png: () => view.toImageURL("png"),
    resize(box: Box) {
      const wanted = chartSize(el, spec, box);
      const side = (key: keyof Size) =>
        fitted[key] === undefined ? undefined : box.fill ? filling(box[key]) : (wanted[key] ?? fitted[key]);
      const next = { width: side("width"), height: side("height") };
      if (next.width === size.width && next.height === size.height) return;
      size = next;
      if (next.width !== undefined) view.width(next.width);
      if (next.height !== undefined) view.height(next.height);
      view.runAsync().catch(() => undefined);
    },
    finalize: () => result.finalize(),
  };
  if (opts.box.fill) chart.resize(opts.box);
  return chart;
}
