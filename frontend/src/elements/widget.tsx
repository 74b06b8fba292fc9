/** What every widget shares: its label, and local state that follows the server's value. */
import { useContext, useState } from "react";
import type { LabelVisibility } from "../protocol.gen";
import { useMarkdown } from "../markdown/useMarkdown";
import { FormContext } from "../send";
import { Help } from "./Help";
import { testid } from "../hooks";

export interface WidgetState<T> {
  /** What the widget shows: the server's value, or the user's edit since. */
  value: T;
  set: (value: T) => void;
  /** Whether `value` differs from the last value sent (or received). */
  dirty: boolean;
  /** Record `value` as sent, so it is not sent twice. */
  sent: (value: T) => void;
}

/** The submit count of the form around the widget (0 outside forms). */
export const useFormEpoch = (): number => useContext(FormContext)?.epoch ?? 0;

/**
 * Local state for a widget. A new value from the server always wins (the script may set it
 * through `st.session_state`); otherwise the user's edits are kept. Inside a form, the run
 * after a submit also resets the widget to the server's value (`clear_on_submit` may send the
 * same value as before).
 */
export function useWidgetState<T>(server: T, same: (a: T, b: T) => boolean = Object.is): WidgetState<T> {
  const epoch = useFormEpoch();
  const [state, setState] = useState({ server, local: server, sent: server, epoch });
  let current = state;
  if (!same(state.server, server) || state.epoch !== epoch) {
    current = { server, local: server, sent: server, epoch };
    setState(current);
  }
  return {
    value: current.local,
    set: (local) => setState((s) => ({ ...s, local })),
    dirty: !same(current.local, current.sent),
    sent: (value) => setState((s) => ({ ...s, local: value, sent: value })),
  };
}

export const sameArray = <T,>(a: readonly T[], b: readonly T[]): boolean =>
  a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/** The label above a widget. `hidden` keeps its space and its text for screen readers;
 * `collapsed` keeps only the text for screen readers. */
export function WidgetLabel({
  label,
  visibility,
  help,
  htmlFor,
  id,
  required = false,
}: {
  label: string;
  visibility: LabelVisibility;
  help: string | null;
  htmlFor?: string;
  id?: string;
  /** Marks the label "(required)", as Streamlit does for `required=True` widgets. */
  required?: boolean;
}) {
  const html = useMarkdown(label, false, true);
  const Tag = htmlFor ? "label" : "div";
  return (
    <div {...testid("stWidgetLabel")} className={`widget-label label-${visibility}`}>
      <Tag
        htmlFor={htmlFor}
        id={id}
        {...testid("stMarkdownContainer")}
        className="md"
        dangerouslySetInnerHTML={{ __html: `<p>${html}</p>` }}
      />
      {required && visibility === "visible" && (
        <span className="label-required" data-testid="stWidgetLabelRequired" aria-hidden="true">
          (required)
        </span>
      )}
      {help && visibility === "visible" && <Help text={help} />}
    </div>
  );
}

export function InlineMarkdown({ text, className }: { text: string; className?: string }) {
  const html = useMarkdown(text, false, true);
  return (
    <span
      {...testid("stMarkdownContainer")}
      className={className ? `md ${className}` : "md"}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
