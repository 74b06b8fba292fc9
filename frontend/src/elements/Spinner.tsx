import { useEffect, useState } from "react";
import type { SpinnerEl } from "../protocol.gen";
import { testid } from "../hooks";
import { InlineMarkdown } from "./widget";
import "./status.css";

/** The turning ring of st.spinner, st.status and a "spinner" icon. */
export function SpinnerIcon({ id = "stSpinnerIcon", small = false }: { id?: string; small?: boolean }) {
  return <span {...testid(id)} className={small ? "spinner-ring small" : "spinner-ring"} aria-hidden="true" />;
}

/** Shown while a block of the script (st.spinner) or a cached function runs; the server puts it
 * only once the block has run half a second, and the next element written there replaces it. */
export function Spinner({ el }: { el: SpinnerEl }) {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (!el.show_time) return undefined;
    const start = performance.now();
    const timer = window.setInterval(() => setElapsed((performance.now() - start) / 1000), 100);
    return () => window.clearInterval(timer);
  }, [el.show_time]);
  return (
    <div className={el.cache ? "spinner-row cache-spinner" : "spinner-row"}>
      <SpinnerIcon />
      <div className="spinner-text">
        <div role="status" aria-live="polite">
          <InlineMarkdown text={el.text} />
        </div>
        {el.show_time && <span className="spinner-time">({elapsed.toFixed(1)} seconds)</span>}
      </div>
    </div>
  );
}
