import type { SkeletonEl } from "../protocol.gen";
import "./status.css";

/** st.skeleton: a shimmering block where content will come (one line high unless sized). */
export function Skeleton({ el }: { el: SkeletonEl }) {
  const height = typeof el.height === "number" ? `${el.height}px` : el.height === "stretch" ? "100%" : undefined;
  return <div data-testid="stSkeletonElement" className="stSkeleton skeleton" style={{ height }} aria-hidden="true" />;
}
