import type { ButtonEl } from "../protocol.gen";
import { useForm, useSend } from "../send";
import { WithTooltip } from "./Help";
import { Icon } from "../icons";
import { InlineMarkdown } from "./widget";
import { testid } from "../hooks";

/** `st.button`, and `st.form_submit_button` (`submit`: sends its form's pending values). */
export function Button({ el }: { el: ButtonEl }) {
  const send = useSend();
  const form = useForm();
  const stretch = el.width !== null && el.width !== "content";
  const submit = el.submit && form !== null;
  const click = () => (submit ? form.submit(el.id) : send({ t: "rerun", values: { [el.id]: true } }));
  return (
    <WithTooltip help={el.help}>
      {(describedBy) => (
        <button
          type="button"
          {...testid(`stBaseButton-${el.kind}${el.submit ? "FormSubmit" : ""}`)}
          className={`button button-${el.kind}${stretch ? " stretch" : ""}`}
          disabled={el.disabled}
          aria-describedby={describedBy}
          data-submit={submit ? el.id : undefined}
          onClick={click}
        >
          {el.icon && <Icon icon={el.icon} />}
          <InlineMarkdown text={el.label} />
        </button>
      )}
    </WithTooltip>
  );
}
