/** st.mermaid_chart: Mermaid draws the diagram in the browser. Mermaid is a chunk of its own,
 * fetched the first time a page shows a diagram. The diagram follows the page's light or dark
 * theme, and is drawn again when that changes. */
import { useEffect, useId, useRef, useState } from "react";
import type { Mermaid } from "mermaid";
import type { MermaidChartEl } from "../protocol.gen";
import { cssVar, useDarkMode } from "./chartSpec";
import { ElementToolbar, useFullscreen } from "./ElementToolbar";
import "./mermaidChart.css";

let mermaid: Promise<Mermaid> | null = null;
const loadMermaid = (): Promise<Mermaid> => (mermaid ??= import("mermaid").then((m) => m.default));

/** "flowchart-v2" -> "Mermaid flowchart": the name of a diagram with no title of its own. */
const kindName = (kind: string) => `Mermaid ${kind.replace(/-v\d+$/, "").replace(/Diagram$/, " diagram")}`;

export function MermaidChart({ el }: { el: MermaidChartEl }) {
  const box = useRef<HTMLDivElement>(null);
  const dark = useDarkMode();
  const id = `mermaid-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const [error, setError] = useState<string | null>(null);
  const { full, setFull, frameClass } = useFullscreen();

  useEffect(() => {
    let live = true;
    loadMermaid()
      .then(async (m) => {
        // The page's own colours and font, as a Streamlit theme would give them.
        const ink = cssVar("--text", dark ? "#fafafa" : "#2f2d2b");
        const line = cssVar("--gray", "#686b75");
        m.initialize({
          startOnLoad: false,
          securityLevel: "strict",
          theme: "base",
          darkMode: dark,
          fontFamily: cssVar("--font", "sans-serif"),
          themeVariables: {
            fontSize: "14px",
            background: "transparent",
            primaryColor: cssVar("--bg-soft", dark ? "#262730" : "#f8f8f7"),
            primaryTextColor: ink,
            primaryBorderColor: line,
            lineColor: line,
            textColor: ink,
          },
        });
        const { diagramType } = (await m.parse(el.body)) as { diagramType: string };
        const { svg } = await m.render(id, el.body);
        if (!live || !box.current) return;
        box.current.innerHTML = svg;
        const drawn = box.current.querySelector("svg");
        if (drawn) {
          drawn.setAttribute("role", "img");
          const own = drawn.getAttribute("aria-labelledby") || drawn.querySelector("title");
          if (el.alt) drawn.setAttribute("aria-label", el.alt);
          else if (!own) drawn.setAttribute("aria-label", kindName(diagramType));
        }
        setError(null);
      })
      .catch((e: unknown) => {
        if (!live) return;
        document.getElementById(id)?.remove(); // Mermaid leaves its scratch element behind on errors
        setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      live = false;
    };
  }, [el.body, el.alt, el.width, dark, id]);

  return (
    <div className={`chart mermaid-chart ${frameClass}`}>
      {error && <pre className="chart-error">The diagram could not be drawn: {error}</pre>}
      <div ref={box} className="mermaid-box" />
      <ElementToolbar full={full} setFull={setFull} />
    </div>
  );
}
