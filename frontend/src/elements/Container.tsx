import { useLayoutEffect, useRef, type CSSProperties } from "react";
import type { ContainerEl, EmptyEl } from "../protocol.gen";
import type { TreeNode } from "../store";
import { Children } from "../tree";
import { hook, keyClass } from "../hooks";

export const GAPS: Record<string, string> = {
  xxsmall: "0.25rem",
  xsmall: "0.5rem",
  small: "1rem",
  medium: "2rem",
  large: "4rem",
  xlarge: "6rem",
  xxlarge: "8rem",
};

export function gapOf(gap: string | number | null): string {
  if (gap === null) return "0";
  return typeof gap === "number" ? `${gap}px` : (GAPS[gap] ?? "1rem");
}

const EDGE = { left: "flex-start", top: "flex-start", center: "center", right: "flex-end", bottom: "flex-end" } as const;

/** Where the elements sit: along the container's direction and across it. */
function alignment(el: ContainerEl): CSSProperties {
  const { horizontal_alignment: across, vertical_alignment: down } = el;
  if (el.horizontal) {
    return {
      justifyContent: across === "distribute" ? "space-between" : EDGE[across],
      alignItems: down === "distribute" ? "stretch" : EDGE[down],
    };
  }
  return {
    justifyContent: down === "distribute" ? "space-between" : EDGE[down],
    // Left (the default) leaves each element its full width, as in any column of elements.
    alignItems: across === "left" || across === "distribute" ? undefined : EDGE[across],
  };
}

export function Container({ el, node }: { el: ContainerEl; node: TreeNode }) {
  const classes = [
    "block",
    el.border && "bordered",
    el.horizontal && "horizontal",
    el.horizontal && !el.wrap && "no-wrap",
    el.height && "scroll",
    keyClass(el.key),
  ];
  const style: CSSProperties = { gap: gapOf(el.gap), ...alignment(el) };
  if (el.height) style.height = el.height;
  // By default a chat (a container holding chat messages) follows; st.chat_message is not drawn yet,
  // so the type is compared as a plain string.
  const chat = node.children.some((child) => (child?.el?.type as string | undefined) === "chat_message");
  const follows = el.height !== null && (el.autoscroll ?? chat);
  const scroller = useFollowNewContent(follows, node);
  return (
    <div
      {...hook(el.horizontal ? "stHorizontalBlock" : "stVerticalBlock", classes.filter(Boolean).join(" "))}
      style={style}
      ref={scroller.ref}
      onScroll={scroller.onScroll}
    >
      <Children node={node} />
    </div>
  );
}

/**
 * Keep a scrolling container at its bottom as content arrives, while the user is there: one who
 * scrolled up to read is left where they are. `node` changes whenever anything inside does.
 */
function useFollowNewContent(follows: boolean, node: TreeNode) {
  const ref = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  useLayoutEffect(() => {
    const box = ref.current;
    if (follows && box && atBottom.current) box.scrollTop = box.scrollHeight;
  }, [follows, node]);
  const onScroll = follows
    ? () => {
        const box = ref.current;
        if (box) atBottom.current = box.scrollHeight - box.scrollTop - box.clientHeight < 8;
      }
    : undefined;
  return { ref, onScroll };
}

/** `st.empty`: nothing until something is put in it (the tree skips it while it is empty). */
export function Empty({ node }: { el: EmptyEl; node: TreeNode }) {
  return (
    <div {...hook("stVerticalBlock", "block")}>
      <Children node={node} />
    </div>
  );
}
