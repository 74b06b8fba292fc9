/** The deck.gl layer classes a pydeck spec can name in "@@type". The core layers come with the
 * deck chunk; the aggregation and geo families are chunks of their own, fetched the first time a
 * spec names one of their layers, so a plain scatterplot map never downloads them. */
import * as core from "@deck.gl/layers";

type Json = Record<string, unknown>;
export type LayerClass = new (props: Json) => unknown;
export type LayerClasses = Record<string, LayerClass>;

/** The exports of a module that are layer classes, by name. */
export function layerClassesOf(module: Record<string, unknown>): LayerClasses {
  return Object.fromEntries(
    Object.entries(module).filter(([name, value]) => /Layer$/.test(name) && typeof value === "function"),
  ) as LayerClasses;
}

export const CORE_LAYERS = layerClassesOf(core);

interface Family {
  /** Listed here, not read from the module, so a spec's needs are known before the fetch. */
  names: readonly string[];
  load: () => Promise<LayerClasses>;
}

export const FAMILIES: Record<"aggregation" | "geo", Family> = {
  aggregation: {
    names: [
      "HexagonLayer",
      "HeatmapLayer",
      "GridLayer",
      "CPUGridLayer",
      "GPUGridLayer",
      "ScreenGridLayer",
      "ContourLayer",
    ],
    load: () => import("./deckAggregationLayers").then((m) => m.AGGREGATION_LAYERS),
  },
  geo: {
    names: [
      "H3HexagonLayer",
      "H3ClusterLayer",
      "A5Layer",
      "S2Layer",
      "GeohashLayer",
      "QuadkeyLayer",
      "GreatCircleLayer",
      "TripsLayer",
      "TileLayer",
      "MVTLayer",
      "TerrainLayer",
    ],
    load: () => import("./deckGeoLayers").then((m) => m.GEO_LAYERS),
  },
};

/** The "@@type" of every layer in a pydeck spec. */
export function layerTypes(spec: Json): string[] {
  const list = Array.isArray(spec.layers) ? (spec.layers as Json[]) : [];
  return list.map((layer) => String(layer["@@type"] ?? "")).filter(Boolean);
}

const fetched = new Map<Family, Promise<LayerClasses>>();

/** The classes of every family holding one of `types`; each family is fetched once (a failed
 * fetch is tried again next time). */
export async function familyClasses(types: string[]): Promise<LayerClasses> {
  const needed = Object.values(FAMILIES).filter((family) => types.some((t) => family.names.includes(t)));
  const loaded = await Promise.all(
    needed.map((family) => {
      let classes = fetched.get(family);
      if (!classes) {
        classes = family.load().catch((error: unknown) => {
          fetched.delete(family);
          throw error;
        });
        fetched.set(family, classes);
      }
      return classes;
    }),
  );
  return Object.assign({}, ...loaded) as LayerClasses;
}
