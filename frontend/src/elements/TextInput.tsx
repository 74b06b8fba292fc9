import { useEffect, useId, useState } from "react";
import type { TextInputEl } from "../protocol.gen";
import { useForm, useRerun } from "../send";
import { Icon } from "../icons";
import { useWidgetState, WidgetLabel } from "./widget";
import { testid } from "../hooks";
import "./textInput.css";

// The browser's own kind of field for each kind of text: its keyboard on phones, its clear button.
const FIELD_TYPES = { default: "text", password: "password", email: "email", url: "url", phone: "tel", search: "search" };

/** Whether `value` passes the app's pattern (an empty value, or a pattern the browser cannot
 * read, always does). */
function passes(value: string, pattern: string | null): boolean {
  if (!pattern || value === "") return true;
  try {
    return new RegExp(pattern, "u").test(value);
  } catch {
    return true;
  }
}

export function TextInput({ el }: { el: TextInputEl }) {
  const rerun = useRerun();
  const form = useForm();
  const id = useId();
  const errorId = useId();
  const state = useWidgetState(el.value ?? "");
  const [reveal, setReveal] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const password = el.input_type === "password";
  /** Sends the text, unless it breaks the pattern or empties a required field. */
  const commit = () => {
    if (!state.dirty) return;
    const wrong = !passes(state.value, el.validate_pattern);
    setInvalid(wrong);
    if (wrong || (el.required && state.value === "")) return;
    state.sent(state.value);
    rerun(el.id, state.value);
  };
  // live: the text goes out after a pause in typing (a form waits for its submit anyway).
  useEffect(() => {
    if (el.live_ms === null || form || !state.dirty) return;
    const timer = window.setTimeout(commit, el.live_ms);
    return () => window.clearTimeout(timer);
  });
  return (
    <div className="widget text-input">
      <WidgetLabel label={el.label} visibility={el.label_visibility} help={el.help} htmlFor={id} />
      <div {...testid("stTextInputRootElement")} className={invalid ? "input-box invalid" : "input-box"}>
        {el.icon && (
          <span className="input-icon" aria-hidden="true">
            <Icon icon={el.icon} />
          </span>
        )}
        <input
          {...testid("stTextInputField")}
          id={id}
          type={password && reveal ? "text" : FIELD_TYPES[el.input_type]}
          value={state.value}
          placeholder={el.placeholder ?? undefined}
          maxLength={el.max_chars ?? undefined}
          autoComplete={el.autocomplete ?? "off"}
          disabled={el.disabled}
          required={el.required}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? errorId : undefined}
          onChange={(event) => {
            state.set(event.target.value);
            if (invalid) setInvalid(false);
          }}
          onKeyDown={(event) => {
            if (event.key !== "Enter") return;
            commit();
            form?.enter();
          }}
          onBlur={commit}
        />
        {state.dirty && el.live_ms === null && (!form || form.enterToSubmit) && (
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
      {invalid && (
        <div id={errorId} className="input-error" role="alert">
          {el.validate_message ?? "The value does not match the expected format."}
        </div>
      )}
    </div>
  );
}
