import { useEffect, useId, useRef } from "react";
import type { SelectSliderEl } from "../protocol.gen";
import { useRerun } from "../send";
import { sameArray, useWidgetState, WidgetLabel } from "./widget";

const THUMB_PX = 16;

interface ThumbProps {
  value: number;
  max: number;
  disabled: boolean;
  label: string;
  labelledBy: string;
  valueText: string;
  raised: boolean;
  onInput: (value: number) => void;
  onCommit: () => void;
}

function Thumb({ value, max, disabled, label, labelledBy, valueText, raised, onInput, onCommit }: ThumbProps) {
  const ref = useRef<HTMLInputElement>(null);
  const commit = useRef(onCommit);
  commit.current = onCommit;
  // The native `change` event fires on release and on each key press: that is when to send.
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
      min={0}
      max={max}
      step={1}
      value={value}
      disabled={disabled}
      aria-label={label || undefined}
      aria-labelledby={label ? undefined : labelledBy}
      aria-valuetext={valueText}
      onChange={(event) => onInput(Number(event.target.value))}
    />
  );
}

/** `st.select_slider`: a slider over option labels; one thumb, or two for a range. */
export function SelectSlider({ el }: { el: SelectSliderEl }) {
  const rerun = useRerun();
  const labelId = useId();
  const state = useWidgetState<number[]>(el.value, sameArray);
  const latest = useRef(state);
  latest.current = state;
  const values = state.value;
  const last = Math.max(el.options.length - 1, 0);
  const percent = (v: number) => (last > 0 ? (v / last) * 100 : 0);
  const two = values.length === 2;
  const text = (v: number) => el.options[v] ?? "";

  const onInput = (index: number, v: number) => {
    const next = values.slice();
    next[index] = two ? (index === 0 ? Math.min(v, values[1] ?? v) : Math.max(v, values[0] ?? v)) : v;
    if (!sameArray(next, values)) state.set(next);
  };
  const onCommit = () => {
    const { value, dirty, sent } = latest.current;
    if (!dirty) return;
    sent(value);
    rerun(el.id, value);
  };
  const low = two ? percent(values[0] ?? 0) : 0;
  const high = percent(values[two ? 1 : 0] ?? 0);
  const names = two ? ["start", "end"] : [""];
  return (
    <div className="widget slider select-slider">
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
              {text(v)}
            </div>
          );
        })}
        {values.map((v, i) => (
          <Thumb
            key={i}
            value={v}
            max={last}
            disabled={el.disabled}
            label={names[i] ? `${el.label} (${names[i]})` : ""}
            labelledBy={labelId}
            valueText={text(v)}
            raised={two && i === 0 && v >= last}
            onInput={(x) => onInput(i, x)}
            onCommit={onCommit}
          />
        ))}
        <div className="slider-bounds" data-testid="stSliderTickBar" aria-hidden="true">
          <span>{el.options[0] ?? ""}</span>
          <span>{el.options[last] ?? ""}</span>
        </div>
      </div>
    </div>
  );
}
