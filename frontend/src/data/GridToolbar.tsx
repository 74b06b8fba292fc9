/** The grid's toolbar (search, columns, download, full screen) and its menu of columns to show. */
import { useState } from "react";
import type { ViewColumn } from "./gridModel";

function Icon({ d }: { d: string }) {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <path d={d} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

const ICONS = {
  search: "M7 12.5A5.5 5.5 0 1 0 7 1.5a5.5 5.5 0 0 0 0 11zM11 11l3.5 3.5",
  columns: "M2 2.5h12v11H2zM6 2.5v11M10 2.5v11",
  download: "M8 2v8.5M4.5 7L8 10.5 11.5 7M2.5 13.5h11",
  expand: "M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4",
  close: "M3.5 3.5l9 9M12.5 3.5l-9 9",
};

export interface GridToolbarProps {
  /** Every column the menu can show or hide. */
  columns: ViewColumn[];
  /** The names of the columns hidden. */
  hidden: ReadonlySet<string>;
  onHiddenChange: (hidden: ReadonlySet<string>) => void;
  search: boolean;
  /** None when the grid cannot search (its rows stay on the server): no search button. */
  onToggleSearch: (() => void) | undefined;
  full: boolean;
  onToggleFull: () => void;
  /** Whether every row has loaded, so the CSV file can hold them all. */
  canDownload: boolean;
  /** None when client.disableDataExport forbids it: no download button. */
  onDownload: (() => void) | undefined;
}

export function GridToolbar({ columns, hidden, onHiddenChange, search, onToggleSearch, full, onToggleFull, canDownload, onDownload }: GridToolbarProps) {
  const [menu, setMenu] = useState(false);
  return (
    <>
      <div className="grid-toolbar" role="toolbar" aria-label="Table tools">
        {onToggleSearch && (
          <button type="button" title="Search" aria-label="Search" aria-pressed={search} onClick={onToggleSearch}>
            <Icon d={ICONS.search} />
          </button>
        )}
        <button type="button" title="Show or hide columns" aria-label="Columns" aria-pressed={menu} onClick={() => setMenu((m) => !m)}>
          <Icon d={ICONS.columns} />
        </button>
        {onDownload && (
          <button type="button" title="Download as CSV" aria-label="Download as CSV" onClick={onDownload} disabled={!canDownload}>
            <Icon d={ICONS.download} />
          </button>
        )}
        <button type="button" title={full ? "Close full screen" : "Full screen"} aria-label="Full screen" aria-pressed={full} onClick={onToggleFull}>
          <Icon d={full ? ICONS.close : ICONS.expand} />
        </button>
      </div>
      {menu && (
        <div className="grid-columns-menu" role="dialog" aria-label="Columns">
          {columns.map((c) => (
            <label key={c.name}>
              <input
                type="checkbox"
                checked={!hidden.has(c.name)}
                onChange={(e) => {
                  const next = new Set(hidden);
                  if (e.target.checked) next.delete(c.name);
                  else next.add(c.name);
                  onHiddenChange(next);
                }}
              />
              {c.title || "(index)"}
            </label>
          ))}
        </div>
      )}
    </>
  );
}
