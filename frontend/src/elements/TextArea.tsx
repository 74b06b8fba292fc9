import { useId } from "react";
import type { TextAreaEl } from "../protocol.gen";
import { useForm, useRerun } from "../send";
import { useWidgetState, WidgetLabel } from "./widget";
import { testid } from "../hooks";

const MAC = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/** `st.text_area`: commits on blur and on Ctrl/Cmd+Enter. */
export function TextArea({ el }: { el: TextAreaEl }) {
  const rerun = useRerun();
  const form = useForm();
  const id = useId();
  const state = useWidgetState(el.value ?? "");
  const commit = () => {
    if (!state.dirty || (el.required && state.value === "")) return;
    state.sent(state.value);
    rerun(el.id, state.value);
  };
  const keys = MAC ? "⌘+Enter" : "Ctrl+Enter";
  return (
    <div className="widget text-area">
      <WidgetLabel label={el.label} visibility={el.label_visibility} help={el.help} htmlFor={id} />
      <div {...testid("stTextAreaRootElement")} className="input-box textarea-box">
        <textarea
          id={id}
          value={state.value}
          placeholder={el.placeholder ?? undefined}
          maxLength={el.max_chars ?? undefined}
          disabled={el.disabled}
          style={el.height ? { height: el.height } : undefined}
          onChange={(event) => state.set(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
            event.preventDefault();
            commit();
            form?.enter();
          }}
          onBlur={commit}
        />
        <div className="textarea-footer" aria-hidden="true">
          {state.dirty && (!form || form.enterToSubmit) && (
            <span className="input-aside input-hint">
              Press {keys} to {form ? "submit form" : "apply"}
            </span>
          )}
          {el.max_chars !== null && (
            <span className="input-aside input-counter">
              {state.value.length}/{el.max_chars}
            </span>
          )}
        </div>
      </div>
    </div>
  );
}
