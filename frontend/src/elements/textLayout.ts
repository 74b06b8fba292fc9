/** How text elements lay out their lines: `text_alignment` and `wrap` (textLayout.css). */
import type { CSSProperties } from "react";
import type { MarkdownEl } from "../protocol.gen";
import "./textLayout.css";

type TextAlignment = MarkdownEl["text_alignment"];

/** The style aligning an element's lines (nothing for the default, left). */
export function alignStyle(alignment: TextAlignment): CSSProperties | undefined {
  return alignment === "left" ? undefined : { textAlign: alignment };
}

/** Where a row's content sits for an alignment (a heading beside its link and help icons). */
export const ROW_JUSTIFY: Record<TextAlignment, CSSProperties["justifyContent"]> = {
  left: "flex-start",
  center: "center",
  right: "flex-end",
  justify: "flex-start",
};

/** The class keeping text on one line, cut with an ellipsis, when it may not wrap. */
export const oneLine = (wrap: boolean): string => (wrap ? "" : " one-line");
