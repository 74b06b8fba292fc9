import { memo } from "react";
import type { ColumnEl, ColumnsEl } from "../protocol.gen";
import type { TreeNode } from "../store";
import { Children } from "../tree";
import { gapOf } from "./Container";
import { hook } from "../hooks";

const JUSTIFY = { top: "flex-start", center: "center", bottom: "flex-end" } as const;

/** One column: a box whose width is its share of the row's weights, holding a vertical block. */
export function Column({ el, node }: { el: ColumnEl; node: TreeNode }) {
  return (
    <div
      {...hook("stColumn", el.border ? "column bordered" : "column")}
      style={{ flex: `${el.weight} 1 0%`, justifyContent: JUSTIFY[el.vertical_alignment] }}
    >
      <div {...hook("stVerticalBlock", "block")}>
        <Children node={node} />
      </div>
    </div>
  );
}

const ColumnView = memo(function ColumnView({ node }: { node: TreeNode }) {
  if (node.el?.type !== "column") return null;
  return <Column el={node.el} node={node} />;
});

export function Columns({ el, node }: { el: ColumnsEl; node: TreeNode }) {
  return (
    <div {...hook("stHorizontalBlock", el.wrap ? "columns" : "columns no-wrap")} style={{ gap: gapOf(el.gap) }}>
      {node.children.map((child, i) => child && <ColumnView key={i} node={child} />)}
    </div>
  );
}
