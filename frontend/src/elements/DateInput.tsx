import { useId, useState } from "react";
import type { DateInputEl, DateTimeInputEl, TimeInputEl } from "../protocol.gen";
import { useRerun } from "../send";
import { TimeText } from "./TimeText";
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
          {/* As in Streamlit, numbers and separators are separate segments: the separators fainter. */}
          {formatDate(value, format)
            .split(/(\D+)/)
            .filter(Boolean)
            .map((part, i) => (
              <span key={i} className={/\d/.test(part) ? "date-part" : "date-sep"}>
                {part}
              </span>
            ))}
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
    if (dates.length === 0 && el.required) {
      state.set(texts); // an empty required field is not sent: the last dates stay
      return;
    }
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

/** `st.time_input`: a time field showing the app's hour format; sends "HH:MM" or "HH:MM:SS", or
 * null when cleared (never when `required`: the last value stays). */
export function TimeInput({ el }: { el: TimeInputEl }) {
  const rerun = useRerun();
  const id = useId();
  const state = useWidgetState(el.value ?? "");
  const commit = (time: string) => {
    if (time === "" && el.required) return;
    state.sent(time);
    rerun(el.id, time === "" ? null : time);
  };
  return (
    <div className="widget time-input">
      <WidgetLabel label={el.label} visibility={el.label_visibility} help={el.help} htmlFor={id} />
      <div className="input-box date-box">
        <TimeText id={id} value={state.value} format={el.format} step={el.step} disabled={el.disabled} onCommit={commit} />
      </div>
    </div>
  );
}

/** `st.datetime_input`: a date field in the app's format and a 24-hour time field; sends
 * "YYYY-MM-DDTHH:MM[:SS]" once both are set and within bounds, or null when both are cleared. */
export function DateTimeInput({ el }: { el: DateTimeInputEl }) {
  const rerun = useRerun();
  const labelId = useId();
  const split = (value: string | null): [string, string] => {
    const [day = "", time = ""] = (value ?? "").split("T");
    return [day, time];
  };
  const state = useWidgetState<string[]>(split(el.value), sameArray);
  const [day = "", time = ""] = state.value;
  const [minDay, maxDay] = [split(el.min)[0] || "0001-01-01", split(el.max)[0] || "9999-12-31"];
  const commit = (nextDay: string, nextTime: string) => {
    if (nextDay === "" && nextTime === "") {
      if (el.required) return state.set([day, time]);
      state.sent(["", ""]);
      return rerun(el.id, null);
    }
    const moment = `${nextDay}T${nextTime}`;
    const complete = validDate(nextDay, minDay, maxDay) && nextTime !== "";
    const inBounds = (el.min === null || moment >= el.min) && (el.max === null || moment <= el.max);
    if (!complete || !inBounds) return state.set([nextDay, nextTime]);
    state.sent([nextDay, nextTime]);
    rerun(el.id, moment);
  };
  return (
    <div className="widget datetime-input">
      <WidgetLabel label={el.label} visibility={el.label_visibility} help={el.help} id={labelId} />
      <div role="group" aria-labelledby={labelId} className="date-range">
        <DateField
          value={day}
          min={minDay}
          max={maxDay}
          format={el.format}
          disabled={el.disabled}
          label="date"
          onInput={(text) => commit(text, time || (text ? "00:00" : ""))}
          onCommit={() => undefined}
        />
        <div className="input-box date-box">
          <TimeText
            value={time}
            format="24h"
            step={el.step}
            disabled={el.disabled}
            label="time"
            onCommit={(text) => commit(day, text)}
          />
        </div>
      </div>
    </div>
  );
}
