/** The grid's Arrow tables: fetched once per page, the first rows of a large frame before the
 * rest, and a Styler's display table beside the data. */
import { tableFromIPC, type Table } from "apache-arrow";
import { useEffect, useState } from "react";
import type { DataEditorEl, DataframeEl } from "../protocol.gen";
import { fetchBlob, fetchLargeBlob } from "./fetchBlob";

const tables = new Map<string, Promise<Table>>();

/** The Arrow table at `url`, fetched once per page (the URL names its content); a `large` one
 * is downloaded off the main thread. */
export function loadTable(url: string, large = false): Promise<Table> {
  let table = tables.get(url);
  if (!table) {
    table = (large ? fetchLargeBlob(url) : fetchBlob(url)).then((buffer) => tableFromIPC(new Uint8Array(buffer)));
    table.catch(() => tables.delete(url));
    tables.set(url, table);
  }
  return table;
}

/** Runs `fn` once the browser has painted the next frame. */
function afterNextPaint(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn, 0));
}

/** The grid's overlay editors open in a `#portal` element, which the page must hold. */
function ensurePortal(): void {
  if (document.getElementById("portal")) return;
  const portal = document.createElement("div");
  portal.id = "portal";
  document.body.appendChild(portal);
}

export interface GridTables {
  /** Every row, once loaded. */
  table: Table | null;
  /** A larger frame's first rows, drawn until `table` arrives. */
  head: Table | null;
  /** A Styler's display texts and cell CSS. */
  display: Table | null;
  error: string | null;
}

/** The tables of a grid element, loading as it changes. */
export function useGridTables(el: DataframeEl | DataEditorEl): GridTables {
  const [table, setTable] = useState<Table | null>(null);
  const [head, setHead] = useState<Table | null>(null);
  const [display, setDisplay] = useState<Table | null>(null);
  const [error, setError] = useState<string | null>(null);
  const styled = el.type === "dataframe" ? el.display : null;

  useEffect(() => {
    let live = true;
    ensurePortal();
    const loadAll = () =>
      loadTable(el.url, el.head !== null).then(
        (t) => live && setTable(t),
        (e: unknown) => live && setError(String(e instanceof Error ? e.message : e)),
      );
    // With a head, the whole table loads once the head's rows are on screen: its download would
    // otherwise hold up the first frame.
    if (el.head)
      loadTable(el.head).then(
        (t) => {
          if (live) setHead(t);
          afterNextPaint(loadAll);
        },
        loadAll,
      );
    else loadAll();
    if (styled) loadTable(styled).then((t) => live && setDisplay(t), () => undefined);
    return () => {
      live = false;
    };
  }, [el.url, el.head, styled]);

  return { table, head, display, error };
}
