import { useId } from "react";
import { testid } from "../hooks";
import type { RadioEl } from "../protocol.gen";
import { useRerun } from "../send";
import { InlineMarkdown, useWidgetState, WidgetLabel } from "./widget";

export function Radio({ el }: { el: RadioEl }) {
  const rerun = useRerun();
  const labelId = useId();
  const name = useId();
  const state = useWidgetState(el.index);
  return (
    <div className="widget radio">
      <WidgetLabel label={el.label} visibility={el.label_visibility} help={el.help} id={labelId} />
      <div
        {...testid("stRadioGroup")}
        role="radiogroup"
        aria-labelledby={labelId}
        aria-disabled={el.disabled || undefined}
        className={el.horizontal ? "radio-options horizontal" : "radio-options"}
      >
        {el.options.map((option, i) => (
          <label key={i} {...testid("stRadioOption")} className="radio-option">
            <input
              type="radio"
              name={name}
              value={i}
              checked={state.value === i}
              disabled={el.disabled}
              onChange={() => {
                state.sent(i);
                rerun(el.id, i);
              }}
            />
            <span className="radio-text">
              <InlineMarkdown text={option} />
              {el.captions[i] && <InlineMarkdown text={el.captions[i] ?? ""} className="radio-caption" />}
            </span>
          </label>
        ))}
      </div>
    </div>
  );
}
