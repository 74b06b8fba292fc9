import { memo, useId, useRef, type CSSProperties, type KeyboardEvent } from "react";
import type { TabEl, TabsEl } from "../protocol.gen";
import type { TreeNode } from "../store";
import { Children } from "../tree";
import { useRerun } from "../send";
import { InlineMarkdown, useWidgetState } from "./widget";
import { hook, keyClass, testid } from "../hooks";

/** A tab's content, when a tab shows up outside `st.tabs`. */
export function Tab({ node }: { el: TabEl; node: TreeNode }) {
  return (
    <div {...hook("stVerticalBlock", "block")}>
      <Children node={node} />
    </div>
  );
}

const Panel = memo(function Panel({ node }: { node: TreeNode }) {
  return (
    <div {...hook("stVerticalBlock", "block")}>
      <Children node={node} />
    </div>
  );
});

export function Tabs({ el, node }: { el: TabsEl; node: TreeNode }) {
  const base = useId();
  const rerun = useRerun();
  // The script's choice (`default`) wins when it changes; tracked tabs report each switch.
  const state = useWidgetState(el.default);
  const active = state.value;
  const setActive = (i: number) => {
    if (el.id === null) {
      state.set(i);
      return;
    }
    if (i === active) return;
    state.sent(i);
    rerun(el.id, i);
  };
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const count = Math.max(el.labels.length, node.children.length);
  const labelOf = (i: number): string => {
    const child = node.children[i]?.el;
    return el.labels[i] ?? (child?.type === "tab" ? child.label : `Tab ${i + 1}`);
  };
  const select = (i: number) => {
    setActive(i);
    tabs.current[i]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowRight: (active + 1) % count,
      ArrowLeft: (active - 1 + count) % count,
      Home: 0,
      End: count - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(next);
  };
  const indexes = Array.from({ length: count }, (_, i) => i);
  const current = Math.min(active, count - 1);
  const panelStyle: CSSProperties | undefined =
    typeof el.height === "number" ? { height: el.height, overflowY: "auto" } : undefined;
  return (
    <div {...hook("stTabs", ["tabs", el.height === "stretch" && "tabs-stretch", keyClass(el.key)].filter(Boolean).join(" "))}>
      <div role="tablist" className="tablist" onKeyDown={onKeyDown}>
        {indexes.map((i) => (
          <button
            key={i}
            ref={(button) => {
              tabs.current[i] = button;
            }}
            type="button"
            role="tab"
            {...testid("stTab")}
            id={`${base}-tab-${i}`}
            aria-selected={i === current}
            aria-controls={`${base}-panel-${i}`}
            tabIndex={i === current ? 0 : -1}
            onClick={() => setActive(i)}
          >
            <InlineMarkdown text={labelOf(i)} />
          </button>
        ))}
      </div>
      {indexes.map((i) => {
        const child = node.children[i];
        return (
          <div
            key={i}
            role="tabpanel"
            id={`${base}-panel-${i}`}
            aria-labelledby={`${base}-tab-${i}`}
            hidden={i !== current}
            {...testid("stTabPanel")}
            className="tabpanel"
            style={panelStyle}
          >
            {child && <Panel node={child} />}
          </div>
        );
      })}
    </div>
  );
}
