import { useId, useState } from "react";
import type { TextInputEl } from "../protocol.gen";
import { useForm, useRerun } from "../send";
import { useWidgetState, WidgetLabel } from "./widget";
import { testid } from "../hooks";

export function TextInput({ el }: { el: TextInputEl }) {
  const rerun = useRerun();
  const form = useForm();
  const id = useId();
  const state = useWidgetState(el.value ?? "");
  const [reveal, setReveal] = useState(false);
  const password = el.input_type === "password";
  const commit = () => {
    if (!state.dirty) return;
    state.sent(state.value);
    rerun(el.id, state.value);
  };
  return (
    <div className="widget text-input">
      <WidgetLabel label={el.label} visibility={el.label_visibility} help={el.help} htmlFor={id} />
      <div {...testid("stTextInputRootElement")} className="input-box">
        <input
          {...testid("stTextInputField")}
          id={id}
          type={password && !reveal ? "password" : "text"}
          value={state.value}
          placeholder={el.placeholder ?? undefined}
          maxLength={el.max_chars ?? undefined}
          autoComplete={el.autocomplete ?? (password ? "new-password" : "off")}
          disabled={el.disabled}
          onChange={(event) => state.set(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== "Enter") return;
            commit();
            form?.enter();
          }}
          onBlur={commit}
        />
        {state.dirty && (!form || form.enterToSubmit) && (
          <span className="input-aside input-hint">{form ? "Press Enter to submit form" : "Press Enter to apply"}</span>
        )}
        {el.max_chars !== null && (
          <span className="input-aside input-counter" aria-hidden="true">
            {state.value.length}/{el.max_chars}
          </span>
        )}
        {password && (
          <button
            type="button"
            className="input-button"
            aria-label="Show password"
            aria-pressed={reveal}
            disabled={el.disabled}
            onClick={() => setReveal(!reveal)}
          >
            {reveal ? "Hide" : "Show"}
          </button>
        )}
      </div>
    </div>
  );
}
