/** st.graphviz_chart: Graphviz (compiled to WebAssembly, inlined in its chunk, so nothing is
 * downloaded at run time) lays out the DOT text in the browser. Fetched on first use. */
import { useEffect, useRef, useState } from "react";
import type { Viz } from "@viz-js/viz";
import type { GraphvizChartEl } from "../protocol.gen";
import { cssVar, useDarkMode } from "./chartSpec";
import { ElementToolbar, useFullscreen } from "./ElementToolbar";

let viz: Promise<Viz> | null = null;
const loadViz = (): Promise<Viz> => (viz ??= import("@viz-js/viz").then((m) => m.instance()));

export function GraphvizChart({ el }: { el: GraphvizChartEl }) {
  const box = useRef<HTMLDivElement>(null);
  const dark = useDarkMode();
  const [error, setError] = useState<string | null>(null);
  const { full, setFull, frameClass } = useFullscreen();

  useEffect(() => {
    const div = box.current;
    if (!div) return;
    let live = true;
    loadViz()
      .then((v) => {
        if (!live) return;
        const ink = cssVar("--text", dark ? "#fafafa" : "#31333f");
        // Defaults only: attributes the graph sets itself win, as with `dot -G -N -E`.
        const result = v.render(el.spec, {
          format: "svg",
          engine: el.engine,
          graphAttributes: { bgcolor: "transparent" },
          nodeAttributes: { color: ink, fontcolor: ink },
          edgeAttributes: { color: ink, fontcolor: ink },
        });
        if (result.status !== "success") {
          setError(result.errors.map((e) => e.message.trim()).join("\n") || "Graphviz could not lay out the graph");
          div.replaceChildren();
          return;
        }
        const svg = new DOMParser().parseFromString(result.output, "image/svg+xml").documentElement;
        if (el.width === "stretch" || typeof el.height === "number") {
          svg.setAttribute("width", "100%");
          svg.setAttribute("height", "100%");
        }
        svg.setAttribute("role", "img");
        if (el.alt) svg.setAttribute("aria-label", el.alt);
        div.replaceChildren(svg);
        setError(null);
      })
      .catch((e: unknown) => live && setError(String(e)));
    return () => {
      live = false;
    };
  }, [el, dark]);

  const height = typeof el.height === "number" && !full ? el.height : undefined;
  return (
    <div className={`chart graphviz-chart ${frameClass}`}>
      {error && <pre className="chart-error">The graph could not be drawn: {error}</pre>}
      <div ref={box} className={`graphviz-box width-${typeof el.width === "number" ? "px" : el.width}`} style={{ height }} />
      <ElementToolbar full={full} setFull={setFull} />
    </div>
  );
}
