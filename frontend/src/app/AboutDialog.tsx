/** The main menu's About: the markdown set_page_config's menu_items gave "About". */
import { useEffect, useRef } from "react";
import { testid } from "../hooks";
import { useMarkdown } from "../markdown/useMarkdown";

export function AboutDialog({ markdown, onClose }: { markdown: string; onClose: () => void }) {
  const html = useMarkdown(markdown, false, false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element || element.open) return;
    // Modal where the browser can; a plain open dialog elsewhere (jsdom in tests)
    if (typeof element.showModal === "function") element.showModal();
    else element.setAttribute("open", "");
  }, []);
  return (
    <dialog ref={dialog} {...testid("stDialog")} className="settings-dialog" aria-label="About" onClose={onClose} onCancel={onClose}>
      <div className="settings-head">
        <h2>About</h2>
        <button type="button" aria-label="Close" className="settings-close" onClick={onClose}>
          ×
        </button>
      </div>
      <div {...testid("stMarkdownContainer")} className="md" dangerouslySetInnerHTML={{ __html: html }} />
    </dialog>
  );
}
