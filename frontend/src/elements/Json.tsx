import { useMemo, useState } from "react";
import type { JsonEl } from "../protocol.gen";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function Scalar({ value }: { value: Json }) {
  if (typeof value === "string") return <span className="json-string">{JSON.stringify(value)}</span>;
  if (typeof value === "number") {
    // As in Streamlit, whole numbers and fractions take different colours.
    return <span className={Number.isInteger(value) ? "json-number" : "json-number json-float"}>{String(value)}</span>;
  }
  if (value === null) return <span className="json-literal json-null">null</span>;
  return <span className="json-literal">{String(value)}</span>;
}

/** A key and its colon; array indices are shown fainter, without quotes. */
function Key({ name, index }: { name: string | null; index: boolean }) {
  if (name === null) return null;
  return (
    <>
      <span className={index ? "json-key json-index" : "json-key"}>{name}</span>
      <span className="json-colon">:</span>
    </>
  );
}

/** The expand arrow: a small triangle, pointing down when open. */
function Caret({ open }: { open: boolean | null }) {
  return (
    <span className={open === false ? "json-caret closed" : "json-caret"} aria-hidden="true">
      {open !== null && (
        <svg viewBox="0 0 14 14" width="14" height="14">
          <path d="M2 5h9.6L6.8 9.8z" fill="currentColor" />
        </svg>
      )}
    </span>
  );
}

interface EntryProps {
  name: string | null;
  index: boolean;
  value: Json;
  level: number;
  open: number;
}

function Entry({ name, index, value, level, open: openLevels }: EntryProps) {
  const isObject = typeof value === "object" && value !== null;
  const [open, setOpen] = useState(level < openLevels);
  const key = <Key name={name} index={index} />;
  if (!isObject) {
    return (
      <div className="json-row">
        {key}
        <Scalar value={value} />
      </div>
    );
  }
  const isArray = Array.isArray(value);
  const entries: [string, Json][] = isArray ? value.map((v, i) => [String(i), v]) : Object.entries(value).map(([k, v]) => [JSON.stringify(k), v]);
  const [opening, closing] = isArray ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) {
    return (
      <div className="json-row">
        <Caret open={null} />
        {key}
        <span className="json-brace">{opening + closing}</span>
      </div>
    );
  }
  return (
    <div className="json-row">
      <button type="button" className="json-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        <Caret open={open} />
        {key}
        <span className="json-brace">{opening}</span>
        {!open && (
          <>
            <span className="json-summary" title={`${entries.length} ${entries.length === 1 ? "item" : "items"}`}>
              ...
            </span>
            <span className="json-brace">{closing}</span>
          </>
        )}
      </button>
      {open && (
        <>
          <div className="json-children">
            {entries.map(([k, v]) => (
              <Entry key={k} name={k} index={isArray} value={v} level={level + 1} open={openLevels} />
            ))}
          </div>
          <div className="json-brace json-close">{closing}</div>
        </>
      )}
    </div>
  );
}

export function JsonView({ el }: { el: JsonEl }) {
  const parsed = useMemo((): { ok: true; value: Json } | { ok: false } => {
    try {
      return { ok: true, value: JSON.parse(el.body) as Json };
    } catch {
      return { ok: false };
    }
  }, [el.body]);
  const levels = el.expanded === true ? Infinity : el.expanded === false ? 0 : el.expanded;
  return (
    <div className="json">
      {parsed.ok ? <Entry key={el.body} name={null} index={false} value={parsed.value} level={0} open={levels} /> : <pre>{el.body}</pre>}
    </div>
  );
}
