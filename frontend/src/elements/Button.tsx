import type { ButtonEl } from "../protocol.gen";
import { useForm, useSend } from "../send";
import { WithTooltip } from "./Help";
import { useRef } from "react";
import { testid } from "../hooks";
import { ariaShortcut, ButtonFace, useShortcut } from "./buttonFace";

/** `st.button`, and `st.form_submit_button` (`submit`: sends its form's pending values). */
export function Button({ el }: { el: ButtonEl }) {
  const send = useSend();
  const form = useForm();
  const stretch = el.width !== null && el.width !== "content";
  const submit = el.submit && form !== null;
  const click = () => (submit ? form.submit(el.id) : send({ t: "rerun", values: { [el.id]: true } }));
  const ref = useRef<HTMLButtonElement>(null);
  useShortcut(el.shortcut, ref, el.disabled);
  return (
    <WithTooltip help={el.help}>
      {(describedBy) => (
        <button
          ref={ref}
          type="button"
          {...testid(`stBaseButton-${el.kind}${el.submit ? "FormSubmit" : ""}`)}
          className={`button button-${el.kind}${stretch ? " stretch" : ""}`}
          disabled={el.disabled}
          aria-describedby={describedBy}
          data-submit={submit ? el.id : undefined}
          aria-keyshortcuts={ariaShortcut(el.shortcut)}
          onClick={click}
        >
          <ButtonFace el={el} />
        </button>
      )}
    </WithTooltip>
  );
}
