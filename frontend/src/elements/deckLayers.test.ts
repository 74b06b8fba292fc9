import { describe, expect, it } from "vitest";
import { CORE_LAYERS, FAMILIES, familyClasses, layerTypes } from "./deckLayers";

type LoadingLayer = { props: { loaders: { parse?: unknown }[] }; getLoadOptions: () => { core: { worker: boolean } } };

describe("deck layer families", () => {
  it("reads the layer types a pydeck spec names", () => {
    const spec = { layers: [{ "@@type": "HexagonLayer" }, { id: "no type" }, { "@@type": "ScatterplotLayer" }] };
    expect(layerTypes(spec)).toEqual(["HexagonLayer", "ScatterplotLayer"]);
    expect(layerTypes({})).toEqual([]);
  });

  it("lists exactly the classes each family module holds, none of them core", async () => {
    for (const family of Object.values(FAMILIES)) {
      const classes = await family.load();
      expect(Object.keys(classes).sort()).toEqual([...family.names].sort());
      for (const name of family.names) {
        expect(typeof classes[name]).toBe("function");
        expect(CORE_LAYERS).not.toHaveProperty(name);
      }
    }
    expect(CORE_LAYERS).toHaveProperty("ScatterplotLayer");
  });

  it("fetches only the families a spec needs", async () => {
    expect(await familyClasses(["ScatterplotLayer", "NoSuchLayer"])).toEqual({});
    const hexagon = await familyClasses(["HexagonLayer"]);
    expect(hexagon).toHaveProperty("HeatmapLayer");
    expect(hexagon).not.toHaveProperty("H3HexagonLayer");
    const both = await familyClasses(["HexagonLayer", "H3HexagonLayer"]);
    expect(both).toHaveProperty("GridLayer");
    expect(both).toHaveProperty("TripsLayer");
  });

  it("bins deck.gl 8's CPUGridLayer on the CPU", async () => {
    const { CPUGridLayer } = await FAMILIES.aggregation.load();
    const layer = new (CPUGridLayer as new (props: object) => { props: { gpuAggregation: boolean } })({});
    expect(layer.props.gpuAggregation).toBe(false);
  });

  it("parses vector and terrain tiles on the page, never in a worker fetched from a CDN", async () => {
    const geo = await FAMILIES.geo.load();
    for (const name of ["MVTLayer", "TerrainLayer"]) {
      const Layer = geo[name] as new (props: object) => LoadingLayer;
      const layer = new Layer({ loadOptions: { core: { worker: true } } });
      expect(layer.getLoadOptions().core.worker).toBe(false);
      expect(layer.props.loaders.every((loader) => typeof loader.parse === "function")).toBe(true);
    }
  });
});
