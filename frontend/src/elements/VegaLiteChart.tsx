import { useEffect, useRef, useState, type CSSProperties } from "react";
import type { VegaLiteChartEl } from "../protocol.gen";
import { useRerun } from "../send";
import { chartError, useDarkMode, useStretchedWrapper } from "./chartSpec";
import { ElementToolbar, useFullscreen, type ToolbarAction } from "./ElementToolbar";
import type { Box, Chart } from "./vegaLite";

type VegaModule = typeof import("./vegaLite");

let vega: Promise<VegaModule> | null = null;

/** vega-embed, Vega, Vega-Lite and Arrow: one chunk, fetched when the first chart is shown. */
export function loadVega(): Promise<VegaModule> {
  vega ??= import("./vegaLite");
  vega.catch(() => (vega = null));
  return vega;
}

/** The height a chart has when nothing else sets it (vegaLite.ts's DEFAULT_HEIGHT, which is not
 * imported: that module is the chunk loaded on first use). */
const DEFAULT_HEIGHT = 350;

/** A stretched chart's parts share the height its wrapper is given, whatever they hold. */
const FILL: CSSProperties = { display: "flex", flexDirection: "column", flex: "1 1 0px", minHeight: 0 };

/** st.vega_lite_chart, st.altair_chart and the built-in charts. */
export function VegaLiteChart({ el }: { el: VegaLiteChartEl }) {
  const root = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const stretch = el.height === "stretch";
  useStretchedWrapper(root, stretch);
  const chart = useRef<Chart | null>(null);
  const dark = useDarkMode();
  const rerun = useRerun();
  const [error, setError] = useState<string | null>(null);
  const [drawn, setDrawn] = useState(false);
  const lastSent = useRef<string | null>(null);
  const send = useRef(rerun);
  send.current = rerun;
  const { full, setFull, frameClass } = useFullscreen();
  const fill = useRef(full);
  fill.current = full;

  useEffect(() => {
    const container = box.current;
    if (!container) return;
    let live = true;
    let current: Chart | null = null;
    setError(null);
    const id = el.id;
    const onSelect = id
      ? (selection: Record<string, unknown>) => {
          const value = JSON.stringify({ selection });
          if (value === lastSent.current) return;
          lastSent.current = value;
          send.current(id, value);
        }
      : null;
    const target = document.createElement("div");
    target.className = "vega-target";
    loadVega()
      .then((m) => m.draw(target, el, { dark, box: boxOf(container, fill.current), onSelect }))
      .then(
        (drawnChart) => {
          if (!live) {
            drawnChart.finalize();
            return;
          }
          current = drawnChart;
          chart.current = drawnChart;
          container.replaceChildren(target);
          setDrawn(true);
        },
        (e: unknown) => {
          if (live) setError(chartError("The chart", e instanceof Error ? e.message : String(e)));
        },
      );
    return () => {
      live = false;
      current?.finalize();
      if (chart.current === current) chart.current = null;
    };
  }, [el, dark]);

  useEffect(() => {
    const container = box.current;
    if (!container || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => chart.current?.resize(boxOf(container, fill.current)));
    // Observing reports the box's size at once: entering or leaving full screen always resizes.
    observer.observe(container);
    return () => observer.disconnect();
  }, [full]);

  const actions: ToolbarAction[] = [
    { label: "Download as PNG", icon: "download", onClick: () => void downloadPng(chart.current) },
    { label: "Copy Vega-Lite spec", icon: "copy", onClick: () => copySpec(chart.current) },
  ];
  const reserve = typeof el.height === "number" ? el.height : DEFAULT_HEIGHT;
  const boxStyle = stretch || full ? FILL : drawn || error ? undefined : { minHeight: reserve };
  return (
    <div ref={root} className={`vega-chart ${frameClass}`} style={stretch ? FILL : undefined}>
      {error && <div className="chart-error">{error}</div>}
      {/* role="img" here, not on the root: an image's parts, its toolbar too, are hidden from screen readers. */}
      <div ref={box} className="vega-box" style={boxStyle} role={el.alt ? "img" : undefined} aria-label={el.alt ?? undefined} />
      <ElementToolbar full={full} setFull={setFull} actions={actions} />
    </div>
  );
}

function boxOf(container: HTMLElement, fill: boolean): Box {
  return { width: container.clientWidth, height: container.clientHeight, fill };
}

/** Saves the chart as chart.png. Before the chart is drawn there is nothing to save. */
async function downloadPng(chart: Chart | null): Promise<void> {
  if (!chart) return;
  const link = document.createElement("a");
  link.href = await chart.png();
  link.download = "chart.png";
  link.click();
}

/** Puts the chart's spec on the clipboard, where the page may use it (not over plain HTTP, for one). */
function copySpec(chart: Chart | null): void {
  if (!chart || !navigator.clipboard) return;
  navigator.clipboard.writeText(JSON.stringify(chart.spec, null, 2)).catch(() => undefined);
}
