import { useEffect, useId, useRef } from "react";
import type { ColorPickerEl } from "../protocol.gen";
import { useRerun } from "../send";
import { useWidgetState, WidgetLabel } from "./widget";

/** `st.color_picker`: the browser's colour input drawn as a swatch; sends "#rrggbb" once the
 * colour is picked (the native `change` event), not while dragging. */
export function ColorPicker({ el }: { el: ColorPickerEl }) {
  const rerun = useRerun();
  const id = useId();
  const state = useWidgetState(el.value.toLowerCase());
  const latest = useRef(state);
  latest.current = state;
  const ref = useRef<HTMLInputElement>(null);
  const elId = el.id;
  useEffect(() => {
    const input = ref.current;
    if (!input) return;
    const listener = () => {
      const value = input.value.toLowerCase();
      const { dirty, sent, value: shown } = latest.current;
      if (!dirty && value === shown) return;
      sent(value);
      rerunRef.current(elId, value);
    };
    input.addEventListener("change", listener);
    return () => input.removeEventListener("change", listener);
  }, [elId]);
  const rerunRef = useRef(rerun);
  rerunRef.current = rerun;
  return (
    <div className="widget color-picker">
      <WidgetLabel label={el.label} visibility={el.label_visibility} help={el.help} htmlFor={id} />
      <div className={`color-row${el.disabled ? " disabled" : ""}`}>
        <input
          ref={ref}
          id={id}
          type="color"
          className="color-swatch"
          value={state.value}
          disabled={el.disabled}
          onChange={(event) => state.set(event.target.value.toLowerCase())}
        />
        <span className="color-hex" aria-hidden="true">
          {state.value}
        </span>
      </div>
    </div>
  );
}
