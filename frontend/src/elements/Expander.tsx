import { useState, type ReactNode, type SyntheticEvent } from "react";
import type { ExpanderEl } from "../protocol.gen";
import type { TreeNode } from "../store";
import { Children } from "../tree";
import { Icon } from "../icons";
import { useRerun } from "../send";
import { InlineMarkdown, useWidgetState } from "./widget";
import { hook, testid } from "../hooks";

/**
 * Whether the expander shows open, and what reports its toggles. Untracked, `open` is only
 * written when the script changes `expanded` (the user's clicks stand otherwise); tracked (an
 * `id`), each toggle is sent and the script's answer is what shows.
 */
function useOpen(el: ExpanderEl): { open: boolean; onToggle?: (event: SyntheticEvent<HTMLDetailsElement>) => void } {
  const rerun = useRerun();
  const state = useWidgetState(el.expanded);
  const id = el.id;
  if (id === null) return { open: el.expanded };
  return {
    open: state.value,
    onToggle: (event) => {
      const open = event.currentTarget.open;
      if (open === state.value) return;
      state.sent(open);
      rerun(id, open);
    },
  };
}

export function Expander({ el, node }: { el: ExpanderEl; node: TreeNode }) {
  const { open, onToggle } = useOpen(el);
  const icon = el.icon ? (
    <span data-testid="stExpanderIcon" className="expander-app-icon">
      <Icon icon={el.icon} />
    </span>
  ) : el.style === "step" && <span className="step-dot" aria-hidden="true" />;
  return <ExpanderFrame open={open} onToggle={onToggle} style={el.style} icon={icon} label={el.label} node={node} />;
}

/** An expander's box: its summary (a leading icon, then the label) and its children. As in
 * Streamlit 1.67, a default expander's leading icon is its chevron (down when open, right when
 * closed) unless the app gives it an icon; st.status draws its box with it too, its state as the
 * icon. The compact and step types keep a small chevron after the label. */
export function ExpanderFrame({
  open,
  onToggle,
  style,
  icon,
  label,
  node,
  chevron = true,
}: {
  chevron?: boolean;
  open: boolean;
  onToggle?: (event: SyntheticEvent<HTMLDetailsElement>) => void;
  style: ExpanderEl["style"];
  icon: ReactNode;
  label: string;
  node: TreeNode;
}) {
  // What the browser shows, which a user's click changes without a new `open` from the script.
  const [shown, setShown] = useState(open);
  const toggled = (event: SyntheticEvent<HTMLDetailsElement>) => {
    setShown(event.currentTarget.open);
    onToggle?.(event);
  };
  const leading = icon || (chevron && style === "default" && <LeadingChevron open={shown} />);
  return (
    <div {...hook("stExpander")}>
      <details className={`expander expander-${style}`} open={open} onToggle={toggled}>
        <summary>
          <span className="expander-heading">
            {leading && <span className="expander-icon">{leading}</span>}
            <InlineMarkdown text={label} className="expander-label" />
          </span>
          {chevron && style !== "default" && (
            <svg className={style === "step" ? "chevron hidden-chevron" : "chevron"} viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
              <path d="M6 9l6 6 6-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
          )}
        </summary>
        <div {...testid("stExpanderDetails")} className="expander-body">
          <div {...hook("stVerticalBlock", "block")}>
            <Children node={node} />
          </div>
        </div>
      </details>
    </div>
  );
}

/** A default expander's chevron, a Material glyph as Streamlit's. */
function LeadingChevron({ open }: { open: boolean }) {
  return (
    <span data-testid="stIconMaterial" className="material-icon expander-chevron" aria-hidden="true" translate="no">
      {open ? "keyboard_arrow_down" : "keyboard_arrow_right"}
    </span>
  );
}
