import { useId, useState } from "react";
import type { DateInputEl, DateTimeInputEl, TimeInputEl } from "../protocol.gen";
import { useRerun } from "../send";
import { sameArray, useWidgetState, WidgetLabel } from "./widget";

/** `date` ("YYYY-MM-DD") shown in `format` (YYYY, MM, DD with "/", "-" or "."). */
export function formatDate(date: string, format: string): string {
  const [y, m, d] = date.split("-");
  if (!y || !m || !d) return date;
  return format.replace("YYYY", y).replace("MM", m).replace("DD", d);
}

/** A date the browser reports as complete and within the widget's bounds. Chrome reports
 * years as they are typed ("0002-…"), which fall outside the bounds and are not sent yet. */
const validDate = (value: string, min: string, max: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && value >= min && value <= max;

interface DateFieldProps {
  value: string;
  min: string;
  max: string;
  format: string;
  disabled: boolean;
  id?: string;
  label?: string;
  labelledBy?: string;
  onInput: (value: string) => void;
  onCommit: () => void;
}

/** A native date field; while it is not being edited the date shows in `format` over it. */
function DateField({ value, min, max, format, disabled, id, label, labelledBy, onInput, onCommit }: DateFieldProps) {
  const [editing, setEditing] = useState(false);
  const custom = value !== "" && !editing;
  return (
    <div className={`input-box date-box${custom ? " formatted" : ""}`}>
      <input
        id={id}
        type="date"
        value={value}
        min={min}
        max={max}
        disabled={disabled}
        aria-label={label}
        aria-labelledby={labelledBy}
        onFocus={() => setEditing(true)}
        onChange={(event) => onInput(event.target.value)}
        onKeyDown={(event) => event.key === "Enter" && onCommit()}
        onBlur={() => {
          setEditing(false);
          onCommit();
        }}
      />
      {custom && (
        <span className="date-formatted" aria-hidden="true">
          {formatDate(value, format)}
        </span>
      )}
    </div>
  );
}

/** `st.date_input`: one date, or a range as two fields. Sends an array of ISO dates. */
export function DateInput({ el }: { el: DateInputEl }) {
  const rerun = useRerun();
  const id = useId();
  const labelId = useId();
  const fieldsOf = (dates: readonly string[]) => (el.is_range ? [dates[0] ?? "", dates[1] ?? ""] : [dates[0] ?? ""]);
  // The fields' texts ("" for an empty field).
  const state = useWidgetState<string[]>(fieldsOf(el.value), sameArray);
  const fields = state.value;

  /** Sends the fields when each is empty or a complete date in bounds; keeps them otherwise. */
  const commit = (texts: string[]) => {
    if (texts.some((t) => t !== "" && !validDate(t, el.min, el.max))) {
      state.set(texts);
      return;
    }
    let dates = texts.filter(Boolean);
    if (dates.length === 2 && (dates[0] ?? "") > (dates[1] ?? "")) dates = [dates[1] ?? "", dates[0] ?? ""];
    state.sent(fieldsOf(dates));
    rerun(el.id, dates);
  };
  const onInput = (index: number, text: string) => {
    const texts = fields.slice();
    texts[index] = text;
    commit(texts);
  };
  const onCommit = () => {
    if (state.dirty) commit(fields);
  };
  const common = { max: el.max, format: el.format, disabled: el.disabled, onCommit };
  return (
    <div className="widget date-input">
      <WidgetLabel
        label={el.label}
        visibility={el.label_visibility}
        help={el.help}
        htmlFor={el.is_range ? undefined : id}
        id={labelId}
      />
      {el.is_range ? (
        <div role="group" aria-labelledby={labelId} className="date-range">
          <DateField {...common} min={el.min} value={fields[0] ?? ""} label="start" onInput={(t) => onInput(0, t)} />
          <span className="date-dash" aria-hidden="true">
            –
          </span>
          <DateField
            {...common}
            min={fields[0] || el.min}
            value={fields[1] ?? ""}
            label="end"
            onInput={(t) => onInput(1, t)}
          />
        </div>
      ) : (
        <DateField {...common} min={el.min} id={id} value={fields[0] ?? ""} onInput={(t) => onInput(0, t)} />
      )}
    </div>
  );
}

interface TimeFieldProps {
  el: TimeInputEl | DateTimeInputEl;
  type: "time" | "datetime-local";
  pattern: RegExp;
  min?: string;
  max?: string;
}

/** A native time or date-time field: sends on blur and Enter, and when the picker sets a
 * complete value while the field is not focused. */
function TimeField({ el, type, pattern, min, max }: TimeFieldProps) {
  const rerun = useRerun();
  const id = useId();
  const state = useWidgetState(el.value ?? "");
  const commit = (typed: string) => {
    if (typed !== "" && !pattern.test(typed)) return;
    const text = typed.replace(/\.\d+$/, "");
    state.sent(text);
    rerun(el.id, text === "" ? null : text);
  };
  return (
    <div className={`widget ${type === "time" ? "time-input" : "datetime-input"}`}>
      <WidgetLabel label={el.label} visibility={el.label_visibility} help={el.help} htmlFor={id} />
      <div className="input-box date-box">
        <input
          id={id}
          type={type}
          value={state.value}
          step={el.step}
          min={min}
          max={max}
          disabled={el.disabled}
          onChange={(event) => {
            const text = event.target.value;
            if (document.activeElement !== event.target) commit(text);
            else state.set(text);
          }}
          onKeyDown={(event) => event.key === "Enter" && state.dirty && commit(state.value)}
          onBlur={() => state.dirty && commit(state.value)}
        />
      </div>
    </div>
  );
}

/** `st.time_input`: sends "HH:MM" or "HH:MM:SS", or null when cleared. */
export function TimeInput({ el }: { el: TimeInputEl }) {
  return <TimeField el={el} type="time" pattern={/^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/} />;
}

/** `st.datetime_input`: sends "YYYY-MM-DDTHH:MM[:SS]", or null when cleared. */
export function DateTimeInput({ el }: { el: DateTimeInputEl }) {
  return (
    <TimeField
      el={el}
      type="datetime-local"
      pattern={/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/}
      min={el.min ?? undefined}
      max={el.max ?? undefined}
    />
  );
}
