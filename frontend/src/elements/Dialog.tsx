/** st.dialog: a modal over the page (or a full-height drawer at its left or right). */
import { useCallback, useEffect, useId, useRef, useState, type CSSProperties, type PointerEvent } from "react";
import type { DialogEl } from "../protocol.gen";
import type { TreeNode } from "../store";
import { Children } from "../tree";
import { Icon } from "../icons";
import { useSend } from "../send";
import { InlineMarkdown } from "./widget";
import { hook, testid } from "../hooks";
import "./dialog.css";

const WIDTHS = { small: 500, medium: 750, large: 1280 } as const;
const MIN_WIDTH = 200;
const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Width of the dialog (or the drawer's starting width) in pixels. */
const pixelWidth = (width: DialogEl["width"]): number => (typeof width === "number" ? width : WIDTHS[width]);

export function Dialog({ el, node }: { el: DialogEl; node: TreeNode }) {
  // Dismissed by the user: stays closed until a run opens it again (a newer `opened`).
  const [dismissed, setDismissed] = useState<number | null>(null);
  const open = dismissed !== el.opened;
  const send = useSend();
  const dismiss = useCallback(() => {
    if (!el.dismissible) return;
    setDismissed(el.opened);
    if (el.id !== null) send({ t: "rerun", values: { [el.id]: true } });
  }, [el.dismissible, el.opened, el.id, send]);
  if (!open) return null;
  return <OpenDialog el={el} node={node} dismiss={dismiss} />;
}

function OpenDialog({ el, node, dismiss }: { el: DialogEl; node: TreeNode; dismiss: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const drawer = el.position !== "center";
  const [drawerWidth, setDrawerWidth] = useState(() => pixelWidth(el.width));
  useModal(box, dismiss);
  const style: CSSProperties = drawer
    ? { width: `min(${Math.max(MIN_WIDTH, drawerWidth)}px, 100vw)` }
    : { width: `min(${Math.max(MIN_WIDTH, pixelWidth(el.width))}px, calc(100vw - 2rem))` };
  return (
    <div
      {...hook("stDialog", `dialog-backdrop dialog-${el.position}`)}
      onPointerDown={(event) => {
        if (event.target === event.currentTarget) dismiss();
      }}
    >
      <div ref={box} className="dialog-box" style={style} role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1}>
        {drawer && <ResizeHandle side={el.position === "left" ? "right" : "left"} onResize={setDrawerWidth} />}
        {el.dismissible && (
          <button type="button" className="dialog-close" aria-label="Close" onClick={dismiss}>
            <svg viewBox="0 0 10 10" width="10" height="10" aria-hidden="true">
              <path d="M1 1l8 8M9 1L1 9" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
            </svg>
          </button>
        )}
        <h2 id={titleId} className="dialog-title">
          {el.icon && (
            <span {...testid("stDialogIcon")} className="dialog-icon">
              <Icon icon={el.icon} />
            </span>
          )}
          <InlineMarkdown text={el.title} />
        </h2>
        <div className="dialog-body">
          <div {...hook("stVerticalBlock", "block")}>
            <Children node={node} />
          </div>
        </div>
      </div>
    </div>
  );
}

/** While the dialog is open: the page behind is inert, Escape dismisses, Tab stays inside,
 * and focus goes back where it was once the dialog closes. */
function useModal(box: React.RefObject<HTMLDivElement | null>, dismiss: () => void): void {
  const dismissRef = useRef(dismiss);
  dismissRef.current = dismiss;
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const page = document.querySelector<HTMLElement>('[data-testid="stAppViewContainer"]');
    page?.setAttribute("inert", "");
    const dialog = box.current;
    (dialog?.querySelector<HTMLElement>(FOCUSABLE) ?? dialog)?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        event.preventDefault();
        dismissRef.current();
      } else if (event.key === "Tab" && dialog) {
        const items = Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((e) => e.offsetParent !== null);
        if (items.length === 0) return event.preventDefault();
        const first = items[0] as HTMLElement;
        const last = items[items.length - 1] as HTMLElement;
        const inside = dialog.contains(document.activeElement);
        if (event.shiftKey && (document.activeElement === first || !inside)) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
          event.preventDefault();
          first.focus();
        }
      }
    };
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
      page?.removeAttribute("inert");
      if (before?.isConnected) before.focus();
    };
  }, [box]);
}

/** The drawer's inner edge: drag it to change the drawer's width. */
function ResizeHandle({ side, onResize }: { side: "left" | "right"; onResize: (width: number) => void }) {
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const move = (e: globalThis.PointerEvent) =>
      onResize(side === "right" ? e.clientX : window.innerWidth - e.clientX);
    const up = () => {
      handle.removeEventListener("pointermove", move);
      handle.removeEventListener("pointerup", up);
    };
    handle.addEventListener("pointermove", move);
    handle.addEventListener("pointerup", up);
  };
  return (
    <div
      className={`dialog-resize dialog-resize-${side}`}
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize"
      onPointerDown={onPointerDown}
    />
  );
}
