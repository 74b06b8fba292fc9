import type { AlertEl, ExceptionEl } from "../protocol.gen";
import { useMarkdown } from "../markdown/useMarkdown";
import { Icon } from "../icons";
import { hook, testid } from "../hooks";

const KIND_NAMES = { success: "Success", info: "Info", warning: "Warning", error: "Error" } as const;

// Alerts use role="status" rather than "alert": a polite live region is read when it appears
// without interrupting the user each time a rerun shows it again.
export function Alert({ el }: { el: AlertEl }) {
  const html = useMarkdown(el.body);
  return (
    <div {...hook("stAlertContainer", `alert alert-${el.kind}`)} role="status" aria-label={KIND_NAMES[el.kind]}>
      {el.icon && <Icon icon={el.icon} className="alert-icon" />}
      <div {...testid(`stAlertContent${el.kind[0]?.toUpperCase()}${el.kind.slice(1)}`)} className="alert-body">
        {el.title && <div className="alert-title">{el.title}</div>}
        <div {...testid("stMarkdownContainer")} className="md" dangerouslySetInnerHTML={{ __html: html }} />
      </div>
    </div>
  );
}

export function ExceptionView({ el }: { el: ExceptionEl }) {
  const joiner = el.traceback.every((line) => line.endsWith("\n")) ? "" : "\n";
  return (
    <div {...hook("stAlertContainer", "alert alert-error exception")} role="status" aria-label="Exception">
      <div {...testid("stAlertContentError")} className="alert-body">
        <div className="exception-head">
          {el.exc_type && <strong>{el.exc_type}</strong>}
          {el.message && (el.exc_type ? `: ${el.message}` : el.message)}
        </div>
        {el.traceback.length > 0 && <pre className="traceback">{el.traceback.join(joiner).trimEnd()}</pre>}
      </div>
    </div>
  );
}
