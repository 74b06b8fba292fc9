import { useEffect, useState } from "react";
import type { SpinnerEl } from "../protocol.gen";
import { InlineMarkdown } from "./widget";

/** Shown while a cached function computes; the element that follows replaces it. */
export function Spinner({ el }: { el: SpinnerEl }) {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (!el.show_time) return undefined;
    const start = performance.now();
    const timer = window.setInterval(() => setElapsed((performance.now() - start) / 1000), 100);
    return () => window.clearInterval(timer);
  }, [el.show_time]);
  return (
    <div className="cache-spinner" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <InlineMarkdown text={el.text} />
      {el.show_time && <span className="cache-spinner-time">({elapsed.toFixed(1)} s)</span>}
    </div>
  );
}
