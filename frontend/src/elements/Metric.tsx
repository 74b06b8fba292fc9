import type { CSSProperties } from "react";
import type { MetricEl } from "../protocol.gen";
import { formatNumber, parseNumber } from "../data/numberFormat";
import { Help } from "./Help";
import { Icon } from "../icons";
import { InlineMarkdown } from "./widget";
import { testid } from "../hooks";

/** Text that may hold markdown; plain text skips the markdown renderer (200 metrics render fast). */
function Rich({ text, className }: { text: string; className?: string }) {
  if (!/[*_`~[\]!:<\\$]/.test(text)) return <span className={className}>{text}</span>;
  return <InlineMarkdown text={text} className={className} />;
}

function formatted(text: string, format: string | null, signed: boolean): string {
  if (!format) return text;
  const number = parseNumber(text);
  if (number === null) return text;
  const out = formatNumber(number, format);
  return signed && number > 0 && !out.startsWith("+") ? `+${out}` : out;
}

const ARROWS = { up: "M8 13V3m0 0L3.5 7.5M8 3l4.5 4.5", down: "M8 3v10m0 0l-4.5-4.5M8 13l4.5-4.5" };

/** A sparkline: the values scaled into a small box, drawn as a line, an area or bars. */
export function Sparkline({ values, kind, color }: { values: number[]; kind: string; color: string }) {
  const w = 100;
  const h = 32;
  if (values.length === 0) return null;
  const min = Math.min(...values, kind === "bar" ? 0 : Infinity);
  const max = Math.max(...values);
  const span = max - min || 1;
  const y = (v: number) => h - 1 - ((v - min) / span) * (h - 2);
  const stroke = `var(--${color}, var(--gray))`;
  if (kind === "bar") {
    const bw = w / values.length;
    return (
      <svg className="metric-chart" viewBox={`0 0 ${w} ${h}`} preserveAspectRatio="none" aria-hidden="true">
        {values.map((v, i) => (
          <rect key={i} x={i * bw + bw * 0.1} width={bw * 0.8} y={Math.min(y(v), y(0))} height={Math.abs(y(0) - y(v))} fill={stroke} />
        ))}
      </svg>
    );
  }
  const step = values.length > 1 ? w / (values.length - 1) : 0;
  const points = values.map((v, i) => `${(i * step).toFixed(2)},${y(v).toFixed(2)}`).join(" ");
  return (
    <svg className="metric-chart" viewBox={`0 0 ${w} ${h}`} preserveAspectRatio="none" aria-hidden="true">
      {kind === "area" && <polygon points={`0,${h} ${points} ${((values.length - 1) * step).toFixed(2)},${h}`} fill={stroke} opacity={0.2} />}
      <polyline points={points} fill="none" stroke={stroke} strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
    </svg>
  );
}

export function Metric({ el }: { el: MetricEl }) {
  const style: CSSProperties | undefined = typeof el.height === "number" ? { height: el.height, overflow: "auto" } : undefined;
  const arrow = el.direction === "none" ? null : ARROWS[el.direction];
  return (
    <div className={`metric${el.border ? " metric-border" : ""}`} style={style}>
      {el.label_visibility !== "collapsed" && (
        <div {...testid("stMetricLabel")} className={`metric-label label-${el.label_visibility}`}>
          {el.icon && <Icon icon={el.icon} />}
          <Rich text={el.label} />
          {el.help && el.label_visibility === "visible" && <Help text={el.help} />}
        </div>
      )}
      <div {...testid("stMetricValue")} className="metric-value">
        <Rich text={formatted(el.body, el.format, false)} />
      </div>
      {el.delta !== null && (
        <div {...testid("stMetricDelta")} className={`metric-delta metric-${el.color}`}>
          {arrow && (
            <svg className="metric-arrow" viewBox="0 0 16 16" aria-label={el.direction === "up" ? "up" : "down"}>
              <path d={arrow} fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          )}
          <Rich text={formatted(el.delta, el.format, false)} />
          {el.delta_description && <span {...testid("stMetricDeltaDescription")} className="metric-description">{el.delta_description}</span>}
        </div>
      )}
      {el.chart_data && el.chart_data.length > 0 && <Sparkline values={el.chart_data} kind={el.chart_type} color={el.color} />}
    </div>
  );
}
