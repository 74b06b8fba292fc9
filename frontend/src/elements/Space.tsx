import type { CSSProperties } from "react";
import type { SpaceEl } from "../protocol.gen";
import { hook } from "../hooks";
import "./space.css";

/** The named sizes of `st.space`, in rem. */
const SIZES: Record<string, number> = {
  xxsmall: 0.25,
  xsmall: 0.5,
  small: 0.75,
  medium: 2.5,
  large: 4.25,
  xlarge: 6,
  xxlarge: 8,
};

/** `st.space`: empty room, vertical in a column of elements and horizontal in a row (space.css). */
export function Space({ el }: { el: SpaceEl }) {
  if (el.size === "stretch") return <div {...hook("stSpace", "space space-stretch")} aria-hidden="true" />;
  const size = typeof el.size === "number" ? `${el.size}px` : `${SIZES[el.size] ?? SIZES.small}rem`;
  return <div {...hook("stSpace", "space")} style={{ "--space-size": size } as CSSProperties} aria-hidden="true" />;
}
