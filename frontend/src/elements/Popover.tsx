import { useEffect, useId, useRef } from "react";
import type { PopoverEl } from "../protocol.gen";
import type { TreeNode } from "../store";
import { Children } from "../tree";
import { useRerun } from "../send";
import { hook, testid } from "../hooks";
import { ButtonFace } from "./buttonFace";
import { WithTooltip } from "./Help";
import { useWidgetState } from "./widget";
import "./popover.css";

/**
 * Whether the popover shows open, and how a toggle is reported. Untracked, the state is the
 * browser's own; tracked (an `id`), each toggle is sent (true or false) and the script's answer
 * (`open`) is what shows after the rerun.
 */
function useOpen(el: PopoverEl): [boolean, (open: boolean) => void] {
  const rerun = useRerun();
  const state = useWidgetState(el.open);
  const id = el.id;
  return [
    state.value,
    (open: boolean) => {
      if (open === state.value) return;
      if (id === null) state.set(open);
      else {
        state.sent(open);
        rerun(id, open);
      }
    },
  ];
}

/** `st.popover`: a button opening a floating container over what follows; a click outside it
 * or Escape closes it. Its content stays mounted while closed, so widgets in it keep their state. */
export function Popover({ el, node }: { el: PopoverEl; node: TreeNode }) {
  const [open, setOpen] = useOpen(el);
  const bodyId = useId();
  const box = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const stretch = el.width !== "content";

  useEffect(() => {
    if (!open) return;
    const away = (event: PointerEvent) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      trigger.current?.focus();
    };
    document.addEventListener("pointerdown", away);
    document.addEventListener("keydown", escape);
    return () => {
      document.removeEventListener("pointerdown", away);
      document.removeEventListener("keydown", escape);
    };
  });

  return (
    <div {...hook("stPopover", ["popover", stretch && "stretch"].filter(Boolean).join(" "))} ref={box}>
      <WithTooltip help={el.help}>
        {(describedBy) => (
          <button
            ref={trigger}
            type="button"
            {...testid("stPopoverButton")}
            className={`button button-${el.kind}${stretch ? " stretch" : ""}`}
            disabled={el.disabled}
            aria-haspopup="dialog"
            aria-expanded={open}
            aria-controls={bodyId}
            aria-describedby={describedBy}
            onClick={() => setOpen(!open)}
          >
            <ButtonFace el={{ ...el, icon_position: "left", shortcut: null }} />
            <svg className="popover-chevron" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
              <path d="M6 9l6 6 6-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
          </button>
        )}
      </WithTooltip>
      <div
        {...testid("stPopoverBody")}
        id={bodyId}
        role="dialog"
        aria-label={el.label}
        className="popover-body"
        hidden={!open}
        style={stretch ? { minWidth: "max(20rem, 100%)" } : undefined}
      >
        <div {...hook("stVerticalBlock", "block")}>
          <Children node={node} />
        </div>
      </div>
    </div>
  );
}
