/**
 * The open list of a select widget: a listbox whose rows are windowed past a few dozen (as in
 * Streamlit), so that 100,000 options cost the same to open and filter as fifty: only the rows in
 * view are in the page. Rows have one fixed height, so the window is arithmetic: no pass over
 * the rows (a virtualiser that measures rows walks all 100,000 on every keystroke).
 */
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

/** Past this many rows the list is windowed (Streamlit's threshold). */
export const VIRTUAL_FROM = 26;
/** A row's height in px: 2.5rem at the page's 16px root size. */
export const ROW_HEIGHT = 40;
/** The list's greatest height in px (18.75rem; also at most 70% of the window, in CSS). */
const MAX_HEIGHT = 300;
/** Rows drawn beyond each edge of the view, so that scrolling shows no gap. */
const OVERSCAN = 6;

/** Rows that PageUp and PageDown move by. */
const PAGE = 7;

/**
 * Where a navigation key moves the highlight among `count` rows (no wrapping), or null for other
 * keys. Handled in the input's own keydown, not through downshift's change reports: those come
 * after the render, and an Enter right behind an arrow key must see where the arrow went.
 */
export function movedBy(key: string, highlighted: number, count: number): number | null {
  const last = count - 1;
  switch (key) {
    case "ArrowDown":
      return Math.min(highlighted + 1, last);
    case "ArrowUp":
      return Math.max(highlighted - 1, 0);
    case "PageDown":
      return Math.min(highlighted + PAGE, last);
    case "PageUp":
      return Math.max(highlighted - PAGE, 0);
    case "Home":
      return 0;
    case "End":
      return last;
    default:
      return null;
  }
}

/** A keydown on a select widget's input, which downshift also sees unless told to skip it. */
export type ListKeyEvent = KeyboardEvent<HTMLInputElement> & { nativeEvent: { preventDownshiftDefault?: boolean } };

export function skipDownshift(event: ListKeyEvent): void {
  event.nativeEvent.preventDownshiftDefault = true;
}

/** What the select widgets' keys act on. */
export interface ListKeys {
  typingOff: boolean;
  isOpen: boolean;
  highlighted: number;
  count: number;
  /** Open the list, with no highlight moved yet. */
  open: () => void;
  move: (to: number) => void;
  /** Enter on the highlighted row. */
  pick: () => void;
}

/**
 * The keys both select widgets handle alike: no typing when filtering is off, an arrow opens the
 * list, navigation keys move the highlight, Enter picks. True when the key was one of them.
 */
export function handleListKey(event: ListKeyEvent, keys: ListKeys): boolean {
  const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
  if (keys.typingOff && plain && (event.key.length === 1 || event.key === "Backspace" || event.key === "Delete")) {
    event.preventDefault();
    return true;
  }
  if ((event.key === "ArrowDown" || event.key === "ArrowUp") && !keys.isOpen) {
    skipDownshift(event);
    event.preventDefault();
    keys.open();
    return true;
  }
  const to = keys.isOpen && !event.altKey ? movedBy(event.key, keys.highlighted, keys.count) : null;
  if (to !== null) {
    skipDownshift(event);
    event.preventDefault();
    keys.move(to);
    return true;
  }
  if (event.key === "Enter") {
    skipDownshift(event);
    if (!keys.isOpen || event.nativeEvent.isComposing) return true;
    event.preventDefault();
    keys.pick();
    return true;
  }
  return false;
}

/** What the list needs of downshift's combobox. */
export interface MenuApi {
  getMenuProps: (
    options: { ref?: React.Ref<HTMLDivElement>; "aria-label"?: string; onScroll?: React.UIEventHandler },
    other?: { suppressRefError?: boolean },
  ) => object;
  getItemProps: (options: {
    index: number;
    className?: string;
    style?: React.CSSProperties;
    onClick?: (event: React.MouseEvent & { nativeEvent: { preventDownshiftDefault?: boolean } }) => void;
  }) => object;
  highlightedIndex: number;
  isOpen: boolean;
}

export interface Row {
  key: string | number;
  content: ReactNode;
  /** A bulk action or the "Add:" row, set apart by a rule below it. */
  special?: boolean;
}

export function SelectMenu({
  api,
  count,
  row,
  label,
  empty,
  testId,
  onPick,
  busy = false,
}: {
  api: MenuApi;
  count: number;
  /** The row at a position (called only for rows in view). */
  row: (index: number) => Row;
  label: string;
  /** Shown when there are no rows. */
  empty: string;
  testId: string;
  /** A row was clicked. */
  onPick: (index: number) => void;
  /** The rows are about to change (a long list's search is on its way). */
  busy?: boolean;
}) {
  const scroller = useRef<HTMLDivElement | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const open = api.isOpen;
  const windowed = open && count >= VIRTUAL_FROM;
  const highlighted = api.highlightedIndex;

  // Keyboard moves keep the highlighted row in view (downshift scrolls only rows in the page).
  useEffect(() => {
    const box = scroller.current;
    if (!open || !box || highlighted < 0) return;
    const top = highlighted * ROW_HEIGHT;
    const view = box.clientHeight || MAX_HEIGHT;
    if (top < box.scrollTop) box.scrollTop = top;
    else if (top + ROW_HEIGHT > box.scrollTop + view) box.scrollTop = top + ROW_HEIGHT - view;
  }, [open, highlighted, count]);

  const item = (index: number, style?: React.CSSProperties) => {
    const r = row(index);
    const classes = ["select-option", index === highlighted && "highlighted", r.special && "special"].filter(Boolean);
    return (
      <div
        key={r.key}
        {...api.getItemProps({
          index,
          className: classes.join(" "),
          style,
          onClick: (event) => {
            event.nativeEvent.preventDownshiftDefault = true;
            onPick(index);
          },
        })}
      >
        <span className="select-option-text">{r.content}</span>
      </div>
    );
  };

  const rows: ReactNode[] = [];
  if (open && !windowed) for (let i = 0; i < count; i++) rows.push(item(i));
  if (windowed) {
    const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(count, Math.ceil((scrollTop + MAX_HEIGHT) / ROW_HEIGHT) + OVERSCAN);
    for (let i = first; i < last; i++)
      rows.push(item(i, { position: "absolute", top: 0, left: 0, right: 0, transform: `translateY(${i * ROW_HEIGHT}px)` }));
  }

  const menuProps = api.getMenuProps(
    { ref: scroller, "aria-label": label, onScroll: (event) => setScrollTop(event.currentTarget.scrollTop) },
    { suppressRefError: true },
  );
  return (
    <div
      {...menuProps}
      className={`select-popup${open ? "" : " closed"}`}
      data-testid={testId}
      aria-busy={(open && busy) || undefined}
    >
      {open && count === 0 && <div className="select-empty">{empty}</div>}
      {windowed ? (
        <div role="presentation" style={{ height: count * ROW_HEIGHT, position: "relative" }}>
          {rows}
        </div>
      ) : (
        rows
      )}
    </div>
  );
}
