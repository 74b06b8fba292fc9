import type { CheckboxEl } from "../protocol.gen";
import { useRerun } from "../send";
import { Help } from "./Help";
import { InlineMarkdown, useWidgetState } from "./widget";
import { wrapClass } from "./ButtonGroup";
import { markdownText } from "../markdown/markdown";

/** `st.checkbox`, and `st.toggle` (the same widget drawn as a switch). */
export function Checkbox({ el }: { el: CheckboxEl }) {
  const rerun = useRerun();
  const state = useWidgetState(el.value);
  return (
    <div className={`checkbox-row label-${el.label_visibility}`}>
      <label
        className={`${el.toggle ? "checkbox toggle" : "checkbox"} ${wrapClass(el.wrap)}`}
        // A label kept to one line shows in full on hover.
        title={el.wrap === false ? markdownText(el.label) : undefined}
      >
        <input
          type="checkbox"
          role={el.toggle ? "switch" : undefined}
          checked={state.value}
          disabled={el.disabled}
          onChange={(event) => {
            state.sent(event.target.checked);
            rerun(el.id, event.target.checked);
          }}
        />
        {el.toggle && <span className="switch" aria-hidden="true" />}
        <InlineMarkdown text={el.label} className="checkbox-label" />
      </label>
      {el.help && el.label_visibility === "visible" && <Help text={el.help} />}
    </div>
  );
}
