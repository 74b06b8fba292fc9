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
    <span className="tip help stTooltipIcon" data-testid="stTooltipIcon">
      <button type="button" className="help-icon" aria-label="Help" aria-describedby={id}>
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
          <circle cx="12" cy="12" r="10" />
          <path d="M9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3M12 17h.01" />
        </svg>
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
