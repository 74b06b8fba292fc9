import { useEffect, useId, useRef } from "react";
import type { SliderEl } from "../protocol.gen";
import { formatMoment } from "../momentFormat";
import { formatNumber } from "../printf";
import { useRerun } from "../send";
import { sameArray, useWidgetState, WidgetLabel } from "./widget";

const THUMB_PX = 12;

/** A slider position as text. Dates and times travel as microseconds since the epoch, their
 * clock reading as if in UTC, and show in the slider's Moment.js-style format. */
export function formatSliderValue(value: number, el: Pick<SliderEl, "data_type" | "format" | "step">): string {
  if (el.data_type === "int" || el.data_type === "float") {
    return formatNumber(value, el.format, el.data_type === "int", el.step);
  }
  const fallback = el.data_type === "time" ? "HH:mm" : "YYYY-MM-DD";
  return formatMoment(new Date(Math.floor(value / 1000)), el.format || fallback);
}

interface ThumbProps {
  value: number;
  el: SliderEl;
  label: string;
  labelledBy: string;
  valueText: string;
  onInput: (value: number) => void;
  onCommit: () => void;
  raised: boolean;
}

function Thumb({ value, el, label, labelledBy, valueText, onInput, onCommit, raised }: ThumbProps) {
  const ref = useRef<HTMLInputElement>(null);
  const commit = useRef(onCommit);
  commit.current = onCommit;
  // React's onChange on a range input fires while dragging; the native `change` event fires
  // once on release (and on each key press), which is when the value is sent.
  useEffect(() => {
    const input = ref.current;
    if (!input) return;
    const listener = () => commit.current();
    input.addEventListener("change", listener);
    return () => input.removeEventListener("change", listener);
  }, []);
  return (
    <input
      ref={ref}
      type="range"
      className={raised ? "raised" : undefined}
      min={el.min}
      max={el.max}
      step={el.step}
      value={value}
      disabled={el.disabled}
      aria-label={label || undefined}
      aria-labelledby={label ? undefined : labelledBy}
      aria-valuetext={valueText}
      onChange={(event) => onInput(Number(event.target.value))}
    />
  );
}

export function Slider({ el }: { el: SliderEl }) {
  const rerun = useRerun();
  const labelId = useId();
  const state = useWidgetState<number[]>(el.value, sameArray);
  const latest = useRef(state);
  latest.current = state;
  const values = state.value;
  const span = el.max - el.min;
  const percent = (v: number) => (span > 0 ? ((v - el.min) / span) * 100 : 0);
  const texts = values.map((v) => formatSliderValue(v, el));
  const two = values.length === 2;

  const onInput = (index: number, v: number) => {
    const next = values.slice();
    next[index] = two ? (index === 0 ? Math.min(v, values[1] ?? v) : Math.max(v, values[0] ?? v)) : v;
    state.set(next);
  };
  const onCommit = () => {
    const { value, dirty, sent } = latest.current;
    if (!dirty) return;
    sent(value);
    rerun(el.id, value);
  };
  const low = two ? percent(values[0] ?? el.min) : 0;
  const high = percent(values[two ? 1 : 0] ?? el.min);
  const names = two ? ["minimum", "maximum"] : [""];
  return (
    <div className="widget slider">
      <WidgetLabel label={el.label} visibility={el.label_visibility} help={el.help} id={labelId} />
      <div className={`slider-body${el.disabled ? " disabled" : ""}`}>
        <div className="slider-track" aria-hidden="true">
          <div className="slider-fill" style={{ left: `${low}%`, width: `${high - low}%` }} />
        </div>
        {values.map((v, i) => {
          const p = percent(v);
          return (
            <div
              key={`bubble-${i}`}
              className="slider-value"
              data-testid="stSliderThumbValue"
              aria-hidden="true"
              style={{ left: `calc(${p}% + ${((50 - p) * THUMB_PX) / 100}px)` }}
            >
              {texts[i]}
            </div>
          );
        })}
        {values.map((v, i) => (
          <Thumb
            key={i}
            value={v}
            el={el}
            label={names[i] ? `${el.label} (${names[i]})` : ""}
            labelledBy={labelId}
            valueText={texts[i] ?? ""}
            onInput={(x) => onInput(i, x)}
            onCommit={onCommit}
            raised={two && i === 0 && v >= el.max}
          />
        ))}
        <div className="slider-bounds" data-testid="stSliderTickBar" aria-hidden="true">
          <span>{formatSliderValue(el.min, el)}</span>
          <span>{formatSliderValue(el.max, el)}</span>
        </div>
      </div>
    </div>
  );
}
