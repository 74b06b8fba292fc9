/**
 * `st.selectbox` and `st.multiselect` as the page first draws them. The searchable comboboxes
 * (downshift and a virtual list, about a fifth of the main bundle's size) load in their own chunk
 * when a page first shows a select widget; until then the field is drawn as it will look, with
 * its value or placeholder, so nothing moves when the combobox takes over.
 */
import { useEffect, useState } from "react";
import type { MultiselectEl, SelectboxEl } from "../protocol.gen";
import { WidgetLabel } from "./widget";
import "./select.css";

interface Comboboxes {
  Selectbox: typeof import("./Selectbox").Selectbox;
  Multiselect: typeof import("./Multiselect").Multiselect;
}

let loaded: Comboboxes | null = null;
let loading: Promise<Comboboxes> | null = null;

/** Load the comboboxes' chunk (once); tests await it before rendering. */
export function loadComboboxes(): Promise<Comboboxes> {
  loading ??= Promise.all([import("./Selectbox"), import("./Multiselect")]).then(([s, m]) => {
    loaded = { Selectbox: s.Selectbox, Multiselect: m.Multiselect };
    return loaded;
  });
  return loading;
}

function useComboboxes(): Comboboxes | null {
  const [found, setFound] = useState(loaded);
  useEffect(() => {
    if (found) return undefined;
    let live = true;
    void loadComboboxes().then((c) => live && setFound(c));
    return () => {
      live = false;
    };
  }, [found]);
  return found;
}

function Field({ text, placeholder }: { text: string; placeholder: string }) {
  return (
    <input role="combobox" aria-expanded={false} readOnly value={text} placeholder={placeholder} tabIndex={-1} />
  );
}

function SelectboxStatic({ el }: { el: SelectboxEl }) {
  const text = el.index !== null ? (el.options[el.index] ?? "") : (el.new_value ?? "");
  return (
    <div className={`widget selectbox${el.disabled ? " disabled" : ""}`}>
      <WidgetLabel label={el.label} visibility={el.label_visibility} help={el.help} required={el.required} />
      <div className={`select-field${el.disabled ? " disabled" : ""}${el.icon ? " with-icon" : ""}`}>
        <Field text={text} placeholder={el.placeholder} />
        <span className="select-arrow" aria-hidden="true" />
      </div>
    </div>
  );
}

function MultiselectStatic({ el }: { el: MultiselectEl }) {
  const wrap = el.wrap === null ? "auto" : el.wrap ? "wrap" : "nowrap";
  return (
    <div className={`widget multiselect chips-${wrap}${el.disabled ? " disabled" : ""}`}>
      <WidgetLabel label={el.label} visibility={el.label_visibility} help={el.help} />
      <div className={`multiselect-box${el.disabled ? " disabled" : ""}`}>
        <div className="multiselect-chips">
          {el.value.map((c) => (
            <span key={`${typeof c}:${c}`} className="chip">
              <span className="chip-text">{typeof c === "number" ? el.options[c] : c}</span>
            </span>
          ))}
          <Field text="" placeholder={el.value.length === 0 ? el.placeholder : ""} />
        </div>
        <span className="select-arrow" aria-hidden="true" />
      </div>
    </div>
  );
}

export function Selectbox({ el }: { el: SelectboxEl }) {
  const loaded = useComboboxes();
  return loaded ? <loaded.Selectbox el={el} /> : <SelectboxStatic el={el} />;
}

export function Multiselect({ el }: { el: MultiselectEl }) {
  const loaded = useComboboxes();
  return loaded ? <loaded.Multiselect el={el} /> : <MultiselectStatic el={el} />;
}
