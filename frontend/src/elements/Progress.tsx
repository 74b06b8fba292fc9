import type { ProgressEl } from "../protocol.gen";
import { testid } from "../hooks";
import { InlineMarkdown } from "./widget";
import "./status.css";

/** st.progress: a thin bar filled to `value` percent, its text (Markdown) above it. */
export function Progress({ el }: { el: ProgressEl }) {
  const value = Math.min(100, Math.max(0, el.value));
  return (
    <>
      <div className="progress-text">{el.text ? <InlineMarkdown text={el.text} /> : null}</div>
      <div
        role="progressbar"
        aria-label={el.text ?? "progress"}
        aria-valuenow={value}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuetext={`${value}%`}
      >
        <div {...testid("stProgressBarTrack")} className="progress-track">
          <div className="progress-fill" style={{ transform: `translateX(${value - 100}%)` }} />
        </div>
      </div>
    </>
  );
}
