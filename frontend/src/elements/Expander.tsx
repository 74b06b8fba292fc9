import type { ExpanderEl } from "../protocol.gen";
import type { TreeNode } from "../store";
import { Children } from "../tree";
import { Icon } from "../icons";
import { InlineMarkdown } from "./widget";
import { hook, testid } from "../hooks";

export function Expander({ el, node }: { el: ExpanderEl; node: TreeNode }) {
  // `open` is only written when the script changes `expanded`; the user's clicks stand otherwise.
  return (
    <div {...hook("stExpander")}>
      <details className="expander" open={el.expanded}>
        <summary>
          {el.icon && <Icon icon={el.icon} />}
          <InlineMarkdown text={el.label} className="expander-label" />
          <svg className="chevron" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
            <path d="M6 9l6 6 6-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
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
