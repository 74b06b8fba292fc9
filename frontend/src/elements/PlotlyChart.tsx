/** st.plotly_chart. plotly.js is large, so it is fetched on first use, in its own chunk. */
import { useEffect, useRef, useState } from "react";
import type { PlotlyChartEl } from "../protocol.gen";
import { useRerun } from "../send";
import { useDarkMode, useJsonSpec } from "./chartSpec";
import { ElementToolbar, useFullscreen } from "./ElementToolbar";
import { selectionFromEvent, streamlitTemplate, withThemeColors, type PlotlySelectEvent } from "./plotlySupport";

import type { Config, Data, Layout } from "plotly.js-dist-min";

type Plotly = typeof import("plotly.js-dist-min");
type Json = Record<string, unknown>;

interface PlotDiv extends HTMLDivElement {
  on?: (event: string, handler: (e: unknown) => void) => void;
  removeAllListeners?: (event: string) => void;
}

let plotly: Promise<Plotly> | null = null;

export function loadPlotly(): Promise<Plotly> {
  // plotly.js is a CommonJS bundle: the module object is the bundler's wrapper, its default the library.
  plotly ??= import("plotly.js-dist-min").then((m) => ((m as unknown as { default?: Plotly }).default ?? m) as Plotly);
  return plotly;
}

/** plotly's own height for a figure that gives none. */
const DEFAULT_HEIGHT = 450;
const DRAG_FOR_MODE: Record<string, string> = { box: "select", lasso: "lasso" };
const MODEBAR_FOR_MODE: Record<string, string> = { box: "select2d", lasso: "lasso2d" };

/** The figure's layout for this element: its size, the app's template, the selection tools. */
function layoutFor(el: PlotlyChartEl, figure: Json, dark: boolean, full: boolean): Json {
  const layout: Json = { ...((figure.layout as Json | undefined) ?? {}) };
  if (el.theme === "streamlit" && layout.template === undefined) layout.template = streamlitTemplate(dark);
  layout.autosize = true;
  delete layout.width; // the element's box sets the width; plotly fills it
  // Full screen, the box sets the height too. Else a height is always given: plotly keeps the
  // height of a box that its drawing sizes, so could not come back from full screen by itself.
  if (full) delete layout.height;
  else if (typeof el.height === "number") layout.height = el.height;
  else layout.height ??= DEFAULT_HEIGHT;
  if (el.id !== null) {
    const drag = el.selection_mode.map((m) => DRAG_FOR_MODE[m]).find(Boolean);
    if (drag && (layout.dragmode === undefined || layout.dragmode === "zoom")) layout.dragmode = drag;
    if (el.selection_mode.includes("points")) layout.clickmode = "event+select";
  }
  return layout;
}

function configFor(el: PlotlyChartEl): Json {
  let config: Json = {};
  try {
    config = JSON.parse(el.config) as Json;
  } catch {
    // A config the server wrote is always JSON; an unreadable one just means plotly's defaults.
  }
  const remove = ["sendDataToCloud", "editInChartStudio"];
  if (el.id !== null) {
    for (const [mode, button] of Object.entries(MODEBAR_FOR_MODE)) {
      if (!el.selection_mode.includes(mode as "box" | "lasso")) remove.push(button);
    }
  } else {
    remove.push("select2d", "lasso2d");
  }
  const given = Array.isArray(config.modeBarButtonsToRemove) ? (config.modeBarButtonsToRemove as string[]) : [];
  return { displaylogo: false, ...config, modeBarButtonsToRemove: [...given, ...remove] };
}

export function PlotlyChart({ el }: { el: PlotlyChartEl }) {
  const { spec, error: specError } = useJsonSpec(el.spec, el.url);
  const dark = useDarkMode();
  const box = useRef<PlotDiv>(null);
  const rerun = useRerun();
  const [error, setError] = useState<string | null>(null);
  const send = useRef(rerun);
  send.current = rerun;
  const { full, setFull, frameClass } = useFullscreen();

  useEffect(() => {
    const div = box.current;
    if (!div || spec === null) return;
    let live = true;
    const figure = spec as Json;
    loadPlotly()
      .then(async (P) => {
        if (!live) return;
        await P.react(
          div,
          withThemeColors((figure.data as Json[] | undefined) ?? [], dark) as Data[],
          layoutFor(el, figure, dark, full) as Partial<Layout>,
          configFor(el) as Partial<Config>,
        );
        if (!live) return;
        setError(null);
        div.removeAllListeners?.("plotly_selected");
        div.removeAllListeners?.("plotly_deselect");
        const id = el.id;
        if (id === null) return;
        const report = (e: unknown) => send.current(id, JSON.stringify(selectionFromEvent(e as PlotlySelectEvent)));
        div.on?.("plotly_selected", (e) => {
          // plotly also fires this with no event when a drag ends outside any point.
          if (e !== undefined) report(e);
        });
        div.on?.("plotly_deselect", () => report(undefined));
      })
      .catch((e: unknown) => live && setError(String(e)));
    return () => {
      live = false;
    };
  }, [spec, dark, el, full]);

  useEffect(() => {
    const div = box.current;
    if (!div) return;
    // Follow the element's width (window resizes, sidebar toggles, columns).
    const observer =
      typeof ResizeObserver === "undefined"
        ? null
        : new ResizeObserver(() => {
            if (div.querySelector(".main-svg")) void loadPlotly().then((P) => P.Plots.resize(div));
          });
    observer?.observe(div);
    return () => {
      observer?.disconnect();
      void plotly?.then((P) => P.purge(div));
    };
  }, []);

  const message = specError ?? error;
  const height = typeof el.height === "number" && !full ? el.height : undefined;
  return (
    <div className={`chart plotly-chart ${frameClass}`}>
      {message && <div className="chart-error">The Plotly chart could not be drawn: {message}</div>}
      <div
        ref={box}
        className="plotly-box"
        style={{ minHeight: height }}
        role={el.alt ? "img" : undefined}
        aria-label={el.alt ?? undefined}
      />
      <ElementToolbar full={full} setFull={setFull} />
    </div>
  );
}
