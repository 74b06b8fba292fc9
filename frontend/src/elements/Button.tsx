import type { ButtonEl } from "../protocol.gen";
import { useRerun } from "../send";
import { WithTooltip } from "./Help";
import { InlineMarkdown } from "./widget";

export function Button({ el }: { el: ButtonEl }) {
  const rerun = useRerun();
  const stretch = el.width !== null && el.width !== "content";
  return (
    <WithTooltip help={el.help}>
      {(describedBy) => (
        <button
          type="button"
          className={`button button-${el.kind}${stretch ? " stretch" : ""}`}
          disabled={el.disabled}
          aria-describedby={describedBy}
          onClick={() => rerun(el.id, true)}
        >
          {el.icon && <InlineMarkdown text={el.icon} className="button-icon" />}
          <InlineMarkdown text={el.label} />
        </button>
      )}
    </WithTooltip>
  );
}
