import { useId, type ReactNode } from "react";
import { useMarkdown } from "../markdown/useMarkdown";

function TooltipText({ id, text }: { id: string; text: string }) {
  const html = useMarkdown(text);
  return <span role="tooltip" id={id} className="tooltip md" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** A small "?" that shows `text` on hover and keyboard focus. */
export function Help({ text }: { text: string }) {
  const id = useId();
  return (
    <span className="tip help">
      <button type="button" className="help-icon" aria-label="Help" aria-describedby={id}>
        ?
      </button>
      <TooltipText id={id} text={text} />
    </span>
  );
}

/** Shows `help` as a tooltip of the control rendered by `children(describedBy)`. */
export function WithTooltip({
  help,
  children,
}: {
  help: string | null;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const id = useId();
  if (!help) return <>{children(undefined)}</>;
  return (
    <span className="tip">
      {children(id)}
      <TooltipText id={id} text={help} />
    </span>
  );
}
