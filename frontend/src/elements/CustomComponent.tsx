/** A components v1 custom component: its page in an iframe, spoken to with
 * streamlit-component-lib's messages. From the frame: `streamlit:componentReady`,
 * `streamlit:setComponentValue` and `streamlit:setFrameHeight` (each with `isStreamlitMessage`);
 * to the frame: `streamlit:render` with `args`, `dfs` (Arrow tables), `disabled` and `theme`.
 *
 * The frame stays mounted while the element keeps its id, and a render event is sent again only
 * when what it carries changed: an unchanged component is neither reloaded nor re-rendered. */
import { useCallback, useEffect, useRef, useState } from "react";
import type { ComponentEl, ComponentFrame } from "../protocol.gen";
import { hook } from "../hooks";
import { useConnected, useSend } from "../send";
import { componentTheme } from "./componentTheme";
import { toComponentValue } from "./componentValue";
import { FRAME_ALLOW, FRAME_SANDBOX } from "./frames";

const MAX_FRAME_HEIGHT = 100_000;

interface ArrowFrame {
  key: string;
  value: { data: { data: Uint8Array; index: Uint8Array; columns: Uint8Array } };
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The DataFrame arguments, fetched (null until they all arrived). They are followed by their
 * URLs (content hashes), so the same tables in a new element are not fetched again. */
function useFrames(frames: ComponentFrame[]): ArrowFrame[] | null {
  const urls = JSON.stringify(frames);
  const [loaded, setLoaded] = useState<{ urls: string; frames: ArrowFrame[] } | null>(null);
  useEffect(() => {
    let live = true;
    const wanted = JSON.parse(urls) as ComponentFrame[];
    Promise.all(
      wanted.map(async (f) => {
        const [data, index, columns] = await Promise.all([fetchBytes(f.data), fetchBytes(f.index), fetchBytes(f.columns)]);
        return { key: f.key, value: { data: { data, index, columns } } };
      }),
    ).then(
      (result) => live && setLoaded({ urls, frames: result }),
      (error: unknown) => console.warn("a component's DataFrame argument could not be loaded:", error),
    );
    return () => {
      live = false;
    };
  }, [urls]);
  if (frames.length === 0) return NO_FRAMES;
  return loaded && loaded.urls === urls ? loaded.frames : null;
}

const NO_FRAMES: ArrowFrame[] = [];

/** The page of the component, told where the app is (as Streamlit does: some read it). */
function frameUrl(url: string): string {
  const page = new URL(url, window.location.href);
  page.searchParams.set("streamlitUrl", window.location.href);
  return page.toString();
}

export function CustomComponent({ el }: { el: ComponentEl }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const send = useSend();
  const [height, setHeight] = useState(0);
  const [src] = useState(() => frameUrl(el.url)); // fixed for the frame's life: no reloads
  const frames = useFrames(el.dfs);
  const ready = useRef(false);
  const lastRender = useRef<string | null>(null);
  const disabled = !useConnected();
  const latest = useRef({ el, frames, disabled });
  latest.current = { el, frames, disabled };

  const render = useCallback(() => {
    const { el: current, frames: dfs, disabled: off } = latest.current;
    const target = frame.current?.contentWindow;
    if (!ready.current || !target || dfs === null) return;
    const theme = componentTheme();
    // What the frame was last sent: the same arguments, tables and theme are not sent again.
    const signature = JSON.stringify([current.args, current.dfs, theme, off]);
    if (signature === lastRender.current) return;
    lastRender.current = signature;
    target.postMessage({ type: "streamlit:render", args: current.args, dfs, disabled: off, theme }, "*");
  }, []);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (!frame.current || event.source !== frame.current.contentWindow) return;
      const message: unknown = event.data;
      if (!message || typeof message !== "object" || (message as { isStreamlitMessage?: unknown }).isStreamlitMessage !== true) {
        return; // not for us (a library inside the frame talking to itself)
      }
      const { type } = message as { type?: unknown };
      if (type === "streamlit:componentReady") {
        ready.current = true;
        lastRender.current = null; // a reloaded page needs everything again
        render();
      } else if (type === "streamlit:setFrameHeight") {
        const h = (message as { height?: unknown }).height;
        if (typeof h === "number" && Number.isFinite(h) && h >= 0) setHeight(Math.min(Math.ceil(h), MAX_FRAME_HEIGHT));
        else console.warn(`component ${latest.current.el.name}: ignored a frame height of`, h);
      } else if (type === "streamlit:setComponentValue") {
        const { value, dataType } = message as { value?: unknown; dataType?: unknown };
        const wire = toComponentValue(value, dataType);
        if (wire === null) {
          console.warn(`component ${latest.current.el.name}: ignored a value that cannot be sent (too large or not JSON)`);
          return;
        }
        send({ t: "rerun", values: { [latest.current.el.id]: wire } });
      } else {
        console.warn(`component ${latest.current.el.name}: ignored an unknown message`, type);
      }
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, [render, send]);

  useEffect(render, [render, el.args, el.dfs, frames, disabled]);

  return (
    <iframe
      ref={frame}
      {...hook("stCustomComponentV1")}
      src={src}
      title={el.name}
      tabIndex={el.tab_index ?? undefined}
      scrolling="no"
      sandbox={FRAME_SANDBOX}
      allow={FRAME_ALLOW}
      style={{ width: "100%", height, border: "none", display: "block", colorScheme: "normal" }}
    />
  );
}
