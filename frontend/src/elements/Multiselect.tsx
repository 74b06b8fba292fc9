import { useCombobox, type UseComboboxStateChange } from "downshift";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { MultiselectEl } from "../protocol.gen";
import { useRerun } from "../send";
import { handleListKey, type ListKeyEvent, SelectMenu, skipDownshift } from "./SelectMenu";
import { useOptionSearch } from "./selectSearch";
import { sameArray, useWidgetState, WidgetLabel } from "./widget";

/** A chosen option by index, or a new value by its text. */
type Choice = number | string;

/** The "Select all" / "Select N matches" row, and the "Add: …" row. */
const BULK = -1;
const CREATE = -2;

const { stateChangeTypes: T } = useCombobox;

/** Whether "Select all" is offered for `count` selectable options (`limit`: -1 any number). */
export function offersSelectAll(count: number, limit: number): boolean {
  return count >= 2 && (limit === -1 || (limit > 0 && count <= limit));
}

function maxNote(max: number): string {
  return `You can only select up to ${max} option${max === 1 ? "" : "s"}. Remove an option first.`;
}

/**
 * `st.multiselect`: the chosen values as removable chips, and a combobox input that filters the
 * options not yet chosen (by `filter_mode`) into a listbox picked with the pointer or the keyboard.
 * Backspace in the empty input removes the last chip; arrows move between chips. "Select all"
 * (or "Select N matches") adds every option on offer, up to `max_selections`. Sends the chosen
 * option indices, and new values as strings, in order.
 */
export function Multiselect({ el }: { el: MultiselectEl }) {
  const rerun = useRerun();
  const ids = useId();
  const inputId = `${ids}-input`;
  const labelId = `${ids}-label`;
  const state = useWidgetState<Choice[]>(el.value, sameArray);
  const chosen = state.value;
  const [query, setQuery] = useState("");
  const [isOpen, setOpen] = useState(false);
  const [moved, setMoved] = useState<number | null>(null);
  const input = useRef<HTMLInputElement | null>(null);
  const chips = useRef<HTMLDivElement | null>(null);
  const [chipFocus, setChipFocus] = useState(0);
  const typingOff = el.filter_mode === null;

  const labelOf = (c: Choice) => (typeof c === "number" ? (el.options[c] ?? "") : c);
  const full = el.max_selections !== null && chosen.length >= el.max_selections;
  const chosenLabels = useMemo(
    () => new Set(chosen.map((c) => (typeof c === "number" ? (el.options[c] ?? "") : c))),
    [chosen, el.options],
  );
  // The options on offer: those whose text is not chosen yet, in the options' order.
  const open = useMemo(() => el.options.flatMap((o, i) => (chosenLabels.has(o) ? [] : [i])), [el.options, chosenLabels]);
  const { matches, pending } = useOptionSearch(el.options, full ? "" : query, el.filter_mode, open);
  const items = useMemo(() => {
    if (full) return [];
    const bulk = offersSelectAll(matches.length, el.select_all) ? [BULK] : [];
    const add = el.accept_new_options && query && !el.options.includes(query) && !chosenLabels.has(query);
    return [...bulk, ...matches, ...(add ? [CREATE] : [])];
  }, [full, matches, el.select_all, el.accept_new_options, query, el.options, chosenLabels]);
  const highlighted = isOpen ? (moved !== null && moved < items.length ? moved : items.length > 0 ? 0 : -1) : -1;

  // Enter pressed while a long list's search is on its way: applied to its answer.
  const enterQueued = useRef(false);
  useEffect(() => {
    if (pending || !enterQueued.current) return;
    enterQueued.current = false;
    if (isOpen) choose(items[highlighted]);
  });

  const change = (next: Choice[]) => {
    state.sent(next);
    rerun(el.id, next);
  };
  const choose = (item: number | undefined) => {
    if (item === undefined || full) return;
    setMoved(null);
    if (item === BULK) {
      const room = el.max_selections === null ? matches.length : el.max_selections - chosen.length;
      change([...chosen, ...Array.from(matches).slice(0, room)]);
    } else if (item === CREATE) {
      if (!chosenLabels.has(query)) change([...chosen, query]);
    } else {
      change([...chosen, item]);
    }
    setQuery("");
  };
  const remove = (k: number) => {
    change(chosen.filter((_, i) => i !== k));
    setChipFocus((f) => Math.max(0, Math.min(f, chosen.length - 2)));
  };

  const onStateChange = (change: UseComboboxStateChange<number>) => {
    switch (change.type) {
      case T.InputBlur:
        setQuery("");
        setOpen(false);
        setMoved(null);
        break;
      case T.InputClick:
        if (!el.disabled) setOpen(true);
        break;
      case T.ToggleButtonClick:
        if (!el.disabled) setOpen(!isOpen);
        break;
      case T.ItemMouseMove:
        if (change.highlightedIndex !== undefined) setMoved(change.highlightedIndex);
        break;
      case T.MenuMouseLeave:
        setMoved(null);
        break;
      case T.InputKeyDownEscape:
        setOpen(false);
        setMoved(null);
        break;
    }
  };

  const combobox = useCombobox<number>({
    items,
    itemToString: () => query,
    inputValue: query,
    isOpen,
    highlightedIndex: highlighted,
    selectedItem: null,
    inputId,
    labelId,
    menuId: `${ids}-menu`,
    toggleButtonId: `${ids}-toggle`,
    getItemId: (k) => `${ids}-option-${k}`,
    scrollIntoView: () => undefined,
    onStateChange,
  });

  const onKeyDown = (event: ListKeyEvent) => {
    if (el.disabled) return;
    const empty = event.currentTarget.value === "";
    if (event.key === "Backspace" && empty && chosen.length > 0) {
      event.preventDefault();
      remove(chosen.length - 1);
      return;
    }
    const handled = handleListKey(event, {
      typingOff,
      isOpen,
      highlighted,
      count: items.length,
      open: () => {
        setOpen(true);
        setMoved(null);
      },
      move: setMoved,
      pick: () => {
        if (pending) enterQueued.current = true;
        else choose(items[highlighted]);
      },
    });
    if (handled) return;
    if (event.key === "Escape" && query) {
      skipDownshift(event);
      event.preventDefault();
      event.stopPropagation();
      setQuery("");
      setMoved(null);
    } else if (event.key === "ArrowLeft" && empty && chosen.length > 0) {
      event.preventDefault();
      focusChip(chosen.length - 1);
    }
  };

  const focusChip = (k: number) => {
    setChipFocus(k);
    chips.current?.querySelectorAll<HTMLElement>("[data-tag]")[k]?.focus();
  };
  const onChipKeyDown = (event: React.KeyboardEvent<HTMLElement>, k: number) => {
    const last = chosen.length - 1;
    switch (event.key) {
      case "ArrowLeft":
      case "ArrowUp":
        event.preventDefault();
        if (k > 0) focusChip(k - 1);
        break;
      case "ArrowRight":
      case "ArrowDown":
        event.preventDefault();
        if (k < last) focusChip(k + 1);
        else {
          setChipFocus(0);
          input.current?.focus();
        }
        break;
      case "Home":
        event.preventDefault();
        focusChip(0);
        break;
      case "End":
        event.preventDefault();
        focusChip(last);
        break;
      case "Delete":
      case "Backspace": {
        event.preventDefault();
        remove(k);
        const next = k < last ? k : k - 1;
        if (next >= 0) requestAnimationFrame(() => focusChip(next));
        else input.current?.focus();
        break;
      }
    }
  };

  const row = (k: number) => {
    const item = items[k] as number;
    if (item === BULK) {
      const label = query.trim() ? `Select ${matches.length} matches` : "Select all";
      return { key: "\0bulk", content: label, special: true };
    }
    if (item === CREATE) return { key: "\0create", content: `Add: ${query}`, special: true };
    return { key: item, content: el.options[item] };
  };
  const wrap = el.wrap === null ? "auto" : el.wrap ? "wrap" : "nowrap";
  const tabChip = Math.min(chipFocus, Math.max(0, chosen.length - 1));
  const inputProps = combobox.getInputProps({
    ref: input,
    onKeyDown,
    // Typing is handled here, not in onStateChange, which downshift calls after the render: a
    // controlled input must take each keystroke before the next one arrives.
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
      enterQueued.current = false;
      setQuery(event.target.value);
      setMoved(null);
      setOpen(true);
    },
    disabled: el.disabled,
    placeholder: chosen.length === 0 ? el.placeholder : "",
    readOnly: typingOff,
    inputMode: typingOff ? "none" : undefined,
    spellCheck: false,
    "aria-describedby": full ? `${ids}-full` : undefined,
  });
  return (
    <div className={`widget multiselect chips-${wrap}${el.disabled ? " disabled" : ""}`}>
      <WidgetLabel label={el.label} visibility={el.label_visibility} help={el.help} htmlFor={inputId} id={labelId} />
      <div
        className={`multiselect-box${el.disabled ? " disabled" : ""}`}
        onMouseDown={(event) => {
          if (event.target instanceof HTMLInputElement || el.disabled) return;
          if (event.target instanceof Element && event.target.closest("button, [data-tag]")) return;
          event.preventDefault();
          input.current?.focus();
          setOpen(true);
        }}
      >
        <div className="multiselect-chips" ref={chips} data-testid="stMultiSelectTagsContainer">
          {chosen.length > 0 && (
            <span role="group" aria-label="Selected values" className="multiselect-chip-group">
              {chosen.map((c, k) => (
                <span
                  key={`${typeof c}:${c}`}
                  className="chip"
                  data-tag=""
                  tabIndex={!el.disabled && k === tabChip ? 0 : -1}
                  aria-label={labelOf(c)}
                  onKeyDown={el.disabled ? undefined : (event) => onChipKeyDown(event, k)}
                  onFocus={() => setChipFocus(k)}
                >
                  <span className="chip-text" title={labelOf(c)}>
                    {labelOf(c)}
                  </span>
                  {!el.disabled && (
                    <button
                      type="button"
                      className="chip-remove"
                      tabIndex={-1}
                      aria-label={`Remove ${labelOf(c)}`}
                      onClick={() => {
                        remove(k);
                        input.current?.focus({ preventScroll: true });
                      }}
                    >
                      ×
                    </button>
                  )}
                </span>
              ))}
            </span>
          )}
          <input {...inputProps} />
        </div>
        {chosen.length > 0 && !el.disabled && (
          <button type="button" className="multiselect-clear" aria-label="Clear all" onClick={() => change([])}>
          </button>
        )}
        <button
          type="button"
          className="select-arrow"
          aria-label="Open"
          {...combobox.getToggleButtonProps({ disabled: el.disabled })}
        />
      </div>
      {full && (
        <span id={`${ids}-full`} className="sr-only">
          {maxNote(el.max_selections ?? 0)}
        </span>
      )}
      <SelectMenu
        api={combobox}
        count={items.length}
        row={row}
        onPick={(k) => choose(items[k])}
        busy={pending}
        label={el.label}
        empty={full ? maxNote(el.max_selections ?? 0) : "No results"}
        testId="stMultiSelectDropdown"
      />
    </div>
  );
}
