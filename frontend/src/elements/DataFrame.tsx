/** st.dataframe and st.data_editor: the grid lives in its own chunk, fetched on first use. */
import { lazy, Suspense, useCallback } from "react";
import type { DataEditorEl, DataframeEl } from "../protocol.gen";
import { fetchBlob } from "../data/fetchBlob";
import { useRerun } from "../send";

const Grid = lazy(() => import("../data/Grid"));

function GridView({ el }: { el: DataframeEl | DataEditorEl }) {
  // Start the rows' download now, in parallel with the grid's code (only the first rows of a larger
  // frame: the grid fetches the rest once they are drawn).
  void fetchBlob(el.head ?? el.url).catch(() => undefined);
  const rerun = useRerun();
  const id = el.id;
  const onValue = useCallback((value: string) => {
    if (id) rerun(id, value);
  }, [rerun, id]);
  const onTrigger = useCallback((trigger: string, value: string) => rerun(trigger, value), [rerun]);
  return (
    <Suspense fallback={<div className="grid grid-pending" style={{ height: 120 }}>Loading…</div>}>
      <Grid el={el} onValue={onValue} onTrigger={onTrigger} />
    </Suspense>
  );
}

export function DataFrame({ el }: { el: DataframeEl }) {
  return <GridView el={el} />;
}

export function DataEditor({ el }: { el: DataEditorEl }) {
  return <GridView el={el} />;
}
