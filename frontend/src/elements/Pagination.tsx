import { useLayoutEffect, useRef, useState } from "react";
import type { PaginationEl } from "../protocol.gen";
import { hook, testid } from "../hooks";
import { Icon } from "../icons";
import { useRerun } from "../send";
import { useWidgetState } from "./widget";
import "./pagination.css";

/** A page button or an ellipsis standing for the pages left out. */
export type PageItem = number | "gap";

/** Width of a page button (32px) plus the gap after it (4px): how many slots fit a row. */
const SLOT = 36;

/**
 * The page buttons and ellipses shown for `current` of `count` pages in at most `max` slots, as
 * Streamlit 1.67 lays them out: the first and last pages stay in view, a run of pages around
 * the current one in between, and near either end the run reaches that end. Below five slots
 * there is no room for both ends: the current page alone, or it and the last page (the first
 * page and the last when the last is current).
 */
export function pageItems(count: number, current: number, max: number | null): PageItem[] {
  const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  if (max === null || count <= max) return range(1, count);
  if (max === 0) return [];
  if (max <= 2) return [current];
  if (max <= 4) return current === count ? [1, "gap", count] : [current, "gap", count];
  if (current <= 3) return [...range(1, max - 2), "gap", count];
  if (current >= count - 2) return [1, "gap", ...range(count - max + 3, count)];
  const run = max - 4;
  const start = Math.min(Math.max(current - Math.floor((run - 1) / 2), 2), count - run);
  return [1, "gap", ...range(start, start + run - 1), "gap", count];
}

/** How many page slots fit beside the two arrows in `width` pixels (null: not measured). */
export function slotsThatFit(width: number): number | null {
  return width > 0 ? Math.max(0, Math.floor((width + 4) / SLOT) - 2) : null;
}

/** The width of the row the widget sits in (0 until measured). */
function useRowWidth(): [React.RefObject<HTMLDivElement>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const row = ref.current?.closest(".stElementContainer")?.parentElement;
    if (!row || typeof ResizeObserver === "undefined") return;
    const measure = () => {
      const style = getComputedStyle(row);
      setWidth(row.clientWidth - parseFloat(style.paddingLeft || "0") - parseFloat(style.paddingRight || "0"));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(row);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** `st.pagination`: previous/next arrows around numbered page buttons; sends the 1-based page. */
export function Pagination({ el }: { el: PaginationEl }) {
  const rerun = useRerun();
  const state = useWidgetState(el.value);
  const [ref, rowWidth] = useRowWidth();
  const page = state.value;
  // the row fewer pages show in when it is too narrow for max_visible_pages (a fixed width caps it)
  const fit = slotsThatFit(typeof el.width === "number" ? Math.min(rowWidth, el.width) : rowWidth);
  const max = fit === null ? el.max_visible_pages : el.max_visible_pages === null ? fit : Math.min(el.max_visible_pages, fit);
  const go = (target: number) => {
    if (el.disabled || target === page || target < 1 || target > el.num_pages) return;
    state.sent(target);
    rerun(el.id, target);
  };
  const layout = el.width === "content" ? "pagination" : "pagination pagination-centered";
  return (
    <div {...hook("stPagination", layout)} ref={ref}>
      <div role="navigation" aria-label="Pagination" className="pagination-nav">
        <button
          type="button"
          className="pagination-arrow"
          aria-label="Previous page"
          disabled={el.disabled || page <= 1}
          onClick={() => go(page - 1)}
          {...testid("stPaginationPrev")}
        >
          <Icon icon=":material/chevron_left:" />
        </button>
        {pageItems(el.num_pages, page, max).map((item, i) =>
          item === "gap" ? (
            <span key={`gap${i}`} className="pagination-gap" aria-hidden="true" {...testid("stPaginationEllipsis")}>
              …
            </span>
          ) : (
            <button
              key={item}
              type="button"
              className={item === page ? "pagination-page pagination-current" : "pagination-page"}
              aria-label={`Page ${item}`}
              aria-current={item === page ? "page" : undefined}
              disabled={el.disabled}
              onClick={() => go(item)}
              {...testid(item === page ? "stPaginationPageActive" : "stPaginationPage")}
            >
              {item}
            </button>
          ),
        )}
        <button
          type="button"
          className="pagination-arrow"
          aria-label="Next page"
          disabled={el.disabled || page >= el.num_pages}
          onClick={() => go(page + 1)}
          {...testid("stPaginationNext")}
        >
          <Icon icon=":material/chevron_right:" />
        </button>
      </div>
    </div>
  );
}
