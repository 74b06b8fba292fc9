import type { CSSProperties } from "react";
import type { GridCellEl, GridEl } from "../protocol.gen";
import type { TreeNode } from "../store";
import { Children, NodeView } from "../tree";
import { gapOf } from "./Container";
import { hook, keyClass, testid } from "../hooks";
import "./gridLayout.css";

const AUTO_MIN_WIDTH = 200; // pixels, st.grid's min_column_width="auto"
const CONTENT_ALIGN = { top: "flex-start", center: "center", bottom: "flex-end" } as const;

/** The grid's tracks: at most `columns`, each at least `min_column_width` wide unless one column
 * is left (with `wrap`); exactly `columns` otherwise, scrolling sideways when too narrow. */
function tracks(el: GridEl): string {
  const min = `${el.min_column_width ?? AUTO_MIN_WIDTH}px`;
  if (el.columns === null) return `repeat(auto-fill, minmax(min(${min}, 100%), 1fr))`;
  if (!el.wrap) return `repeat(${el.columns}, minmax(${min}, 1fr))`;
  const share = `(100% - ${el.columns - 1} * ${gapOf(el.column_gap)}) / ${el.columns}`;
  return `repeat(auto-fill, minmax(min(max(${min}, ${share}), 100%), 1fr))`;
}

/** Where a cell sits: the tracks a `grid.cell()` spans; one track for any other element. */
function placement(node: TreeNode): CSSProperties | undefined {
  if (node.el?.type !== "grid_cell") return undefined;
  const cell: GridCellEl = node.el;
  return {
    gridColumn: cell.column_span === "all" ? "1 / -1" : `span ${cell.column_span}`,
    gridRow: cell.row_span > 1 ? `span ${cell.row_span}` : undefined,
  };
}

/** `st.grid`: every child is a cell of a CSS grid that reflows with the page's width. */
export function GridLayout({ el, node }: { el: GridEl; node: TreeNode }) {
  const style: CSSProperties = {
    gridTemplateColumns: tracks(el),
    rowGap: gapOf(el.row_gap),
    columnGap: gapOf(el.column_gap),
    gridAutoRows: el.row_height === null ? undefined : `${el.row_height}px`,
    gridAutoFlow: el.dense ? "row dense" : undefined,
    height: typeof el.height === "number" ? el.height : undefined,
  };
  const classes = ["grid-layout", el.border && "cells-bordered", el.wrap ? "" : "no-wrap", keyClass(el.key)];
  // Streamlit's boxes around the grid and inside each cell, which take no room of their own
  // (display: contents) but which an app's CSS may name.
  return (
    <div {...testid("stGridScrollBody")} className="grid-pass">
      <div {...testid("stGridContentMeasure")} className="grid-pass">
        <div {...hook("stGrid", classes.filter(Boolean).join(" "))} style={style}>
          {node.children.map(
            (child, i) =>
              child && (
                <div
                  key={i}
                  {...hook("stGridCell", el.row_height === null ? "grid-cell" : "grid-cell fixed-row")}
                  style={{ ...placement(child), justifyContent: CONTENT_ALIGN[el.vertical_alignment] }}
                >
                  <div {...testid("stGridCellBody")} className="grid-pass">
                    <div {...testid("stGridCellContent")} className="grid-pass">
                      <NodeView node={child} />
                    </div>
                  </div>
                </div>
              ),
          )}
        </div>
      </div>
    </div>
  );
}

/** A `grid.cell()`: its elements, stacked in a block as a container's are. */
export function GridCell({ node }: { el: GridCellEl; node: TreeNode }) {
  return (
    <div {...hook("stVerticalBlock", "block")}>
      <Children node={node} />
    </div>
  );
}
