/** Renders the element tree: one memoized view per node, so a frame re-renders only the
 * nodes whose subtree changed. */
import { memo, type CSSProperties } from "react";
import { CONTAINER_TYPES, type Element } from "./protocol.gen";
import type { TreeNode } from "./store";
import { components } from "./elements/registry";
import { elementHook, hook, isWrappedBlock, keyClass, wrapperKeyClass } from "./hooks";
import { DeferContext } from "./send";

export const NodeView = memo(function NodeView({ node }: { node: TreeNode }) {
  const el = node.el;
  if (el === null) return <Children node={node} />;
  if (el.type === "empty" && !node.children.some(Boolean)) return null;
  const Component = (components as Partial<Record<Element["type"], unknown>>)[el.type] as ElementComponent | undefined;
  if (!Component) {
    return <div className="el el-unsupported">Slipstream cannot show a “{(el as Element).type}” element yet.</div>;
  }
  const view = <Component key={"id" in el ? el.id : undefined} el={el} node={node} />;
  if (CONTAINER_TYPES.has(el.type)) {
    // Only leaves fade: a faded container would fade its children a second time.
    return (
      <div
        className={["el", `el-${el.type}`, wrapperKeyClass(el)].filter(Boolean).join(" ")}
        data-testid={isWrappedBlock(el) ? "stLayoutWrapper" : undefined}
        style={widthStyle(el)}
      >
        {view}
      </div>
    );
  }
  const own = elementHook(el);
  const body = own ? <div {...hook(own)}>{view}</div> : view;
  return (
    <div
      {...hook("stElementContainer", ["element-container", "el", `el-${el.type}`, "key" in el && keyClass(el.key ?? null), node.stale && "stale"].filter(Boolean).join(" "))}
      style={widthStyle(el)}
    >
      {"defer" in el && el.defer ? <DeferContext.Provider value={true}>{body}</DeferContext.Provider> : body}
    </div>
  );
});

type ElementComponent = (props: { el: Element; node: TreeNode }) => React.ReactNode;

/** The children of a container, in index order (holes are skipped). */
export function Children({ node }: { node: TreeNode }) {
  return <>{node.children.map((child, i) => child && <NodeView key={i} node={child} />)}</>;
}

function widthStyle(el: Element): CSSProperties | undefined {
  if (!("width" in el)) return undefined;
  if (typeof el.width === "number") return { width: el.width, maxWidth: "100%" };
  if (el.width === "content") return { width: "fit-content", maxWidth: "100%" };
  return undefined;
}
