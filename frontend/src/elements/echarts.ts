/** Drawing ECharts charts: core ECharts with every chart type but maps and custom series (the
 * server refuses those), and Arrow for data frames. One chunk, loaded when the first ECharts
 * chart is shown, so other pages never download it. */
import { DataType, tableFromIPC, type Field } from "apache-arrow";
import * as echarts from "echarts/core";
import {
  BarChart, BoxplotChart, CandlestickChart, ChordChart, EffectScatterChart, FunnelChart, GaugeChart, GraphChart,
  HeatmapChart, LineChart, LinesChart, ParallelChart, PictorialBarChart, PieChart, RadarChart, SankeyChart,
  ScatterChart, SunburstChart, ThemeRiverChart, TreeChart, TreemapChart,
} from "echarts/charts";
import {
  AriaComponent, AxisPointerComponent, BrushComponent, CalendarComponent, DataZoomComponent, DatasetComponent,
  GraphicComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, MarkPointComponent,
  MatrixComponent, ParallelComponent, PolarComponent, RadarComponent, SingleAxisComponent, ThumbnailComponent,
  TimelineComponent, TitleComponent, ToolboxComponent, TooltipComponent, TransformComponent, VisualMapComponent,
} from "echarts/components";
import { AxisBreak, LabelLayout, LegacyGridContainLabel, ScatterJitter, UniversalTransition } from "echarts/features";
import { CanvasRenderer, SVGRenderer } from "echarts/renderers";
import type { ChartDataset, EchartsChartEl } from "../protocol.gen";
import { type Json, prepareOption, selectable, streamlitTheme } from "./echartsOption";
import { type BrushState, type PickedItems, emptySelection, selectionOf, seriesLabels } from "./echartsSelection";

echarts.use([
  BarChart, BoxplotChart, CandlestickChart, ChordChart, EffectScatterChart, FunnelChart, GaugeChart, GraphChart,
  HeatmapChart, LineChart, LinesChart, ParallelChart, PictorialBarChart, PieChart, RadarChart, SankeyChart,
  ScatterChart, SunburstChart, ThemeRiverChart, TreeChart, TreemapChart,
  AriaComponent, AxisPointerComponent, BrushComponent, CalendarComponent, DataZoomComponent, DatasetComponent,
  GraphicComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, MarkPointComponent,
  MatrixComponent, ParallelComponent, PolarComponent, RadarComponent, SingleAxisComponent, ThumbnailComponent,
  TimelineComponent, TitleComponent, ToolboxComponent, TooltipComponent, TransformComponent, VisualMapComponent,
  AxisBreak, LabelLayout, LegacyGridContainLabel, ScatterJitter, UniversalTransition,
  CanvasRenderer, SVGRenderer,
]);

/** A drag changes a brush many times a second; the script hears where it settles. */
const REPORT_DELAY_MS = 150;

// ---- data frames ----------------------------------------------------------------------------------

const DURATION_MS = [1000, 1, 1e-3, 1e-6]; // per unit: seconds, milli-, micro-, nanoseconds

/** "2024-05-01T12:30:00" (a zone-less time, as written) or "...Z" (a moment in UTC). */
function isoTime(ms: number, utc: boolean): string {
  const text = new Date(ms).toISOString().replace(".000Z", "Z");
  return utc ? text : text.slice(0, -1);
}

/** A column's values as ECharts reads them: dates and times as ISO text, durations in
 * milliseconds, 64-bit integers and decimals as numbers, other values as text. */
function plainValue(field: Field): (v: unknown) => unknown {
  const type = field.type;
  if (DataType.isTimestamp(type)) return (v) => (typeof v === "number" ? isoTime(v, Boolean(type.timezone)) : null);
  if (DataType.isDate(type)) return (v) => (typeof v === "number" ? isoTime(v, false).slice(0, 10) : null);
  if (DataType.isDuration(type)) return (v) => (v === null ? null : Number(v) * DURATION_MS[type.unit]!);
  if (DataType.isDecimal(type)) return (v) => (v === null ? null : Number(String(v)) / 10 ** type.scale);
  return (v) => {
    if (typeof v === "bigint") return Number(v);
    if (typeof v === "number") return Number.isNaN(v) ? null : v;
    return v === null || typeof v !== "object" ? v : String(v);
  };
}

/** An Arrow table's rows, as arrays in column order. */
export function arrowRows(bytes: ArrayBuffer): unknown[][] {
  const table = tableFromIPC(new Uint8Array(bytes));
  const columns = table.schema.fields.map((field) => Array.from(table.getChild(field.name) ?? [], plainValue(field)));
  return Array.from({ length: table.numRows }, (_, r) => columns.map((column) => column[r]));
}

const loaded = new Map<string, Promise<unknown[][]>>();

/** A dataset's rows, fetched once per URL (blobs are content-addressed, never stale). */
function loadRows(ds: ChartDataset): Promise<unknown[][]> {
  let rows = loaded.get(ds.url);
  if (!rows) {
    rows = fetch(ds.url).then(async (r) => {
      if (!r.ok) throw new Error(`the chart's data could not be loaded (HTTP ${r.status})`);
      return ds.format === "arrow" ? arrowRows(await r.arrayBuffer()) : ((await r.json()) as unknown[][]);
    });
    rows.catch(() => loaded.delete(ds.url));
    loaded.set(ds.url, rows);
  }
  return rows;
}

// ---- the chart -----------------------------------------------------------------------------------------

type Send = (value: string) => void;

/** One ECharts instance in `box`, redrawn with each new option, reporting its selection. */
export class EchartsView {
  private readonly chart: echarts.ECharts;
  private themeKey: string;
  private picked: PickedItems[] = [];
  private brushes: BrushState[] = [];
  private labels = seriesLabels({});
  private lastSent = JSON.stringify(emptySelection());
  private send: Send | null = null;
  private quiet = false;
  private pointerDown = false;
  private held = false; // a report waits for the pointer to be released
  private timer: ReturnType<typeof setTimeout> | undefined;
  private drawing = 0; // counts draws: one that finishes loading after a newer one began is dropped

  constructor(box: HTMLElement, readonly renderer: "canvas" | "svg", theme: "streamlit" | null, dark: boolean) {
    this.themeKey = `${theme}/${dark}`;
    this.chart = echarts.init(box, themeFor(theme, dark), { renderer });
    this.chart.on("selectchanged", (e) => this.onPicked(e as { selected?: PickedItems[] }));
    this.chart.on("brushSelected", (e) => this.onBrushed(e as { batch?: BrushState[] }));
    // The brush's final selection (brushSelected) can follow brushEnd: report once both are in.
    this.chart.on("brushEnd", () => this.report(REPORT_DELAY_MS));
    const zr = this.chart.getZr();
    zr.on("mousedown", () => (this.pointerDown = true));
    zr.on("mouseup", () => this.release());
    zr.on("globalout", () => this.release());
    zr.on("dblclick", () => this.clear());
  }

  /** Draw `el`'s option (already parsed as `spec`); `send`: where its selection goes, if anywhere. */
  async draw(el: EchartsChartEl, spec: unknown, dark: boolean, send: Send | null): Promise<void> {
    const ticket = ++this.drawing;
    const datasets = await Promise.all(el.datasets.map(loadRows));
    if (ticket !== this.drawing || this.chart.isDisposed()) return;
    const rows = new Map(el.datasets.map((ds, i) => [ds.name, datasets[i]!]));
    const option = prepareOption(structuredClone(spec) as Json, {
      rows,
      themed: el.theme === "streamlit",
      alt: el.alt,
      selectionOn: el.id !== null,
    });
    const themeKey = `${el.theme}/${dark}`;
    if (themeKey !== this.themeKey) {
      this.themeKey = themeKey;
      this.chart.setTheme(themeFor(el.theme, dark) as Parameters<echarts.ECharts["setTheme"]>[0]);
    }
    this.send = send;
    this.labels = seriesLabels(option);
    this.quiet = true;
    try {
      this.chart.setOption(option, { notMerge: true });
      if (send && selectable(option)) this.restore();
    } finally {
      this.quiet = false;
    }
  }

  resize(): void {
    if (!this.chart.isDisposed()) this.chart.resize();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.chart.dispose();
  }

  /** After a redraw (a new option), show the selection the user made before it again. */
  private restore(): void {
    for (const p of this.picked) {
      const payload = { type: "select", seriesIndex: p.seriesIndex, dataIndex: p.dataIndex, dataType: p.dataType };
      this.chart.dispatchAction(payload, { silent: true });
    }
    for (const brush of this.brushes) {
      if (!brush.areas?.length) continue;
      this.chart.dispatchAction({ type: "brush", brushIndex: brush.brushIndex, areas: brush.areas });
    }
  }

  private onPicked(e: { selected?: PickedItems[] }): void {
    if (this.quiet) return;
    this.picked = (e.selected ?? []).map((p) => ({ ...p, dataIndex: [...p.dataIndex] }));
    this.report(REPORT_DELAY_MS);
  }

  private onBrushed(e: { batch?: BrushState[] }): void {
    if (this.quiet) return;
    this.brushes = (e.batch ?? []).map((b) => ({
      brushIndex: b.brushIndex,
      areas: (b.areas ?? []).map((a) => ({ ...a })),
      selected: (b.selected ?? []).map((s) => ({ seriesIndex: s.seriesIndex, dataIndex: [...s.dataIndex] })),
    }));
    this.report(REPORT_DELAY_MS);
  }

  private release(): void {
    this.pointerDown = false;
    if (this.held) this.report(REPORT_DELAY_MS);
  }

  /** A double click clears both kinds of selection. */
  private clear(): void {
    if (!this.send) return;
    this.quiet = true;
    try {
      for (const p of this.picked) {
        const payload = { type: "unselect", seriesIndex: p.seriesIndex, dataIndex: p.dataIndex, dataType: p.dataType };
        this.chart.dispatchAction(payload, { silent: true });
      }
      this.chart.dispatchAction({ type: "brush", areas: [] });
    } finally {
      this.quiet = false;
    }
    this.picked = [];
    this.brushes = [];
    this.report(0);
  }

  private report(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (!this.send || this.chart.isDisposed()) return;
      // While the pointer is down a brush is being drawn: the script hears where it ends.
      this.held = this.pointerDown;
      if (this.held) return;
      const value = JSON.stringify(selectionOf(this.picked, this.brushes, this.labels));
      if (value === this.lastSent) return;
      this.lastSent = value;
      this.send(value);
    }, delay);
  }
}

/** The app's look, or ECharts' own (its dark theme on a dark page). */
function themeFor(theme: "streamlit" | null, dark: boolean): string | object {
  if (theme === "streamlit") return streamlitTheme(dark);
  return dark ? "dark" : "default";
}
