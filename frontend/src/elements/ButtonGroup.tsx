import { useId, useState, type ReactNode } from "react";
import { Icon, leadingIcon, materialName } from "../icons";
import type { ButtonGroupEl } from "../protocol.gen";
import { useRerun } from "../send";
import { InlineMarkdown, sameArray, useWidgetState, WidgetLabel } from "./widget";

/** Our own line icons (24×24, stroked with the text colour). */
const svg = (children: ReactNode, className = "bg-icon") => (
  <svg className={className} viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
    {children}
  </svg>
);

const THUMB = (
  <>
    <path d="M3 10h4v11H3z" />
    <path d="M7 10l4-7c1.5 0 2.5 1 2.2 2.6L12.6 9H19a2 2 0 0 1 2 2.3l-1.3 7.6A2.5 2.5 0 0 1 17.2 21H7" />
  </>
);

const MOUTHS = ["M8 17.5q4-4.5 8 0", "M8.5 16.5q3.5-2.2 7 0", "M8.5 15.5h7", "M8.5 14.5q3.5 2.2 7 0", "M8 14q4 4.5 8 0"];
const FACE_NAMES = ["very dissatisfied", "dissatisfied", "neutral", "satisfied", "very satisfied"];

function starPoints(): string {
  const points: string[] = [];
  for (let k = 0; k < 10; k++) {
    const r = k % 2 === 0 ? 10 : 4.3;
    const a = (Math.PI / 5) * k - Math.PI / 2;
    points.push(`${(12 + r * Math.cos(a)).toFixed(2)},${(12.6 + r * Math.sin(a)).toFixed(2)}`);
  }
  return points.join(" ");
}
const STAR = starPoints();

interface Option {
  /** The option index sent to the server. */
  index: number;
  content: ReactNode;
  /** The accessible name when the content is an icon. */
  name?: string;
}

/** A pill's label: a leading icon (":material/star: Star") is drawn apart from the markdown
 * after it; an icon alone names the option for screen readers. */
function OptionLabel({ label }: { label: string }) {
  const { icon, text } = leadingIcon(label);
  if (icon === null) return <InlineMarkdown text={label} />;
  if (!text) {
    const name = materialName(icon);
    return <Icon icon={icon} label={name === null ? icon : `${name} icon`} />;
  }
  return (
    <>
      <Icon icon={icon} />
      <InlineMarkdown text={text} />
    </>
  );
}

/** What each style shows, in display order. Feedback styles draw their own icons; for thumbs
 * (as in Streamlit) index 1 is thumbs up and 0 thumbs down, shown up first. */
function optionsOf(el: ButtonGroupEl, lit: (index: number) => boolean): Option[] {
  switch (el.style) {
    case "thumbs":
      return [
        { index: 1, name: "thumbs up", content: svg(THUMB) },
        { index: 0, name: "thumbs down", content: svg(THUMB, "bg-icon flip") },
      ];
    case "faces":
      return FACE_NAMES.map((name, index) => ({
        index,
        name,
        content: svg(
          <>
            <circle cx="12" cy="12" r="9.5" />
            <circle cx="9" cy="10" r="0.6" className="solid" />
            <circle cx="15" cy="10" r="0.6" className="solid" />
            <path d={MOUTHS[index]} />
          </>,
        ),
      }));
    case "stars":
      return [0, 1, 2, 3, 4].map((index) => ({
        index,
        name: `${index + 1} star${index ? "s" : ""}`,
        content: svg(<polygon points={STAR} className={lit(index) ? "solid" : undefined} />),
      }));
    default:
      return el.options.map((option, index) => ({ index, content: <OptionLabel label={option} /> }));
  }
}

/** `st.pills`, `st.segmented_control` and `st.feedback`: toggle buttons sending the chosen
 * option indices. */
export function ButtonGroup({ el }: { el: ButtonGroupEl }) {
  const rerun = useRerun();
  const labelId = useId();
  const state = useWidgetState<number[]>(el.value, sameArray);
  const [hover, setHover] = useState<number | null>(null);
  const chosen = state.value;
  const stars = el.style === "stars";
  // Stars light up to the chosen one (or the one under the pointer).
  const upTo = hover ?? (chosen.length ? Math.max(...chosen) : -1);
  const options = optionsOf(el, (index) => index <= upTo);

  const toggle = (index: number) => {
    let next: number[];
    if (chosen.includes(index)) {
      next = el.multi ? chosen.filter((c) => c !== index) : [];
      if (next.length === 0 && el.required) return;
    } else next = el.multi ? [...chosen, index].sort((a, b) => a - b) : [index];
    state.sent(next);
    rerun(el.id, next);
  };
  const hasLabel = el.label !== "";
  return (
    <div className={`widget button-group bg-${el.style}`}>
      {hasLabel && <WidgetLabel label={el.label} visibility={el.label_visibility} help={el.help} id={labelId} />}
      <div
        role="group"
        aria-labelledby={hasLabel ? labelId : undefined}
        aria-label={hasLabel ? undefined : "Feedback"}
        className={`bg-options ${wrapClass(el.wrap)}${el.disabled ? " disabled" : ""}`}
        onMouseLeave={stars ? () => setHover(null) : undefined}
      >
        {options.map((option) => {
          const pressed = chosen.includes(option.index);
          return (
            <button
              key={option.index}
              type="button"
              className={`bg-option${pressed ? " pressed" : ""}${stars && option.index <= upTo ? " lit" : ""}`}
              aria-pressed={pressed}
              aria-label={option.name}
              title={option.name}
              disabled={el.disabled}
              onMouseEnter={stars ? () => setHover(option.index) : undefined}
              onClick={() => toggle(option.index)}
            >
              {option.content}
            </button>
          );
        })}
      </div>
    </div>
  );
}

/** How a row of options or a label lays out: `wrap=None` leaves it to the layout (see widgets.css). */
export const wrapClass = (wrap: boolean | null): string =>
  wrap === null ? "wrap-auto" : wrap ? "wrap-yes" : "wrap-no";
