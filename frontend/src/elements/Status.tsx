import type { StatusEl } from "../protocol.gen";
import type { TreeNode } from "../store";
import { ExpanderFrame } from "./Expander";
import { SpinnerIcon } from "./Spinner";
import "./status.css";

/** The icon of each state, with Streamlit's test ids. */
function StateIcon({ state }: { state: StatusEl["state"] }) {
  if (state === "running") return <SpinnerIcon id="stExpanderIconSpinner" small />;
  const [id, name] = state === "complete" ? ["stExpanderIconCheck", "check"] : ["stExpanderIconError", "error"];
  return (
    <span data-testid={id} className={`material-icon status-icon status-${state}`} aria-hidden="true" translate="no">
      {name}
    </span>
  );
}

/** st.status: an expander whose icon shows the state of the work inside (no chevron, as in
 * Streamlit). As for an expander, the user's opening and closing stand until the script changes
 * `expanded`. */
export function Status({ el, node }: { el: StatusEl; node: TreeNode }) {
  return (
    <ExpanderFrame
      open={el.expanded}
      style={el.style}
      icon={<StateIcon state={el.state} />}
      label={el.label}
      node={node}
      chevron={false}
    />
  );
}
