/** Plotly helpers with no plotly.js in them: the app's template and the selection the script
 * gets. Kept apart from the component so they can be tested without the library. */
import { chartPalettes, cssVar } from "./chartSpec";

type Json = Record<string, unknown>;

/** A plotly template drawing figures with the app's font, colours and a transparent background. */
export function streamlitTemplate(dark: boolean): Json {
  const text = cssVar("--text", dark ? "#fafafa" : "#31333f");
  const muted = cssVar("--muted", dark ? "rgba(250,250,250,0.62)" : "rgba(49,51,63,0.62)");
  const grid = cssVar("--border", dark ? "rgba(250,250,250,0.2)" : "rgba(49,51,63,0.2)");
  const raised = cssVar("--bg-raised", dark ? "#1f222b" : "#ffffff");
  const font = cssVar("--font", "sans-serif");
  const { categorical, sequential, diverging } = chartPalettes(dark);
  const scale = sequential.map((c, i) => [i / (sequential.length - 1), c]);
  const axis = {
    gridcolor: grid,
    linecolor: grid,
    zerolinecolor: grid,
    tickcolor: grid,
    tickfont: { color: muted, size: 12 },
    title: { font: { color: muted, size: 13 }, standoff: 12 },
    automargin: true,
  };
  const sceneAxis = { ...axis, backgroundcolor: "rgba(0,0,0,0)", showbackground: false };
  return {
    layout: {
      font: { family: font, color: text, size: 13 },
      title: { font: { size: 16, color: text }, x: 0, xanchor: "left", pad: { l: 4 } },
      paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "rgba(0,0,0,0)",
      colorway: categorical,
      colorscale: { sequential: scale, sequentialminus: scale, diverging: diverging.map((c, i) => [i / (diverging.length - 1), c]) },
      xaxis: axis,
      yaxis: axis,
      scene: { xaxis: sceneAxis, yaxis: sceneAxis, zaxis: sceneAxis },
      polar: { bgcolor: "rgba(0,0,0,0)", angularaxis: axis, radialaxis: axis },
      ternary: { bgcolor: "rgba(0,0,0,0)", aaxis: axis, baxis: axis, caxis: axis },
      geo: { bgcolor: "rgba(0,0,0,0)", lakecolor: "rgba(0,0,0,0)", landcolor: grid, subunitcolor: grid },
      legend: { font: { color: muted }, bgcolor: "rgba(0,0,0,0)" },
      coloraxis: { colorbar: { outlinewidth: 0, tickfont: { color: muted } } },
      hoverlabel: { bgcolor: raised, bordercolor: grid, font: { color: text, family: font } },
      margin: { l: 16, r: 16, t: 40, b: 16, pad: 0 },
      modebar: { bgcolor: "rgba(0,0,0,0)", color: muted, activecolor: text },
    },
    data: {
      pie: [{ marker: { line: { color: raised, width: 1 } } }],
      bar: [{ marker: { line: { width: 0 } } }],
    },
  };
}

/** The selection the script gets, as Streamlit shapes it. */
export interface PlotlySelection {
  selection: { points: Json[]; point_indices: number[]; box: Json[]; lasso: Json[] };
}

export const emptySelection = (): PlotlySelection => ({
  selection: { points: [], point_indices: [], box: [], lasso: [] },
});

/** `curveNumber` -> `curve_number`, `marker.size` -> `marker_size`. */
const snake = (key: string): string => key.replace(/\./g, "_").replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

// Plotly's point objects also hold its internal trace and axis objects (large, circular).
const SKIPPED = new Set(["data", "fullData", "xaxis", "yaxis", "zaxis", "bbox", "pointIndices"]);

interface PlotlyPoint {
  [key: string]: unknown;
  pointIndex?: number;
  pointIndices?: number[];
  data?: { legendgroup?: unknown };
}

interface PlotlySelectionShape {
  type?: string;
  xref?: string;
  yref?: string;
  x0?: number;
  x1?: number;
  y0?: number;
  y1?: number;
  path?: string;
}

export interface PlotlySelectEvent {
  points?: PlotlyPoint[];
  selections?: PlotlySelectionShape[];
  range?: Record<string, number[]>;
  lassoPoints?: Record<string, number[]>;
}

function pointOf(p: PlotlyPoint): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(p)) {
    if (SKIPPED.has(key) || value === undefined || typeof value === "function") continue;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) continue;
    out[snake(key)] = value;
  }
  const group = p.data?.legendgroup;
  if (typeof group === "string" && group) out.legendgroup = group;
  return out;
}

/** "M1,2L3,4L5,6Z" -> the path's x and y coordinates. */
function pathPoints(path: string): { x: number[]; y: number[] } {
  const x: number[] = [];
  const y: number[] = [];
  for (const pair of path.replace(/^M|Z$/g, "").split("L")) {
    const [a, b] = pair.split(",").map(Number);
    if (Number.isFinite(a) && Number.isFinite(b)) {
      x.push(a as number);
      y.push(b as number);
    }
  }
  return { x, y };
}

/** The selection the script gets from a `plotly_selected` event. */
export function selectionFromEvent(event: PlotlySelectEvent | undefined): PlotlySelection {
  const result = emptySelection();
  const s = result.selection;
  for (const p of event?.points ?? []) {
    s.points.push(pointOf(p));
    if (typeof p.pointIndex === "number") s.point_indices.push(p.pointIndex);
    if (Array.isArray(p.pointIndices)) s.point_indices.push(...p.pointIndices);
  }
  for (const shape of event?.selections ?? []) {
    const refs = { xref: shape.xref ?? "x", yref: shape.yref ?? "y" };
    if (shape.type === "rect") {
      s.box.push({ type: "box", ...refs, x: [shape.x0, shape.x1], y: [shape.y0, shape.y1] });
    } else if (shape.type === "path" && shape.path) {
      s.lasso.push({ type: "lasso", ...refs, ...pathPoints(shape.path) });
    }
  }
  if (!event?.selections?.length) {
    // Older events describe only the last area: its range (box) or its outline (lasso).
    const axes = (r: Record<string, number[]>) => Object.keys(r).filter((k) => /^[xy]\d*$/.test(k));
    if (event?.range) {
      const [xa, ya] = axes(event.range);
      if (xa && ya) s.box.push({ type: "box", xref: xa, yref: ya, x: event.range[xa], y: event.range[ya] });
    } else if (event?.lassoPoints) {
      const [xa, ya] = axes(event.lassoPoints);
      if (xa && ya) s.lasso.push({ type: "lasso", xref: xa, yref: ya, x: event.lassoPoints[xa], y: event.lassoPoints[ya] });
    }
  }
  return result;
}
