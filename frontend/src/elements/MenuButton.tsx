import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { MenuButtonEl } from "../protocol.gen";
import { useRerun } from "../send";
import { hook, testid } from "../hooks";
import { ButtonFace } from "./buttonFace";
import { WithTooltip } from "./Help";
import { InlineMarkdown } from "./widget";
import "./menuButton.css";

/** `st.menu_button`: a button opening a menu; picking an item sends its position (once), and
 * closing the menu without a pick sends nothing. */
export function MenuButton({ el }: { el: MenuButtonEl }) {
  const rerun = useRerun();
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const stretch = el.width !== null && el.width !== "content";

  useEffect(() => {
    if (!open) return;
    items.current[0]?.focus();
    const away = (event: PointerEvent) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", away);
    return () => document.removeEventListener("pointerdown", away);
  }, [open]);

  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };
  const pick = (index: number) => {
    setOpen(false);
    rerun(el.id, index);
  };
  const onMenuKey = (event: KeyboardEvent) => {
    const count = el.options.length;
    const at = items.current.findIndex((item) => item === document.activeElement);
    const moves: Record<string, number> = {
      ArrowDown: (at + 1) % count,
      ArrowUp: (at - 1 + count) % count,
      Home: 0,
      End: count - 1,
    };
    if (event.key === "Escape" || event.key === "Tab") close();
    else if (event.key in moves) {
      event.preventDefault();
      items.current[moves[event.key]!]?.focus();
    }
  };

  return (
    <div {...hook("stMenuButton", `menu-button${stretch ? " stretch" : ""}`)} ref={box}>
      <WithTooltip help={el.help}>
        {(describedBy) => (
          <button
            ref={trigger}
            type="button"
            {...testid("stMenuButtonButton")}
            className={`button button-${el.kind}${stretch ? " stretch" : ""}`}
            disabled={el.disabled}
            aria-haspopup="menu"
            aria-expanded={open}
            aria-controls={open ? menuId : undefined}
            aria-describedby={describedBy}
            onClick={() => setOpen((was) => !was)}
            onKeyDown={(event) => event.key === "ArrowDown" && (event.preventDefault(), setOpen(true))}
          >
            <ButtonFace el={{ ...el, icon_position: "left", shortcut: null }} />
            <svg className="menu-chevron" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
              <path d="M6 9l6 6 6-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
          </button>
        )}
      </WithTooltip>
      {open && (
        <div id={menuId} role="menu" className="menu-list" onKeyDown={onMenuKey}>
          {el.options.map((option, i) => (
            <button
              key={i}
              ref={(item) => {
                items.current[i] = item;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="menu-item"
              onClick={() => pick(i)}
            >
              <InlineMarkdown text={option} />
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
