/** What an ECharts chart gets beyond the script's option: the app's look (a theme read from the
 * CSS variables), the rows of data frames, an accessible description, the tooltip formats
 * Streamlit adds, and ECharts' fast modes for large series. Part of the ECharts chunk. */
import { format } from "echarts/core";
import { defaultNumber, formatNumber } from "../data/numberFormat";
import { chartPalettes, cssVar } from "./chartSpec";

export type Json = Record<string, unknown>;

const NAMED_FORMATS = new Set([
  "plain", "localized", "percent", "dollar", "euro", "yen",
  "accounting", "bytes", "compact", "scientific", "engineering",
]);
// One printf conversion, as printf.ts reads them.
const PRINTF_CONVERSION = /%[-+ 0#,]*\d*(?:\.\d*)?[diufFeEgGsxXob]/;
// `{@name}` or `{@[2]}`: a value of the hovered item, by dimension name or index.
const DIMENSION_PLACEHOLDER = /\{@(?:\[(\d+)\]|([^}]+))\}/g;
/** Past these sizes a series is drawn in ECharts' fast modes (as Streamlit does). */
const LARGE_SCATTER = 20_000;
const LARGE_BAR = 2_000;
const DENSE_LINE = 2_000;

const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

/** The objects of an option entry that is one object or a list of them (series, tooltip...). */
export function objects(value: unknown): Json[] {
  if (isObject(value)) return [value];
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** The option and the options inside it: media queries' options, and a timeline's
 * `baseOption` and `options`. */
export function variants(option: Json): Json[] {
  const parts = [option, ...objects(option.baseOption), ...objects(option.options)];
  return parts.flatMap((part) => [part, ...objects(part.media).flatMap((m) => objects(m.option))]);
}

export const allSeries = (option: Json): Json[] => variants(option).flatMap((v) => objects(v.series));

/** Whether the option lets a user select: a series `selectedMode`, a brush, a toolbox brush. */
export function selectable(option: Json): boolean {
  return variants(option).some(
    (v) =>
      "brush" in v ||
      objects(v.toolbox).some((t) => isObject(t.feature) && "brush" in t.feature) ||
      objects(v.series).some((s) => Boolean(s.selectedMode)),
  );
}

/** The app's look for ECharts: its fonts and colours, Streamlit's palettes, a transparent
 * background, quiet axes. */
export function streamlitTheme(dark: boolean): Json {
  const font = cssVar("--font", "sans-serif");
  const text = cssVar("--text", dark ? "#fafafa" : "#31333f");
  const muted = cssVar("--muted", dark ? "rgba(250, 250, 250, 0.62)" : "rgba(49, 51, 63, 0.62)");
  const border = cssVar("--border", dark ? "rgba(250, 250, 250, 0.2)" : "rgba(49, 51, 63, 0.2)");
  const background = cssVar("--bg", dark ? "#0e1117" : "#ffffff");
  const raised = cssVar("--bg-raised", dark ? "#1f222b" : "#ffffff");
  const soft = cssVar("--bg-soft", dark ? "#1b1e27" : "#f0f2f6");
  const primary = cssVar("--primary", "#ff4b4b");
  const grid = dark ? "rgba(250, 250, 250, 0.12)" : "rgba(49, 51, 63, 0.1)";
  const domain = dark ? "rgba(250, 250, 250, 0.3)" : "rgba(49, 51, 63, 0.3)";
  const { categorical: palette, sequential } = chartPalettes(dark);
  const label = { color: muted, fontFamily: font, fontSize: 12 };
  const axis = (hideOverlap: boolean): Json => ({
    axisLine: { lineStyle: { color: domain } },
    axisTick: { show: false, lineStyle: { color: domain } },
    axisLabel: { ...label, hideOverlap },
    splitLine: { lineStyle: { color: grid } },
    minorSplitLine: { lineStyle: { color: grid } },
    splitArea: { areaStyle: { color: [soft, "transparent"] } },
    nameTextStyle: { color: text, fontFamily: font, fontSize: 12 },
  });
  // A selected item is outlined in the text colour, which reads on light and dark pages alike.
  const select = { select: { itemStyle: { borderColor: text, borderWidth: 2 } } };
  const separated = { itemStyle: { borderColor: background }, ...select };
  return {
    darkMode: dark,
    color: palette,
    backgroundColor: "transparent",
    textStyle: { fontFamily: font, color: text },
    title: {
      left: "center",
      textStyle: { color: text, fontSize: 16, fontWeight: 600 },
      subtextStyle: { color: muted },
    },
    legend: { textStyle: { color: text }, pageTextStyle: { color: muted }, pageIconColor: text, inactiveColor: border },
    tooltip: {
      backgroundColor: raised,
      borderColor: border,
      textStyle: { color: text, fontFamily: font, fontSize: 13 },
      extraCssText: "border-radius: 0.5rem; box-shadow: var(--shadow);",
      confine: true,
    },
    axisPointer: {
      lineStyle: { color: domain },
      crossStyle: { color: domain },
      label: { backgroundColor: text, color: background, fontFamily: font },
    },
    categoryAxis: axis(false),
    valueAxis: axis(true),
    logAxis: axis(true),
    timeAxis: axis(true),
    radar: { ...axis(false), axisName: { color: muted } },
    toolbox: { iconStyle: { borderColor: muted }, emphasis: { iconStyle: { borderColor: text } } },
    dataZoom: {
      borderColor: border,
      fillerColor: dark ? "rgba(131, 201, 255, 0.15)" : "rgba(0, 104, 201, 0.1)",
      textStyle: { color: muted },
      handleStyle: { color: background, borderColor: muted },
      moveHandleStyle: { color: border },
      dataBackground: { lineStyle: { color: domain }, areaStyle: { color: grid } },
      selectedDataBackground: { lineStyle: { color: palette[0] }, areaStyle: { color: palette[1] } },
      brushStyle: { color: grid },
    },
    visualMap: { color: [...sequential].reverse(), textStyle: { color: muted } },
    timeline: {
      lineStyle: { color: border },
      label: { color: muted },
      itemStyle: { color: muted },
      checkpointStyle: { color: primary, borderColor: background },
      controlStyle: { color: muted, borderColor: muted },
    },
    line: { symbolSize: 6, ...select },
    bar: select,
    pictorialBar: select,
    scatter: select,
    effectScatter: select,
    graph: { color: palette, lineStyle: { color: domain }, ...select },
    gauge: {
      axisLine: { lineStyle: { color: [[1, soft]] } },
      splitLine: { lineStyle: { color: muted } },
      axisTick: { lineStyle: { color: muted } },
      axisLabel: { color: muted },
      title: { color: muted },
      detail: { color: text },
    },
    pie: separated,
    funnel: separated,
    sunburst: separated,
    treemap: separated,
  };
}

// ---- data frames ---------------------------------------------------------------------------------

/** Put each data frame's rows where its dataset names it (`"source": {"name": ...}`). */
export function fillDatasets(option: Json, rows: ReadonlyMap<string, unknown[][]>): void {
  for (const variant of variants(option)) {
    for (const dataset of objects(variant.dataset)) {
      const source = dataset.source;
      if (isObject(source) && typeof source.name === "string" && rows.has(source.name)) {
        dataset.source = rows.get(source.name);
      }
    }
  }
}

// ---- accessibility and the pointer --------------------------------------------------------------

/** Keep ECharts' screen-reader description on, with `alt` as the chart's name when given; a chart
 * nothing can be selected in does not show a pointing hand. */
export function describe(option: Json, alt: string | null, selectionOn: boolean): void {
  const aria = isObject(option.aria) ? option.aria : undefined;
  if (alt) {
    const label = isObject(aria?.label) ? aria.label : {};
    option.aria = { ...aria, enabled: true, label: { ...label, description: alt } };
  } else if (!aria) {
    option.aria = { enabled: true };
  }
  if (selectionOn) return;
  for (const series of allSeries(option)) if (!("cursor" in series)) series.cursor = "default";
}

// ---- tooltips ---------------------------------------------------------------------------------------

const isNumberFormat = (value: unknown): value is string =>
  typeof value === "string" && (NAMED_FORMATS.has(value) || PRINTF_CONVERSION.test(value.replace(/%%/g, "")));

function formatValues(value: unknown, fmt: (n: number) => string): unknown {
  if (typeof value === "number") return Number.isFinite(value) ? fmt(value) : value;
  if (Array.isArray(value)) return value.map((v) => formatValues(v, fmt));
  return value;
}

/** The value of dimension `key` (a name, or an index) of a hovered item. */
function dimensionValue(params: Json, key: string | number): unknown {
  const value = params.value;
  const names = Array.isArray(params.dimensionNames) ? (params.dimensionNames as unknown[]) : [];
  const index = typeof key === "number" ? key : names.indexOf(key);
  if (Array.isArray(value)) return index >= 0 ? value[index] : undefined;
  if (isObject(value)) return typeof key === "string" ? value[key] : value[String(names[key])];
  return index === 0 || (typeof key === "string" && index < 0) ? value : undefined;
}

/** A tooltip template with `{@dimension}` placeholders (ECharts reads them only in labels) as a
 * function: the first item's values, escaped, then ECharts' own `{a}`, `{b}`, `{c}`... */
function templateFunction(template: string): (params: unknown) => string {
  return (params) => {
    const list = (Array.isArray(params) ? params : [params]) as Json[];
    const first = list[0] ?? {};
    const fill = (_match: string, index: string | undefined, name: string | undefined) => {
      const value = dimensionValue(first, index !== undefined ? Number(index) : name!.trim());
      return value === undefined || value === null ? "-" : format.encodeHTML(String(value));
    };
    const filled = template.replace(DIMENSION_PLACEHOLDER, fill);
    return format.formatTpl(filled, params as Parameters<typeof format.formatTpl>[1], true);
  };
}

function tooltips(option: Json): Json[] {
  const global = variants(option).flatMap((v) => objects(v.tooltip));
  return [...global, ...allSeries(option).flatMap((s) => objects(s.tooltip))];
}

/** Streamlit's tooltip additions: a `valueFormatter` string is a number format (named or
 * printf), `{@dimension}` works in a `formatter` template, and with the app's theme long numbers
 * are shortened unless the option formats them itself. */
export function formatTooltips(option: Json, themed: boolean): void {
  for (const tooltip of tooltips(option)) {
    const valueFormat = tooltip.valueFormatter;
    if (isNumberFormat(valueFormat)) {
      tooltip.valueFormatter = (value: unknown) => formatValues(value, (n) => formatNumber(n, valueFormat));
    } else if (valueFormat !== undefined && typeof valueFormat !== "function") {
      delete tooltip.valueFormatter; // not a number format (the server warned): ECharts formats the values
    }
    if (typeof tooltip.formatter === "string" && tooltip.formatter.includes("{@")) {
      tooltip.formatter = templateFunction(tooltip.formatter);
    }
  }
  if (!themed) return;
  for (const variant of variants(option)) {
    for (const tooltip of objects(variant.tooltip)) {
      if (tooltip.valueFormatter === undefined && tooltip.formatter === undefined) {
        tooltip.valueFormatter = (value: unknown) => formatValues(value, defaultNumber);
      }
    }
  }
}

/** "2026-08-18" for a midnight, else the date and the time to the second. */
export function timeLabel(value: number, utc: boolean): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  const parts = utc
    ? [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()]
    : [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()];
  const two = (n: number) => String(n).padStart(2, "0");
  const date = `${parts[0]}-${two(parts[1]!)}-${two(parts[2]!)}`;
  const [h, m, s] = parts.slice(3) as [number, number, number];
  return h === 0 && m === 0 && s === 0 && (utc ? d.getUTCMilliseconds() : d.getMilliseconds()) === 0
    ? date
    : `${date} ${two(h)}:${two(m)}:${two(s)}`;
}

/** Whether `holder` (an axis, tooltip, grid...) labels its axis pointer with a formatter. */
function hasLabelFormatter(holder: unknown): boolean {
  return objects(holder).some((h) => {
    const label = isObject(h.axisPointer) ? h.axisPointer.label : undefined;
    return isObject(label) && "formatter" in label;
  });
}

/** On a time axis, the axis pointer's label and an axis tooltip's header read as a date, or a
 * date and time; unless the option labels the pointer itself. */
export function labelTimeAxes(option: Json): void {
  const utc = option.useUTC === true;
  const formatter = (params: { value: unknown }) =>
    typeof params.value === "number" ? timeLabel(params.value, utc) : String(params.value);
  for (const variant of variants(option)) {
    const elsewhere =
      hasLabelFormatter(variant.tooltip) ||
      hasLabelFormatter(variant.grid) ||
      hasLabelFormatter(variant.timeline) ||
      hasLabelFormatter({ axisPointer: variant.axisPointer });
    if (elsewhere) continue;
    for (const axis of [...objects(variant.xAxis), ...objects(variant.yAxis)]) {
      if (axis.type !== "time" || hasLabelFormatter(axis)) continue;
      const pointer = isObject(axis.axisPointer) ? axis.axisPointer : {};
      const label = isObject(pointer.label) ? pointer.label : {};
      axis.axisPointer = { ...pointer, label: { ...label, formatter } };
    }
  }
}

// ---- layout and large data -------------------------------------------------------------------------

const aboveGrid = (variant: Json): boolean =>
  objects(variant.title).some((t) => Boolean(t.text)) ||
  objects(variant.legend).some(
    (l) => l.show !== false && l.orient !== "vertical" && l.bottom === undefined && l.top !== "bottom",
  );

/** With the app's theme, a cartesian chart whose grid has no margins of its own sits close to
 * its edges (ECharts keeps the axis labels inside), with room for a title or legend above and a
 * zoom slider below. */
export function fitGrid(option: Json): void {
  for (const variant of [option, ...objects(option.baseOption)]) {
    if (!("xAxis" in variant)) continue;
    const slider = objects(variant.dataZoom).some((z) => z.type === "slider" && z.orient !== "vertical");
    const tools = "toolbox" in variant || "brush" in variant; // ECharts shows a brush's buttons in a toolbox
    const top = aboveGrid(variant) ? 56 : tools ? 40 : 16;
    const margins: Json = { left: 8, right: 24, top, bottom: slider ? 80 : 8 };
    if (variant.grid === undefined) variant.grid = margins;
    for (const grid of objects(variant.grid)) {
      if (["left", "right", "top", "bottom", "width", "height"].some((side) => side in grid)) continue;
      Object.assign(grid, margins);
    }
  }
}

const isGap = (v: unknown): boolean => v === null || v === undefined || v === "-";

/** How many items a series draws, whether they are plain values (not objects with settings of
 * their own), and whether some are missing. */
function items(series: Json, datasets: Json[]): { count: number; plain: boolean; gaps: boolean } {
  const inline = Array.isArray(series.data) ? series.data : null;
  const index = typeof series.datasetIndex === "number" ? series.datasetIndex : 0;
  const source = inline ?? datasets[index]?.source;
  if (!Array.isArray(source)) return { count: 0, plain: false, gaps: false };
  const plain = inline === null || !inline.some(isObject);
  const gaps = source.some((item) => isGap(item) || (Array.isArray(item) && item.some(isGap)));
  return { count: source.length, plain, gaps };
}

/** ECharts' fast modes for big series, where the option does not choose: `large` for scatter and
 * bar series, no symbols on dense lines over a value or time axis. Never with selections. */
export function chooseLargeModes(option: Json, selectionOn: boolean): void {
  if (selectionOn || selectable(option)) return;
  for (const variant of variants(option)) {
    const datasets = objects(variant.dataset);
    const xAxes = objects(variant.xAxis);
    // An item tooltip needs the symbols to hover; an axis tooltip marks the point itself.
    const itemTooltip = objects(variant.tooltip).some((t) => (t.trigger ?? "item") === "item");
    for (const series of objects(variant.series)) {
      const { count, plain, gaps } = items(series, datasets);
      if (!plain) continue;
      const big = (series.type === "scatter" && count > LARGE_SCATTER) || (series.type === "bar" && count > LARGE_BAR);
      if (big && !("visualMap" in variant) && series.colorBy !== "data" && !("large" in series)) series.large = true;
      if (series.type !== "line" || count <= DENSE_LINE || gaps || "showSymbol" in series) continue;
      const axis = xAxes[typeof series.xAxisIndex === "number" ? series.xAxisIndex : 0];
      const continuous = axis?.type === "value" || axis?.type === "time";
      if (continuous && !itemTooltip) series.showSymbol = false;
    }
  }
}

/** The option ECharts gets for the script's `option` (changed in place, and returned). */
export function prepareOption(
  option: Json,
  opts: { rows: ReadonlyMap<string, unknown[][]>; themed: boolean; alt: string | null; selectionOn: boolean },
): Json {
  fillDatasets(option, opts.rows);
  describe(option, opts.alt, opts.selectionOn);
  formatTooltips(option, opts.themed);
  chooseLargeModes(option, opts.selectionOn);
  if (opts.themed) {
    labelTimeAxes(option);
    fitGrid(option);
  }
  return option;
}
