/** `st.html`: HTML in the page, not in a frame. DOMPurify removes scripts, event handlers and
 * script URLs unless the app asked for `unsafe_allow_javascript`; then the HTML goes in as a
 * parsed fragment, whose scripts run when inserted (innerHTML would leave them inert). */
import DOMPurify from "dompurify";
import { useLayoutEffect, useRef } from "react";
import type { HtmlEl } from "../protocol.gen";
import { hook } from "../hooks";

export function Html({ el }: { el: HtmlEl }) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const target = box.current;
    if (!target) return;
    if (el.unsafe_allow_javascript) {
      target.replaceChildren(document.createRange().createContextualFragment(el.body));
    } else {
      // FORCE_BODY keeps a leading <style> (it would otherwise be taken for <head> content).
      target.innerHTML = DOMPurify.sanitize(el.body, { FORCE_BODY: true });
    }
  }, [el.body, el.unsafe_allow_javascript]);
  return <div ref={box} {...hook("stHtml")} />;
}
