/** The grid's own cell kinds, drawn on its canvas, with their overlay editors: charts and
 * progress bars, choices (selectbox, multiselect), dates and times, audio/video and buttons. */
import { drawTextCell, GridCellKind, type CustomCell, type CustomRenderer, type ProvideEditorComponent, type Rectangle } from "@glideapps/glide-data-grid";
import { useState, type KeyboardEvent } from "react";

type FullTheme = Parameters<CustomRenderer["draw"]>[0]["theme"];

export interface ChartData {
  kind: "slipstream-chart";
  chart: string;
  values: number[];
  min: number | null;
  max: number | null;
  color: string | null;
  label: string;
}

export interface Choice {
  value: unknown;
  label: string;
}

export interface ChoiceData {
  kind: "slipstream-choice";
  value: unknown;
  label: string;
  options: Choice[];
  required: boolean;
}

export interface MultiChoiceData {
  kind: "slipstream-multi";
  values: string[];
  options: Choice[];
  acceptNew: boolean;
}

export type TemporalType = "date" | "time" | "datetime";

export interface TemporalData {
  kind: "slipstream-temporal";
  type: TemporalType;
  /** The value as an <input> holds it: "2026-01-31", "09:30:00", "2026-01-31T09:30:00"; null when empty. */
  input: string | null;
  text: string;
  min: string | null;
  max: string | null;
  step: number | null;
}

export interface MediaData {
  kind: "slipstream-media";
  type: "audio" | "video";
  url: string;
}

export interface ButtonData {
  kind: "slipstream-button";
  labels: string[];
  buttonType: string;
}

type Data = ChartData | ChoiceData | MultiChoiceData | TemporalData | MediaData | ButtonData;

function matcher<T extends Data>(kind: T["kind"]) {
  return (cell: CustomCell): cell is CustomCell<T> => (cell.data as { kind?: string }).kind === kind;
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}

const chartRenderer: CustomRenderer<CustomCell<ChartData>> = {
  kind: GridCellKind.Custom,
  isMatch: matcher<ChartData>("slipstream-chart"),
  draw: (args, cell) => {
    const { ctx, rect, theme } = args;
    const { values, chart, color, label } = cell.data;
    const x0 = rect.x + 8;
    const w = rect.width - 16;
    const y0 = rect.y + 6;
    const h = rect.height - 12;
    const fill = color || theme.accentColor;
    if (chart === "progress") {
      const [value = 0] = values;
      const min = cell.data.min ?? 0;
      const max = cell.data.max ?? 100;
      const share = Math.max(0, Math.min(1, (value - min) / (max - min || 1)));
      ctx.font = theme.baseFontFull;
      ctx.textBaseline = "middle";
      const textWidth = Math.min(w / 2, ctx.measureText(label).width + 8);
      const barW = w - textWidth;
      const middle = rect.y + rect.height / 2;
      ctx.fillStyle = theme.bgCellMedium;
      roundRect(ctx, x0, middle - 3, barW, 6, 3);
      ctx.fill();
      ctx.fillStyle = fill;
      roundRect(ctx, x0, middle - 3, Math.max(barW * share, share > 0 ? 3 : 0), 6, 3);
      ctx.fill();
      ctx.fillStyle = theme.textDark;
      ctx.textAlign = "right";
      ctx.fillText(label, x0 + w, middle);
      ctx.textAlign = "left";
      return;
    }
    if (values.length === 0) return;
    const min = cell.data.min ?? Math.min(...values, chart === "bar_chart" ? 0 : Infinity);
    const max = cell.data.max ?? Math.max(...values);
    const span = max - min || 1;
    const y = (v: number) => y0 + h - ((Math.max(min, Math.min(max, v)) - min) / span) * h;
    ctx.save();
    ctx.fillStyle = fill;
    ctx.strokeStyle = fill;
    if (chart === "bar_chart") {
      const bw = w / values.length;
      values.forEach((v, i) => ctx.fillRect(x0 + i * bw + bw * 0.1, Math.min(y(v), y(0)), bw * 0.8, Math.abs(y(0) - y(v))));
    } else {
      const step = values.length > 1 ? w / (values.length - 1) : 0;
      ctx.beginPath();
      values.forEach((v, i) => (i ? ctx.lineTo(x0 + i * step, y(v)) : ctx.moveTo(x0, y(v))));
      ctx.lineWidth = 1.5;
      ctx.stroke();
      if (chart === "area_chart") {
        ctx.lineTo(x0 + (values.length - 1) * step, y0 + h);
        ctx.lineTo(x0, y0 + h);
        ctx.closePath();
        ctx.globalAlpha = 0.2;
        ctx.fill();
      }
    }
    ctx.restore();
  },
};

/** Keys that end an overlay editor: Enter keeps the value, Escape drops it (glide handles Escape). */
function onEnter(finish: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key === "Enter") {
      e.preventDefault();
      e.stopPropagation();
      finish();
    }
  };
}

const ChoiceEditor: ProvideEditorComponent<CustomCell<ChoiceData>> = ({ value: cell, onFinishedEditing }) => {
  const { options, required } = cell.data;
  const at = options.findIndex((o) => o.value === cell.data.value);
  const [index, setIndex] = useState(at);
  const choose = (i: number) => {
    const option = options[i];
    onFinishedEditing({ ...cell, data: { ...cell.data, value: option ? option.value : null, label: option ? option.label : "" } });
  };
  const entries = required ? options : [{ value: null, label: "" }, ...options];
  const offset = required ? 0 : 1;
  return (
    <select
      className="grid-choice-editor"
      aria-label="Choose a value"
      autoFocus
      size={Math.min(8, Math.max(2, entries.length))}
      value={String(index + offset)}
      onChange={(e) => setIndex(Number(e.target.value) - offset)}
      onClick={(e) => {
        const target = e.target as HTMLElement;
        if (target.tagName === "OPTION") choose(Number((target as HTMLOptionElement).value) - offset);
      }}
      onKeyDown={onEnter(() => choose(index))}
    >
      {entries.map((o, i) => (
        <option key={i} value={String(i)}>
          {o.label || (o.value === null ? "—" : String(o.value))}
        </option>
      ))}
    </select>
  );
};

const choiceRenderer: CustomRenderer<CustomCell<ChoiceData>> = {
  kind: GridCellKind.Custom,
  isMatch: matcher<ChoiceData>("slipstream-choice"),
  draw: (args, cell) => drawTextCell(args, cell.data.label),
  provideEditor: () => ({ editor: ChoiceEditor, disablePadding: true }),
  onPaste: (text, data) => {
    const option = data.options.find((o) => o.label === text || String(o.value) === text);
    return option ? { ...data, value: option.value, label: option.label } : undefined;
  },
};

function drawBubbles(ctx: CanvasRenderingContext2D, rect: Rectangle, theme: FullTheme, labels: string[]): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(rect.x, rect.y, rect.width, rect.height);
  ctx.clip();
  ctx.font = theme.baseFontFull;
  ctx.textBaseline = "middle";
  let x = rect.x + theme.cellHorizontalPadding;
  const middle = rect.y + rect.height / 2;
  for (const label of labels) {
    const w = ctx.measureText(label).width + 16;
    ctx.fillStyle = theme.bgBubble;
    roundRect(ctx, x, middle - 11, w, 22, 11);
    ctx.fill();
    ctx.fillStyle = theme.textBubble;
    ctx.fillText(label, x + 8, middle);
    x += w + 6;
    if (x > rect.x + rect.width) break;
  }
  ctx.restore();
}

const MultiChoiceEditor: ProvideEditorComponent<CustomCell<MultiChoiceData>> = ({ value: cell, onChange, onFinishedEditing }) => {
  const { options, acceptNew, values } = cell.data;
  const [added, setAdded] = useState("");
  const known = new Set(options.map((o) => String(o.value)));
  const all = [...options, ...values.filter((v) => !known.has(v)).map((v) => ({ value: v, label: v }))];
  const update = (next: string[]) => onChange({ ...cell, data: { ...cell.data, values: next } });
  const toggle = (value: string) => update(values.includes(value) ? values.filter((v) => v !== value) : [...values, value]);
  return (
    <div className="grid-multi-editor" role="group" aria-label="Choose values" onKeyDown={onEnter(() => onFinishedEditing(cell))}>
      {all.map((o) => (
        <label key={String(o.value)}>
          <input type="checkbox" checked={values.includes(String(o.value))} onChange={() => toggle(String(o.value))} />
          {o.label || String(o.value)}
        </label>
      ))}
      {acceptNew && (
        <input
          type="text"
          placeholder="Add an option"
          aria-label="Add an option"
          value={added}
          onChange={(e) => setAdded(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== "Enter" || !added.trim()) return;
            e.preventDefault();
            e.stopPropagation();
            if (!values.includes(added.trim())) update([...values, added.trim()]);
            setAdded("");
          }}
        />
      )}
    </div>
  );
};

const multiChoiceRenderer: CustomRenderer<CustomCell<MultiChoiceData>> = {
  kind: GridCellKind.Custom,
  isMatch: matcher<MultiChoiceData>("slipstream-multi"),
  draw: ({ ctx, rect, theme }, cell) => {
    const labels = new Map(cell.data.options.map((o) => [String(o.value), o.label || String(o.value)]));
    drawBubbles(ctx, rect, theme, cell.data.values.map((v) => labels.get(v) ?? v));
  },
  provideEditor: () => ({ editor: MultiChoiceEditor, disablePadding: true }),
  onPaste: (text, data) => ({ ...data, values: text.split(",").map((s) => s.trim()).filter(Boolean) }),
};

const INPUT_TYPE: Record<TemporalType, string> = { date: "date", time: "time", datetime: "datetime-local" };

const TemporalEditor: ProvideEditorComponent<CustomCell<TemporalData>> = ({ value: cell, onChange, onFinishedEditing }) => {
  const { type, input, min, max, step } = cell.data;
  const set = (next: string) => onChange({ ...cell, data: { ...cell.data, input: next || null } });
  return (
    <input
      className="grid-temporal-editor"
      type={INPUT_TYPE[type]}
      aria-label={`Choose a ${type}`}
      autoFocus
      value={input ?? ""}
      min={min ?? undefined}
      max={max ?? undefined}
      step={step ?? (type === "date" ? undefined : 1)}
      onChange={(e) => set(e.target.value)}
      onKeyDown={onEnter(() => onFinishedEditing(cell))}
    />
  );
};

const temporalRenderer: CustomRenderer<CustomCell<TemporalData>> = {
  kind: GridCellKind.Custom,
  isMatch: matcher<TemporalData>("slipstream-temporal"),
  draw: (args, cell) => drawTextCell(args, cell.data.text),
  provideEditor: () => ({ editor: TemporalEditor, disablePadding: true }),
};

const MediaPlayer: ProvideEditorComponent<CustomCell<MediaData>> = ({ value: cell }) =>
  cell.data.type === "audio" ? (
    <audio className="grid-media-player" src={cell.data.url} controls autoPlay />
  ) : (
    <video className="grid-media-player" src={cell.data.url} controls autoPlay />
  );

const mediaRenderer: CustomRenderer<CustomCell<MediaData>> = {
  kind: GridCellKind.Custom,
  isMatch: matcher<MediaData>("slipstream-media"),
  draw: (args, cell) => {
    if (!cell.data.url) return;
    const name = decodeURIComponent(cell.data.url.split(/[?#]/)[0]!.split("/").pop() || cell.data.url);
    drawTextCell({ ...args, theme: { ...args.theme, textDark: args.theme.linkColor } }, `${cell.data.type === "audio" ? "♪" : "▶"} ${name}`);
  },
  provideEditor: () => ({ editor: MediaPlayer, disablePadding: true }),
};

/** The buttons of a button cell: equal parts of the cell's width. */
export function buttonAt(labels: string[], cellWidth: number, x: number): number {
  if (labels.length === 0) return -1;
  const part = (cellWidth - 8) / labels.length;
  const i = Math.floor((x - 4) / part);
  return i >= 0 && i < labels.length ? i : -1;
}

const buttonRenderer: CustomRenderer<CustomCell<ButtonData>> = {
  kind: GridCellKind.Custom,
  isMatch: matcher<ButtonData>("slipstream-button"),
  needsHover: true,
  draw: ({ ctx, rect, theme, hoverAmount }, cell) => {
    const { labels, buttonType } = cell.data;
    if (labels.length === 0) return;
    const part = (rect.width - 8) / labels.length;
    ctx.save();
    ctx.font = theme.baseFontFull;
    ctx.textBaseline = "middle";
    ctx.textAlign = "center";
    labels.forEach((label, i) => {
      const x = rect.x + 4 + i * part;
      const y = rect.y + 4;
      const w = part - 4;
      const h = rect.height - 8;
      if (buttonType !== "tertiary") {
        roundRect(ctx, x, y, w, h, 6);
        ctx.fillStyle = buttonType === "primary" ? theme.accentColor : theme.bgCell;
        ctx.globalAlpha = 1 - hoverAmount * 0.15;
        ctx.fill();
        ctx.globalAlpha = 1;
        if (buttonType !== "primary") {
          ctx.strokeStyle = theme.borderColor;
          ctx.stroke();
        }
      }
      ctx.fillStyle = buttonType === "primary" ? theme.accentFg : theme.textDark;
      ctx.save();
      ctx.beginPath();
      ctx.rect(x, y, w, h);
      ctx.clip();
      ctx.fillText(label, x + w / 2, y + h / 2);
      ctx.restore();
    });
    ctx.restore();
  },
};

export const RENDERERS = [chartRenderer, choiceRenderer, multiChoiceRenderer, temporalRenderer, mediaRenderer, buttonRenderer];
