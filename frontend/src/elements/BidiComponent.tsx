/** A components v2 component: its HTML and CSS in the page (inside a shadow root when it
 * isolates its styles), and its JS module's default export called with the parent element, the
 * data and the setters. It is called again when the data changes (after its cleanup, if it
 * returned one); the DOM is rebuilt only when the HTML, CSS or JS change. */
import { useEffect, useRef, useState } from "react";
import type { BidiComponentEl } from "../protocol.gen";
import { useSend } from "../send";
import { toComponentValue } from "./componentValue";
import "./bidiComponent.css";

type Cleanup = (() => void) | void;
type Mount = (component: {
  name: string;
  key: string;
  data: unknown;
  parentElement: ShadowRoot | HTMLElement;
  setStateValue: (name: string, value: unknown) => void;
  setTriggerValue: (name: string, value: unknown) => void;
}) => Cleanup | Promise<Cleanup>;

// One module per source text or file, shared by the instances of a component.
const modules = new Map<string, Promise<{ default?: unknown }>>();

function loadModule(js: string, fromFile: boolean): Promise<{ default?: unknown }> {
  const id = (fromFile ? "url:" : "js:") + js;
  let module = modules.get(id);
  if (!module) {
    // A file loads by its URL (against the page, not this bundle), so its own imports resolve.
    const url = fromFile
      ? new URL(js, document.baseURI).href
      : URL.createObjectURL(new Blob([js], { type: "text/javascript" }));
    module = import(/* @vite-ignore */ url) as Promise<{ default?: unknown }>;
    modules.set(id, module);
  }
  return module;
}

async function loadData(el: BidiComponentEl): Promise<unknown> {
  if (el.data_url === null) return el.data;
  const [{ tableFromIPC }, response] = await Promise.all([import("apache-arrow"), fetch(el.data_url)]);
  return tableFromIPC(new Uint8Array(await response.arrayBuffer()));
}

export function BidiComponent({ el }: { el: BidiComponentEl }) {
  const host = useRef<HTMLDivElement>(null);
  const send = useSend();
  const [root, setRoot] = useState<ShadowRoot | HTMLElement | null>(null);
  // The component's whole state: each setStateValue sends all of it, the server keeps the last.
  const state = useRef<{ from: Record<string, unknown>; values: Record<string, unknown> }>({
    from: el.state,
    values: { ...el.state },
  });
  if (state.current.from !== el.state && JSON.stringify(state.current.from) !== JSON.stringify(el.state)) {
    state.current = { from: el.state, values: { ...el.state } };
  }
  const ids = useRef({ id: el.id, trigger: el.trigger_id, name: el.name });
  ids.current = { id: el.id, trigger: el.trigger_id, name: el.name };

  // The DOM: rebuilt when the markup or the styles change.
  useEffect(() => {
    const box = host.current;
    if (!box) return;
    const parent = el.isolate_styles ? (box.shadowRoot ?? box.attachShadow({ mode: "open" })) : box;
    const content = document.createElement("div");
    const markup = document.createElement("div");
    if (el.html) markup.append(document.createRange().createContextualFragment(el.html));
    content.append(markup);
    if (el.css) {
      const style = document.createElement("style");
      style.textContent = el.css;
      content.append(style);
    }
    if (el.css_url) {
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = new URL(el.css_url, document.baseURI).href;
      content.append(link);
    }
    parent.replaceChildren(content);
    setRoot(parent);
    return () => parent.replaceChildren();
  }, [el.html, el.css, el.css_url, el.isolate_styles]);

  // The module: called with the data, again when the data changes.
  const dataKey = el.data_url ?? JSON.stringify(el.data);
  const js = el.js_url ?? el.js;
  const jsFromFile = el.js_url !== null;
  useEffect(() => {
    if (!root || !js) return;
    let cleanup: Cleanup;
    let live = true;
    const setStateValue = (name: string, value: unknown) => {
      const values = { ...state.current.values, [name]: value };
      const wire = toComponentValue(values, "json");
      if (wire === null) return console.warn(`component ${ids.current.name}: ignored a state value that cannot be sent`);
      state.current.values = values;
      send({ t: "rerun", values: { [ids.current.id]: wire } });
    };
    const setTriggerValue = (name: string, value: unknown) => {
      const wire = toComponentValue({ [name]: value }, "json");
      if (wire === null) return console.warn(`component ${ids.current.name}: ignored a trigger value that cannot be sent`);
      send({ t: "rerun", values: { [ids.current.trigger]: wire } });
    };
    Promise.all([loadModule(js, jsFromFile), loadData(el)])
      .then(async ([module, data]) => {
        if (!live) return;
        if (typeof module.default !== "function") {
          console.warn(`component ${el.name}: its js has no default export function`);
          return;
        }
        const mount = module.default as Mount;
        const key = el.id;
        cleanup = await mount({ name: el.name, key, data, parentElement: root, setStateValue, setTriggerValue });
        if (!live && typeof cleanup === "function") cleanup();
      })
      .catch((error: unknown) => console.error(`component ${el.name} failed:`, error));
    return () => {
      live = false;
      if (typeof cleanup === "function") cleanup();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the data by value (dataKey), not by object
  }, [root, js, jsFromFile, dataKey, send]);

  const sized = {
    width: typeof el.width === "number" ? el.width : undefined,
    height: typeof el.height === "number" ? el.height : el.height === "stretch" ? "100%" : undefined,
  };
  return (
    <div className="stBidiComponent bidi-component" style={sized}>
      <div>
        <div
          key={el.isolate_styles ? "isolated" : "regular"}
          ref={host}
          data-testid={el.isolate_styles ? "stBidiComponentIsolated" : "stBidiComponentRegular"}
        />
      </div>
    </div>
  );
}
