import { useId, useState } from "react";
import type { MultiselectEl } from "../protocol.gen";
import { useRerun } from "../send";
import { sameArray, useWidgetState, WidgetLabel } from "./widget";

type Choice = number | string;

/** One entry of the open list: an option by index, or the typed text as a new option. */
type Item = { option: number } | { text: string };

/**
 * `st.multiselect`: chosen options as removable chips, and a combobox input that filters the
 * remaining options. Sends the chosen option indices, and new options as strings.
 */
export function Multiselect({ el }: { el: MultiselectEl }) {
  const rerun = useRerun();
  const inputId = useId();
  const listId = useId();
  const noteId = useId();
  const state = useWidgetState<Choice[]>([...el.value, ...el.new_values], sameArray);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const chosen = state.value;
  const labelOf = (c: Choice) => (typeof c === "number" ? (el.options[c] ?? "") : c);
  const full = el.max_selections !== null && chosen.length >= el.max_selections;

  const q = query.trim();
  const needle = q.toLowerCase();
  const items: Item[] = [];
  if (!full) {
    const exists = el.options.some((o) => o === q) || chosen.some((c) => labelOf(c) === q);
    if (el.accept_new_options && q && !exists) items.push({ text: q });
    el.options.forEach((o, i) => {
      if (!chosen.includes(i) && o.toLowerCase().includes(needle)) items.push({ option: i });
    });
  }
  const activeIndex = Math.min(active, items.length - 1);

  const change = (next: Choice[]) => {
    state.sent(next);
    rerun(el.id, next);
  };
  const choose = (item: Item) => {
    if (full) return;
    let choice: Choice;
    if ("option" in item) choice = item.option;
    else {
      const index = el.options.indexOf(item.text);
      choice = index >= 0 ? index : item.text;
    }
    if (!chosen.includes(choice)) change([...chosen, choice]);
    setQuery("");
    setActive(0);
  };
  const remove = (choice: Choice) => change(chosen.filter((c) => c !== choice));

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!open) setOpen(true);
        else setActive(Math.min(activeIndex + 1, items.length - 1));
        break;
      case "ArrowUp":
        event.preventDefault();
        setActive(Math.max(activeIndex - 1, 0));
        break;
      case "Home":
      case "End":
        if (!open || query) return;
        event.preventDefault();
        setActive(event.key === "Home" ? 0 : items.length - 1);
        break;
      case "Enter": {
        event.preventDefault();
        const item = open ? items[activeIndex] : undefined;
        if (item) choose(item);
        else if (el.accept_new_options && q) choose({ text: q });
        break;
      }
      case "Escape":
        if (open) {
          event.preventDefault();
          setOpen(false);
        }
        break;
      case "Backspace":
        if (!query && chosen.length > 0) remove(chosen[chosen.length - 1] as Choice);
        break;
    }
  };

  const optionId = (k: number) => `${listId}-${k}`;
  const showList = open && !el.disabled;
  const placeholder = full ? "" : chosen.length === 0 ? el.placeholder : "";
  return (
    <div className="widget multiselect">
      <WidgetLabel label={el.label} visibility={el.label_visibility} help={el.help} htmlFor={inputId} />
      <div
        className={`multiselect-box${el.disabled ? " disabled" : ""}`}
        onMouseDown={(event) => {
          if (event.target instanceof HTMLInputElement || el.disabled) return;
          if (event.target instanceof Element && event.target.closest("button")) return;
          event.preventDefault();
          document.getElementById(inputId)?.focus();
          setOpen(true);
        }}
      >
        <div className="multiselect-chips">
          {chosen.map((c) => (
            <span key={`${typeof c}:${c}`} className="chip">
              <span className="chip-text">{labelOf(c)}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove ${labelOf(c)}`}
                disabled={el.disabled}
                onClick={() => remove(c)}
              >
                ×
              </button>
            </span>
          ))}
          <input
            id={inputId}
            role="combobox"
            aria-expanded={showList}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={showList && items.length > 0 ? optionId(activeIndex) : undefined}
            aria-describedby={full ? noteId : undefined}
            autoComplete="off"
            value={query}
            placeholder={placeholder}
            disabled={el.disabled}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
          />
        </div>
        {chosen.length > 0 && (
          <button
            type="button"
            className="multiselect-clear"
            aria-label="Clear all"
            disabled={el.disabled}
            onClick={() => change([])}
          >
            ×
          </button>
        )}
        <span className="multiselect-arrow" aria-hidden="true" />
      </div>
      {full && (
        <span id={noteId} className="sr-only">
          {maxNote(el.max_selections ?? 0)}
        </span>
      )}
      {showList && (
        <div className="multiselect-popup">
          <ul role="listbox" id={listId} aria-label={el.label} aria-multiselectable="true" className="multiselect-list">
            {items.map((item, k) => (
              <li
                key={"option" in item ? item.option : `new:${item.text}`}
                id={optionId(k)}
                role="option"
                aria-selected={k === activeIndex}
                className={k === activeIndex ? "active" : undefined}
                onMouseDown={(event) => event.preventDefault()}
                onMouseEnter={() => setActive(k)}
                onClick={() => choose(item)}
              >
                {"option" in item ? el.options[item.option] : `Add: ${item.text}`}
              </li>
            ))}
          </ul>
          {items.length === 0 && (
            <div className="multiselect-note">{full ? maxNote(el.max_selections ?? 0) : "No results"}</div>
          )}
        </div>
      )}
    </div>
  );
}

function maxNote(max: number): string {
  return `You can only select up to ${max} option${max === 1 ? "" : "s"}. Remove an option first.`;
}
