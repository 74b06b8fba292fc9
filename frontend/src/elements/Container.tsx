import type { CSSProperties } from "react";
import type { ContainerEl, EmptyEl } from "../protocol.gen";
import type { TreeNode } from "../store";
import { Children } from "../tree";
import { hook, keyClass } from "../hooks";

export const GAPS: Record<string, string> = { small: "1rem", medium: "2rem", large: "4rem" };

export function gapOf(gap: string | null): string {
  return gap === null ? "0" : (GAPS[gap] ?? "1rem");
}

export function Container({ el, node }: { el: ContainerEl; node: TreeNode }) {
  const classes = ["block", el.border && "bordered", el.horizontal && "horizontal", el.height && "scroll", keyClass(el.key)];
  const style: CSSProperties = { gap: gapOf(el.gap) };
  if (el.height) style.height = el.height;
  return (
    <div {...hook(el.horizontal ? "stHorizontalBlock" : "stVerticalBlock", classes.filter(Boolean).join(" "))} style={style}>
      <Children node={node} />
    </div>
  );
}

/** `st.empty`: nothing until something is put in it (the tree skips it while it is empty). */
export function Empty({ node }: { el: EmptyEl; node: TreeNode }) {
  return (
    <div {...hook("stVerticalBlock", "block")}>
      <Children node={node} />
    </div>
  );
}
