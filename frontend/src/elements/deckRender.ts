/** deck.gl, loaded on first use by DeckChart (its own chunk): turns pydeck's JSON into a Deck
 * drawn on a plain background. No base map: no tile server is ever contacted. */
import { Deck, FirstPersonView, MapView, OrbitView, OrthographicView, type PickingInfo } from "@deck.gl/core";
import { JSONConfiguration, JSONConverter } from "@deck.gl/json";
import { CORE_LAYERS, familyClasses, layerTypes, type LayerClasses } from "./deckLayers";

type Json = Record<string, unknown>;

/** The layer classes the converter knows so far: the core ones, then each family fetched. */
const known: LayerClasses = { ...CORE_LAYERS };

const converter = new JSONConverter({
  configuration: new JSONConfiguration({
    classes: { ...known, MapView, OrthographicView, OrbitView, FirstPersonView } as LayerClasses,
  }),
});

/** Fetch the layer families (aggregation, geo) the spec names and teach the converter them. */
export async function loadLayers(spec: Json): Promise<void> {
  const classes = await familyClasses(layerTypes(spec));
  Object.assign(known, classes);
  converter.mergeConfiguration({ classes });
}

/** Layer types the spec uses that this build cannot draw (after `loadLayers`). */
export function unsupportedLayers(spec: Json): string[] {
  return layerTypes(spec).filter((type) => !(type in known));
}

export interface DeckOptions {
  parent: HTMLDivElement;
  /** deck.gl's [r, g, b, a] for st.map's "primary" colour. */
  primary: number[];
  getTooltip: (info: PickingInfo) => string | null;
  onClick: ((info: PickingInfo) => void) | null;
}

/** Replace st.map's "primary" colour placeholder by the theme's primary colour. */
function withPrimary(spec: Json, primary: number[]): Json {
  if (!Array.isArray(spec.layers)) return spec;
  const fix = (layer: Json): Json =>
    layer.getFillColor === "primary" ? { ...layer, getFillColor: primary } : layer;
  return { ...spec, layers: (spec.layers as Json[]).map(fix) };
}

export function createDeck(spec: Json, options: DeckOptions): { update: (spec: Json) => void; finalize: () => void } {
  const supported = (s: Json): Json => {
    const bad = new Set(unsupportedLayers(s));
    const list = Array.isArray(s.layers) ? (s.layers as Json[]) : [];
    return { ...s, layers: list.filter((l) => !bad.has(String(l["@@type"] ?? ""))) };
  };
  const props = (s: Json): Json => {
    const converted = { ...(converter.convert(withPrimary(supported(s), options.primary)) as Json) };
    delete converted.mapStyle; // the server drops base maps already; never draw one
    delete converted.mapProvider;
    return converted;
  };
  const deck = new Deck({
    parent: options.parent,
    width: "100%",
    height: "100%",
    controller: true,
    ...props(spec),
    getTooltip: (info: PickingInfo) => {
      const text = options.getTooltip(info);
      return text === null ? null : { text };
    },
    onClick: options.onClick ?? undefined,
  });
  return {
    update: (next) => deck.setProps(props(next)),
    finalize: () => deck.finalize(),
  };
}
