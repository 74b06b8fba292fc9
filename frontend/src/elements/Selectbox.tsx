import { useId } from "react";
import type { SelectboxEl } from "../protocol.gen";
import { useRerun } from "../send";
import { useWidgetState, WidgetLabel } from "./widget";

export function Selectbox({ el }: { el: SelectboxEl }) {
  const rerun = useRerun();
  const id = useId();
  const state = useWidgetState(el.index);
  return (
    <div className="widget selectbox">
      <WidgetLabel label={el.label} visibility={el.label_visibility} help={el.help} htmlFor={id} />
      <div className="select-box">
        <select
          id={id}
          value={state.value === null ? "" : String(state.value)}
          disabled={el.disabled}
          onChange={(event) => {
            const index = event.target.value === "" ? null : Number(event.target.value);
            state.sent(index);
            rerun(el.id, index);
          }}
        >
          {state.value === null && (
            <option value="" disabled>
              {el.placeholder}
            </option>
          )}
          {el.options.map((option, i) => (
            <option key={i} value={i}>
              {option}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
