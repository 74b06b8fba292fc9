/** deck.gl's aggregation layers (hexagon and grid bins, heatmaps, contours): a chunk fetched only
 * when a spec names one of them. */
import { ContourLayer, GridLayer, HeatmapLayer, HexagonLayer, ScreenGridLayer } from "@deck.gl/aggregation-layers";
import type { LayerClasses } from "./deckLayers";

/** deck.gl 8 had a separate class for binning on the CPU; GridLayer now does both, and older
 * pydeck apps still ask for it by its old name. */
class CPUGridLayer extends GridLayer {
  static override layerName = "CPUGridLayer";
  static override defaultProps = { gpuAggregation: false };
}

export const AGGREGATION_LAYERS = {
  HexagonLayer,
  HeatmapLayer,
  GridLayer,
  CPUGridLayer,
  GPUGridLayer: GridLayer,
  ScreenGridLayer,
  ContourLayer,
} as unknown as LayerClasses;
