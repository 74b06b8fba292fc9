/** `st.iframe`, `components.html` and `components.iframe`: a URL or an HTML document in a frame.
 * With height "content", a document the page may read (srcdoc, same origin) is measured and the
 * frame follows its height; other origins get Streamlit's 400 pixels. */
import { useEffect, useRef, useState } from "react";
import type { IframeEl } from "../protocol.gen";
import { hook } from "../hooks";
import { cssHeight, FRAME_ALLOW, FRAME_SANDBOX } from "./frames";

const CROSS_ORIGIN_HEIGHT = 400;
const UNMEASURED_HEIGHT = 150; // the browser's own, until the document has loaded

/** The height of a document's content: the bottom of the lowest child of its body. (The body's
 * own height would not do: in quirks mode, which a srcdoc without doctype is in, the body fills
 * the frame, so the frame could grow but never shrink.) */
function contentHeight(doc: Document): number {
  const body = doc.body;
  if (!body) return doc.documentElement.scrollHeight;
  let bottom = 0;
  for (const child of Array.from(body.children)) bottom = Math.max(bottom, child.getBoundingClientRect().bottom);
  const margin = parseFloat(doc.defaultView?.getComputedStyle(body).marginBottom ?? "0") || 0;
  return Math.ceil(bottom + margin);
}

export function IFrame({ el }: { el: IframeEl }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [measured, setMeasured] = useState<number | null>(null);
  const follow = el.height === "content";

  useEffect(() => {
    const node = frame.current;
    if (!follow || !node) return;
    let observer: ResizeObserver | null = null;
    let mutations: MutationObserver | null = null;
    const watch = () => {
      observer?.disconnect();
      let doc: Document | null = null;
      try {
        doc = node.contentDocument;
      } catch {
        doc = null; // another origin: its size is not ours to read
      }
      if (!doc?.documentElement) {
        setMeasured(CROSS_ORIGIN_HEIGHT);
        return;
      }
      const measure = () => setMeasured(contentHeight(doc));
      observer = new ResizeObserver(measure);
      observer.observe(doc.documentElement);
      mutations?.disconnect();
      mutations = new MutationObserver(measure);
      mutations.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, characterData: true });
      measure();
    };
    node.addEventListener("load", watch);
    return () => {
      node.removeEventListener("load", watch);
      observer?.disconnect();
      mutations?.disconnect();
    };
  }, [follow, el.src, el.srcdoc]);

  return (
    <iframe
      ref={frame}
      {...hook("stIFrame")}
      src={el.src ?? undefined}
      srcDoc={el.srcdoc ?? undefined}
      title={el.title}
      tabIndex={el.tab_index ?? undefined}
      scrolling={el.scrolling ? "auto" : "no"}
      sandbox={FRAME_SANDBOX}
      allow={FRAME_ALLOW}
      style={{ width: "100%", height: cssHeight(el.height, measured, UNMEASURED_HEIGHT), border: "none", display: "block" }}
    />
  );
}
