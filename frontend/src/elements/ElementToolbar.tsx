/** The toolbar that charts and images show at their top right on hover: the element's own
 * buttons, then one that shows the element over the whole page (the look of the data grid's
 * toolbar and full screen). */
import { useEffect, useRef, useState } from "react";

export interface Fullscreen {
  full: boolean;
  setFull: (full: boolean) => void;
  /** The classes of the element's root: the toolbar's anchor, and the full-screen overlay. */
  frameClass: string;
}

/** A button an element adds to its toolbar, before Fullscreen. */
export interface ToolbarAction {
  label: string;
  /** The icon toolbar.css draws for it. */
  icon: "download" | "copy";
  onClick: () => void;
}

/** Whether an element is shown full screen. Its root takes `frameClass` and holds an
 * `<ElementToolbar>` given this state. */
export function useFullscreen(): Fullscreen {
  const [full, setFull] = useState(false);
  return { full, setFull, frameClass: full ? "element-frame element-fullscreen" : "element-frame" };
}

/** Goes in the root of the element it acts on, as its last child: the drawing comes first, to
 * screen readers and in the keyboard's order. Its icons are drawn by toolbar.css. */
export function ElementToolbar({
  full,
  setFull,
  actions = [],
}: Pick<Fullscreen, "full" | "setFull"> & { actions?: ToolbarAction[] }) {
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!full) return;
    const frame = button.current?.closest(".element-frame");
    // Safari does not focus a clicked button: keep the keyboard in the overlay.
    if (!frame?.contains(document.activeElement)) button.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !e.defaultPrevented) setFull(false);
    };
    document.addEventListener("keydown", onKey);
    // The wheel would scroll the page hidden behind the overlay.
    const overflow = document.body.style.overflow;
    document.body.style.overflow = "hidden";
    return () => {
      document.removeEventListener("keydown", onKey);
      document.body.style.overflow = overflow;
    };
  }, [full, setFull]);

  const toggle = () => {
    const frame = button.current?.closest<HTMLElement>(".element-frame");
    // The page keeps the element's place while it is out of the flow (styles/toolbar.css).
    if (!full && frame) frame.parentElement?.style.setProperty("--frame-height", `${frame.offsetHeight}px`);
    setFull(!full);
  };

  const label = full ? "Close fullscreen" : "Fullscreen";
  return (
    <div className="element-toolbar" role="toolbar" aria-label="Element tools">
      {actions.map(({ label: name, icon, onClick }) => (
        <button key={name} type="button" title={name} aria-label={name} data-icon={icon} onClick={onClick} />
      ))}
      <button ref={button} type="button" title={label} aria-label={label} aria-pressed={full} onClick={toggle} />
    </div>
  );
}
