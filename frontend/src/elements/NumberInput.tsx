import { useId, useState } from "react";
import type { NumberInputEl } from "../protocol.gen";
import { decimals, printf } from "../printf";
import { useForm, useRerun } from "../send";
import { useFormEpoch, WidgetLabel } from "./widget";
import { testid } from "../hooks";
import { Icon } from "../icons";
import "./textInput.css";

/** The value typed in `text`, or null for an empty field, or undefined when it is no number. */
export function parseNumber(text: string): number | null | undefined {
  const cleaned = text.trim().replace(/,/g, "").replace(/%$/, "");
  if (cleaned === "") return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : undefined;
}

export function NumberInput({ el }: { el: NumberInputEl }) {
  const rerun = useRerun();
  const form = useForm();
  const epoch = useFormEpoch();
  const id = useId();
  const format = el.format ?? (el.is_int ? "%d" : "%0.2f");
  const show = (value: number | null) => (value === null ? "" : printf(format, value));
  // The text being edited, and the value last sent or received (to send each value once).
  const [state, setState] = useState({ server: el.value, text: show(el.value), sent: el.value, epoch });
  let current = state;
  if (!Object.is(state.server, el.value) || state.epoch !== epoch) {
    current = { server: el.value, text: show(el.value), sent: el.value, epoch };
    setState(current);
  }

  const normalize = (value: number): number => {
    let v = el.is_int ? Math.round(value) : value;
    if (el.min !== null) v = Math.max(el.min, v);
    if (el.max !== null) v = Math.min(el.max, v);
    return v;
  };
  const commitValue = (value: number | null) => {
    setState((s) => ({ ...s, text: show(value), sent: value }));
    if (!Object.is(value, current.sent)) rerun(el.id, value);
  };
  // Untouched text may round the value ("%.2f" of 0.125): then the value stands as it is.
  const edited = current.text !== show(current.sent);
  const commit = () => {
    if (!edited) return;
    const parsed = parseNumber(current.text);
    if (parsed === undefined) setState((s) => ({ ...s, text: show(s.sent) }));
    else if (parsed === null && el.required) setState((s) => ({ ...s, text: show(s.sent) }));
    else commitValue(parsed === null ? null : normalize(parsed));
  };
  const step = (direction: 1 | -1) => {
    const base = edited ? (parseNumber(current.text) ?? current.sent) : current.sent;
    if (base === null) {
      commitValue(normalize(el.min ?? 0));
      return;
    }
    const places = Math.max(decimals(el.step), decimals(base));
    commitValue(normalize(Number((base + direction * el.step).toFixed(Math.min(places, 20)))));
  };
  const value = current.sent;
  const atMin = value !== null && el.min !== null && value <= el.min;
  const atMax = value !== null && el.max !== null && value >= el.max;
  return (
    <div className="widget number-input">
      <WidgetLabel label={el.label} visibility={el.label_visibility} help={el.help} htmlFor={id} />
      <div {...testid("stNumberInputContainer")} className="input-box">
        {el.icon && (
          <span className="input-icon" aria-hidden="true">
            <Icon icon={el.icon} />
          </span>
        )}
        <input
          {...testid("stNumberInputField")}
          id={id}
          type="text"
          role="spinbutton"
          inputMode={el.is_int ? "numeric" : "decimal"}
          aria-valuenow={value ?? undefined}
          aria-valuemin={el.min ?? undefined}
          aria-valuemax={el.max ?? undefined}
          value={current.text}
          placeholder={el.placeholder ?? undefined}
          disabled={el.disabled}
          autoComplete="off"
          onChange={(event) => {
            const text = event.target.value;
            setState((s) => ({ ...s, text }));
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              commit();
              form?.enter();
            }
            else if (event.key === "ArrowUp" || event.key === "ArrowDown") {
              event.preventDefault();
              step(event.key === "ArrowUp" ? 1 : -1);
            }
          }}
          onBlur={commit}
        />
        <button
          type="button"
          {...testid("stNumberInputStepDown")}
          className="step-button"
          aria-hidden="true"
          tabIndex={-1}
          disabled={el.disabled || atMin}
          onClick={() => step(-1)}
        >
          <StepGlyph plus={false} />
        </button>
        <button
          type="button"
          {...testid("stNumberInputStepUp")}
          className="step-button"
          aria-hidden="true"
          tabIndex={-1}
          disabled={el.disabled || atMax}
          onClick={() => step(1)}
        >
          <StepGlyph plus />
        </button>
      </div>
    </div>
  );
}

/** Streamlit's bold 8 px minus and plus, drawn in the button's text colour. */
function StepGlyph({ plus }: { plus: boolean }) {
  return (
    <svg className="step-glyph" viewBox="0 0 8 8" width="8" height="8" fill="currentColor">
      <rect x="0" y="3" width="8" height="2" />
      {plus && <rect x="3" y="0" width="2" height="8" />}
    </svg>
  );
}
