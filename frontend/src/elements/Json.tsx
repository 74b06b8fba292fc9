import { useMemo, useState } from "react";
import type { JsonEl } from "../protocol.gen";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function Scalar({ value }: { value: Json }) {
  if (typeof value === "string") return <span className="json-string">{JSON.stringify(value)}</span>;
  if (typeof value === "number") return <span className="json-number">{String(value)}</span>;
  return <span className="json-literal">{String(value)}</span>;
}

function Entry({ name, value, level, open: openLevels }: { name: string | null; value: Json; level: number; open: number }) {
  const isObject = typeof value === "object" && value !== null;
  const [open, setOpen] = useState(level < openLevels);
  const key = name === null ? null : <span className="json-key">{name}: </span>;
  if (!isObject) {
    return (
      <div className="json-row">
        {key}
        <Scalar value={value} />
      </div>
    );
  }
  const entries: [string, Json][] = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value).map(([k, v]) => [JSON.stringify(k), v]);
  const [opening, closing] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) {
    return (
      <div className="json-row">
        {key}
        {opening + closing}
      </div>
    );
  }
  return (
    <div className="json-row">
      <button type="button" className="json-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className="json-caret" aria-hidden="true">
          {open ? "▾" : "▸"}
        </span>
        {key}
        {opening}
        {!open && (
          <span className="json-summary">
            {" "}
            {entries.length} {entries.length === 1 ? "item" : "items"} {closing}
          </span>
        )}
      </button>
      {open && (
        <>
          <div className="json-children">
            {entries.map(([k, v]) => (
              <Entry key={k} name={k} value={v} level={level + 1} open={openLevels} />
            ))}
          </div>
          <div className="json-row">{closing}</div>
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
      {parsed.ok ? <Entry key={el.body} name={null} value={parsed.value} level={0} open={levels} /> : <pre>{el.body}</pre>}
    </div>
  );
}
