/** st.echarts_chart. ECharts is large, so it is fetched on first use, in its own chunk. */
import { useEffect, useRef, useState, type CSSProperties } from "react";
import type { EchartsChartEl } from "../protocol.gen";
import { useRerun } from "../send";
import { chartError, useDarkMode, useJsonSpec, useStretchedWrapper } from "./chartSpec";
import { ElementToolbar, useFullscreen } from "./ElementToolbar";
import type { EchartsView } from "./echarts";

type EchartsModule = typeof import("./echarts");

let module: Promise<EchartsModule> | null = null;

export function loadEcharts(): Promise<EchartsModule> {
  module ??= import("./echarts");
  module.catch(() => (module = null));
  return module;
}

/** A stretched chart's parts share the height its wrapper is given. */
const FILL: CSSProperties = { display: "flex", flexDirection: "column", flex: "1 1 0px", minHeight: 0 };

export function EchartsChart({ el }: { el: EchartsChartEl }) {
  const { spec, error: specError } = useJsonSpec(el.spec, el.url);
  const dark = useDarkMode();
  const rerun = useRerun();
  const root = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const stretch = el.height === "stretch";
  useStretchedWrapper(root, stretch);
  const view = useRef<EchartsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { full, setFull, frameClass } = useFullscreen();
  const send = useRef(rerun);
  send.current = rerun;

  useEffect(() => {
    const container = box.current;
    if (!container || spec === null) return;
    let live = true;
    const id = el.id;
    loadEcharts()
      .then((m) => {
        if (!live) return;
        // The renderer is chosen once per instance: another renderer needs a new one.
        if (view.current && view.current.renderer !== el.renderer) {
          view.current.dispose();
          view.current = null;
        }
        view.current ??= new m.EchartsView(container, el.renderer, el.theme, dark);
        return view.current.draw(el, spec, dark, id === null ? null : (value) => send.current(id, value));
      })
      .then(
        () => live && setError(null),
        (e: unknown) => live && setError(chartError("The ECharts chart", e instanceof Error ? e.message : String(e))),
      );
    return () => {
      live = false;
    };
  }, [el, spec, dark]);

  useEffect(() => {
    const container = box.current;
    const observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(() => view.current?.resize());
    if (container) observer?.observe(container);
    return () => {
      observer?.disconnect();
      view.current?.dispose();
      view.current = null;
    };
  }, []);

  const message = specError ?? error;
  return (
    <div ref={root} className={`chart echarts-chart ${frameClass}`} style={stretch ? FILL : undefined}>
      {message && <div className="chart-error">{message}</div>}
      <div ref={box} className="echarts-box" style={{ width: "100%", ...(stretch || full ? FILL : { height: el.height }) }} />
      <ElementToolbar full={full} setFull={setFull} />
    </div>
  );
}
