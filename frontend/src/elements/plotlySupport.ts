/** Plotly helpers with no plotly.js in them: the app's template and the selection the script
 * gets. Kept apart from the component so they can be tested without the library. */
import { chartPalettes, cssVar } from "./chartSpec";

type Json = Record<string, unknown>;

/** Colours of Streamlit 1.67's plotly theme that its app theme does not name. */
const CHART_COLORS = {
  light: { text: "#808495", legend: "#262730", grid: "#e6eaf1", hoverBorder: "#DCD8D4", modebar: "68, 68, 68" },
  dark: { text: "#e6eaf1", legend: "#fafafa", grid: "#31333F", hoverBorder: "#4A4742", modebar: "255, 255, 255" },
};

/** A plotly template drawing figures as Streamlit 1.67's theme does: 12px grey text, a title in
 * the text colour at the top left, horizontal grid lines only, the legend's items at its top,
 * no side margins, the app's background and chart palettes. */
export function streamlitTemplate(dark: boolean): Json {
  const colors = dark ? CHART_COLORS.dark : CHART_COLORS.light;
  const heading = cssVar("--text", dark ? "#fafafa" : "#31333f");
  const bg = cssVar("--bg", dark ? "#0e1117" : "#ffffff");
  const font = cssVar("--font", "sans-serif");
  const { categorical, sequential, diverging } = chartPalettes(dark);
  const scale = sequential.map((c, i) => [i / (sequential.length - 1), c]);
  const small = { color: colors.text, size: 12 };
  const axis = {
    gridcolor: colors.grid,
    linecolor: colors.grid,
    zerolinecolor: colors.grid,
    tickcolor: colors.grid,
    tickfont: small,
    title: { font: { color: colors.text, size: 14 } },
    automargin: true,
  };
  const xaxis = { ...axis, showgrid: false, zeroline: false, title: { ...axis.title, standoff: 20 } };
  const yaxis = { ...axis, title: { ...axis.title, standoff: 24 } };
  const sceneAxis = { ...axis, backgroundcolor: "rgba(0,0,0,0)", showbackground: false };
  return {
    layout: {
      font: { family: font, ...small },
      title: { font: { size: 16, color: heading }, x: 0, xanchor: "left", pad: { l: 4 } },
      paper_bgcolor: bg,
      plot_bgcolor: bg,
      colorway: categorical,
      colorscale: { sequential: scale, sequentialminus: scale, diverging: diverging.map((c, i) => [i / (diverging.length - 1), c]) },
      xaxis,
      yaxis,
      scene: { xaxis: sceneAxis, yaxis: sceneAxis, zaxis: sceneAxis },
      polar: { bgcolor: bg, angularaxis: axis, radialaxis: axis },
      ternary: { bgcolor: bg, aaxis: axis, baxis: axis, caxis: axis },
      geo: { bgcolor: bg, lakecolor: bg, landcolor: colors.grid, subunitcolor: colors.grid },
      legend: { font: { color: colors.legend, size: 12 }, title: { font: small }, bgcolor: bg, bordercolor: "transparent", valign: "top" },
      coloraxis: { colorscale: scale, colorbar: { outlinewidth: 0, tickfont: small } },
      hoverlabel: { bgcolor: bg, bordercolor: colors.hoverBorder, font: { color: colors.text, family: font, size: 12 } },
      margin: { l: 0, r: 0, pad: 8 },
      modebar: { bgcolor: "transparent", color: `rgba(${colors.modebar}, 0.3)`, activecolor: `rgba(${colors.modebar}, 0.7)` },
    },
    data: {
      pie: [{ marker: { line: { color: bg, width: 1 } } }],
      bar: [{ marker: { line: { width: 0 } } }],
      scatter: [{ marker: { line: { width: 0 } } }],
    },
  };
}

const PLACEHOLDER = /^#0000(0[1-9]|10)$/;

/** The traces with the server's placeholders for the theme's categorical colours ("#000001"
 * for the first: plotly express copied them from the default template) painted in. */
export function withThemeColors(data: Json[], dark: boolean): Json[] {
  const { categorical } = chartPalettes(dark);
  const paint = (part: unknown): unknown => {
    if (typeof part !== "object" || part === null) return part;
    const color = (part as Json).color;
    if (typeof color !== "string" || !PLACEHOLDER.test(color)) return part;
    return { ...(part as Json), color: categorical[(Number(color.slice(5)) - 1) % categorical.length] };
  };
  return data.map((trace) => {
    const [marker, line] = [paint(trace.marker), paint(trace.line)];
    return marker === trace.marker && line === trace.line ? trace : { ...trace, marker, line };
  });
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
