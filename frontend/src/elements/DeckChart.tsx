/** st.pydeck_chart and st.map: deck.gl layers on a plain background (no map tiles). deck.gl is
 * fetched on first use, in its own chunk. */
import { useEffect, useRef, useState } from "react";
import type { PickingInfo } from "@deck.gl/core";
import type { DeckChartEl } from "../protocol.gen";
import { useRerun } from "../send";
import { cssVar, useJsonSpec } from "./chartSpec";
import { ElementToolbar, useFullscreen } from "./ElementToolbar";

type Json = Record<string, unknown>;
type DeckModule = typeof import("./deckRender");
type DeckHandle = ReturnType<DeckModule["createDeck"]>;

let deckModule: Promise<DeckModule> | null = null;
const loadDeck = (): Promise<DeckModule> => (deckModule ??= import("./deckRender"));

/** "#ff4b4b" -> [255, 75, 75, alpha]. */
export function hexToRgba(hex: string, alpha: number): number[] {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  const n = m ? parseInt(m[1] as string, 16) : 0xff4b4b;
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}

/** pydeck's tooltip: `{"text": "n = {n}"}` or `{"html": ...}` (shown as text), or true (every field). */
export function tooltipText(tooltip: unknown, object: unknown): string | null {
  if (!tooltip || object === null || typeof object !== "object") return null;
  const fields = object as Json;
  if (tooltip === true) {
    return Object.entries(fields)
      .filter(([, v]) => v === null || typeof v !== "object")
      .map(([k, v]) => `${k}: ${String(v)}`)
      .join("\n");
  }
  const t = tooltip as Json;
  let template = typeof t.text === "string" ? t.text : typeof t.html === "string" ? t.html : null;
  if (template === null) return null;
  if (typeof t.text !== "string") template = template.replace(/<br\s*\/?>/gi, "\n").replace(/<[^>]*>/g, "");
  return template.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const value = fields[name.trim()] ?? (fields.properties as Json | undefined)?.[name.trim()];
    return value === undefined ? whole : String(value);
  });
}

interface DeckSelection {
  selection: { indices: Record<string, number[]>; objects: Record<string, unknown[]> };
}

/** The selection after clicking `info` (nothing picked: cleared in single-object mode). */
export function nextSelection(
  current: DeckSelection,
  mode: "single-object" | "multi-object",
  layerId: string | null,
  index: number,
  object: unknown,
): DeckSelection {
  const empty: DeckSelection = { selection: { indices: {}, objects: {} } };
  if (layerId === null || index < 0) return mode === "single-object" ? empty : current;
  if (mode === "single-object") {
    return { selection: { indices: { [layerId]: [index] }, objects: { [layerId]: [object] } } };
  }
  const indices = { ...current.selection.indices };
  const objects = { ...current.selection.objects };
  const had = indices[layerId] ?? [];
  const at = had.indexOf(index);
  if (at >= 0) {
    indices[layerId] = had.filter((_, i) => i !== at);
    objects[layerId] = (objects[layerId] ?? []).filter((_, i) => i !== at);
    if (indices[layerId].length === 0) {
      delete indices[layerId];
      delete objects[layerId];
    }
  } else {
    indices[layerId] = [...had, index];
    objects[layerId] = [...(objects[layerId] ?? []), object];
  }
  return { selection: { indices, objects } };
}

export function DeckChart({ el }: { el: DeckChartEl }) {
  const { spec, error: specError } = useJsonSpec(el.spec, el.url);
  const box = useRef<HTMLDivElement>(null);
  const deck = useRef<DeckHandle | null>(null);
  const rerun = useRerun();
  const latest = useRef({ el, rerun, selection: { selection: { indices: {}, objects: {} } } as DeckSelection });
  latest.current.el = el;
  latest.current.rerun = rerun;
  const [error, setError] = useState<string | null>(null);
  const [unsupported, setUnsupported] = useState<string[]>([]);
  const { full, setFull, frameClass } = useFullscreen();

  useEffect(() => {
    const parent = box.current;
    if (!parent || spec === null) return;
    let live = true;
    const json = spec as Json;
    loadDeck()
      .then(async (m) => {
        await m.loadLayers(json); // aggregation and geo layers come in chunks of their own
        if (!live) return;
        setUnsupported(m.unsupportedLayers(json));
        if (deck.current) {
          deck.current.update(json);
          return;
        }
        deck.current = m.createDeck(json, {
          parent,
          primary: hexToRgba(cssVar("--primary", "#ff4b4b"), 160),
          getTooltip: (info: PickingInfo) => {
            const tooltip = latest.current.el.tooltip;
            return tooltip ? tooltipText(JSON.parse(tooltip) as unknown, info.object) : null;
          },
          onClick: (info: PickingInfo) => {
            const { el: current, selection } = latest.current;
            if (current.id === null || current.selection_mode === null) return;
            const next = nextSelection(selection, current.selection_mode, info.layer?.id ?? null, info.index, info.object);
            latest.current.selection = next;
            latest.current.rerun(current.id, JSON.stringify(next));
          },
        });
        setError(null);
      })
      .catch((e: unknown) => live && setError(String(e)));
    return () => {
      live = false;
    };
  }, [spec]);

  useEffect(
    () => () => {
      deck.current?.finalize();
      deck.current = null;
    },
    [],
  );

  const message = specError ?? error;
  return (
    <div className={`chart deck-chart ${frameClass}`}>
      {message && <div className="chart-error">The map could not be drawn: {message}</div>}
      {unsupported.length > 0 && (
        <div className="chart-error">Slipstream cannot draw these deck.gl layers: {unsupported.join(", ")}.</div>
      )}
      <div
        ref={box}
        className="deck-box"
        style={full ? undefined : { height: el.height }}
        role={el.alt ? "img" : undefined}
        aria-label={el.alt ?? undefined}
      />
      <ElementToolbar full={full} setFull={setFull} />
    </div>
  );
}
