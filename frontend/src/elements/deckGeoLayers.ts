/** deck.gl's geo layers (H3, A5, S2, geohash and quadkey cells, great circles, trips, tiles and
 * terrain): a chunk fetched only when a spec names one of them.
 *
 * Nothing here reaches for the internet on its own. loaders.gl parses vector and terrain tiles in
 * web workers that it fetches from a CDN; those two layers parse on the page instead. Tile3DLayer
 * is left out: its mesh and texture decoders only come from a CDN. */
import {
  A5Layer,
  GeohashLayer,
  GreatCircleLayer,
  H3ClusterLayer,
  H3HexagonLayer,
  MVTLayer,
  QuadkeyLayer,
  S2Layer,
  TerrainLayer,
  TileLayer,
  TripsLayer,
} from "@deck.gl/geo-layers";
import { MVTLoader } from "@loaders.gl/mvt";
import { TerrainLoader } from "@loaders.gl/terrain";
import type { LayerClasses } from "./deckLayers";

/** The layer's loader options with loaders.gl's workers turned off, whatever the spec says. */
function withoutWorkers(options: unknown): Record<string, unknown> {
  const given = (options ?? {}) as Record<string, unknown>;
  return { ...given, core: { ...(given.core as Record<string, unknown> | undefined), worker: false } };
}

class PageMVTLayer extends MVTLayer {
  static override layerName = "MVTLayer";
  static override defaultProps = { loaders: [MVTLoader] };
  override getLoadOptions() {
    return withoutWorkers(super.getLoadOptions());
  }
}

class PageTerrainLayer extends TerrainLayer {
  static override layerName = "TerrainLayer";
  static override defaultProps = { loaders: [TerrainLoader] };
  override getLoadOptions() {
    return withoutWorkers(super.getLoadOptions());
  }
}

export const GEO_LAYERS = {
  H3HexagonLayer,
  H3ClusterLayer,
  A5Layer,
  S2Layer,
  GeohashLayer,
  QuadkeyLayer,
  GreatCircleLayer,
  TripsLayer,
  TileLayer,
  MVTLayer: PageMVTLayer,
  TerrainLayer: PageTerrainLayer,
} as unknown as LayerClasses;
