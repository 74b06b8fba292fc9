import type { CSSProperties } from "react";
import type { TableEl } from "../protocol.gen";

/** "color: red; font-weight: bold" (a Styler's cell CSS) as a React style. */
export function cssText(text: string): CSSProperties {
  const style: Record<string, string> = {};
  for (const part of text.split(";")) {
    const at = part.indexOf(":");
    if (at < 0) continue;
    const name = part.slice(0, at).trim().replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
    const value = part.slice(at + 1).trim();
    if (name && value && !/url\(|expression\(/i.test(value)) style[name] = value;
  }
  return style;
}

/** `st.table`: a static HTML table. */
export function Table({ el }: { el: TableEl }) {
  const showIndex = !el.hide_index;
  const border = el.border === true ? "table-border" : el.border === "horizontal" ? "table-horizontal" : "table-noborder";
  const style: CSSProperties | undefined = typeof el.height === "number" ? { maxHeight: el.height, overflow: "auto" } : undefined;
  return (
    <div className="table-wrap" style={style}>
      <table className={`st-table ${border}`} aria-label={el.alt ?? undefined}>
        {!el.hide_header && (
          <thead>
            {el.header.map((row, level) => (
              <tr key={level}>
                {showIndex &&
                  el.index_header.map((name, i) => <th key={`i${i}`}>{level === el.header.length - 1 ? name : ""}</th>)}
                {row.map((name, c) => (
                  <th key={c} className={el.numeric[c] ? "num" : undefined}>
                    {name}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
        )}
        <tbody>
          {el.cells.map((row, r) => (
            <tr key={r}>
              {showIndex &&
                (el.index[r] ?? []).map((label, i) => (
                  <th key={`i${i}`} scope="row">
                    {label}
                  </th>
                ))}
              {row.map((text, c) => {
                const css = el.styles?.[r]?.[c];
                return (
                  <td key={c} className={el.numeric[c] ? "num" : undefined} style={css ? cssText(css) : undefined}>
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
