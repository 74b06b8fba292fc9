import { useId, useState } from "react";
import type { TextInputEl } from "../protocol.gen";
import { useRerun } from "../send";
import { useWidgetState, WidgetLabel } from "./widget";

export function TextInput({ el }: { el: TextInputEl }) {
  const rerun = useRerun();
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
      <div className="input-box">
        <input
          id={id}
          type={password && !reveal ? "password" : "text"}
          value={state.value}
          placeholder={el.placeholder ?? undefined}
          maxLength={el.max_chars ?? undefined}
          autoComplete={el.autocomplete ?? (password ? "new-password" : "off")}
          disabled={el.disabled}
          onChange={(event) => state.set(event.target.value)}
          onKeyDown={(event) => event.key === "Enter" && commit()}
          onBlur={commit}
        />
        {state.dirty && <span className="input-aside input-hint">Press Enter to apply</span>}
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
