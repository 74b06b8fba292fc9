/** The selection an ECharts chart reports to the script: the items picked by clicking (ECharts'
 * `selectchanged`) and by brushing (`brushSelected`) merged by series, and the brushed areas
 * given in axis coordinates, shaped as Streamlit shapes them. */

export interface SelectedGroup {
  series_index: number;
  series_id: string | null;
  series_name: string | null;
  data_type: string;
  data_indices: number[];
}

export interface BrushArea {
  brush_index: number;
  brush_type: string;
  coord_range: unknown[];
}

export interface EchartsSelection {
  selection: { selected: SelectedGroup[]; areas: BrushArea[] };
}

/** One series' picked items, as `selectchanged` lists them. */
export interface PickedItems {
  seriesIndex: number;
  dataType?: string;
  dataIndex: number[];
}

/** One brush component's state, as `brushSelected` reports it. */
export interface BrushState {
  brushIndex: number;
  areas?: { brushType?: string; coordRange?: unknown }[];
  selected?: { seriesIndex: number; dataIndex: number[] }[];
}

/** The id and name the script gave a series (null when it gave none). */
export type SeriesLabels = (seriesIndex: number) => { id: string | null; name: string | null };

export const emptySelection = (): EchartsSelection => ({ selection: { selected: [], areas: [] } });

/** The selection the script gets from the chart's picked items and brushes. */
export function selectionOf(picked: PickedItems[], brushes: BrushState[], labels: SeriesLabels): EchartsSelection {
  const groups = new Map<string, { seriesIndex: number; dataType: string; indices: Set<number> }>();
  const add = (seriesIndex: number, dataType: string, indices: number[]) => {
    const key = `${seriesIndex}/${dataType}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { seriesIndex, dataType, indices: new Set() }));
    for (const i of indices) if (Number.isInteger(i) && i >= 0) group.indices.add(i);
  };
  for (const p of picked) add(p.seriesIndex, p.dataType ?? "main", p.dataIndex ?? []);
  for (const brush of brushes) for (const s of brush.selected ?? []) add(s.seriesIndex, "main", s.dataIndex ?? []);

  const selected = [...groups.values()]
    .filter((g) => g.indices.size > 0)
    .sort((a, b) => a.seriesIndex - b.seriesIndex || a.dataType.localeCompare(b.dataType))
    .map((g) => {
      const { id, name } = labels(g.seriesIndex);
      return {
        series_index: g.seriesIndex,
        series_id: id,
        series_name: name,
        data_type: g.dataType,
        data_indices: [...g.indices].sort((a, b) => a - b),
      };
    });
  // An area drawn with no axis, grid or geo to measure it has only pixels: nothing to report.
  const areas = [...brushes]
    .sort((a, b) => a.brushIndex - b.brushIndex)
    .flatMap((brush) =>
      (brush.areas ?? [])
        .filter((a) => typeof a.brushType === "string" && Array.isArray(a.coordRange))
        .map((a) => ({
          brush_index: brush.brushIndex,
          brush_type: a.brushType!,
          coord_range: a.coordRange as unknown[],
        })),
    );
  return { selection: { selected, areas } };
}

/** The ids and names of the option's series (a timeline keeps them in `baseOption`). */
export function seriesLabels(option: Record<string, unknown>): SeriesLabels {
  const base = option.baseOption as Record<string, unknown> | undefined;
  const raw = option.series ?? base?.series;
  const list = (Array.isArray(raw) ? raw : raw ? [raw] : []) as Record<string, unknown>[];
  return (i) => {
    const series = list[i] ?? {};
    const id = typeof series.id === "string" || typeof series.id === "number" ? String(series.id) : null;
    return { id, name: typeof series.name === "string" ? series.name : null };
  };
}
