import { useCombobox, type UseComboboxStateChange } from "downshift";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { Icon } from "../icons";
import type { SelectboxEl } from "../protocol.gen";
import { useForm, useRerun } from "../send";
import { handleListKey, type ListKeyEvent, SelectMenu, skipDownshift } from "./SelectMenu";
import { useOptionSearch } from "./selectSearch";
import { useWidgetState, WidgetLabel } from "./widget";

/** The chosen option's index, a typed new value, or nothing. */
type Choice = number | string | null;

/** The "Add: …" row of a selectbox that takes new options. */
const CREATE = -1;

const { stateChangeTypes: T } = useCombobox;

/**
 * What the user typed into a field that showed `shown`: typing into a shown value starts a new
 * search with the typed letters (Streamlit keeps only what was inserted), while deleting from
 * it searches for what is left. Null when the text is not `shown` with something inserted.
 */
export function insertedText(shown: string, now: string): string | null {
  const limit = Math.min(shown.length, now.length);
  let start = 0;
  while (start < limit && shown[start] === now[start]) start++;
  const rest = Math.min(shown.length - start, now.length - start);
  let end = 0;
  while (end < rest && shown[shown.length - 1 - end] === now[now.length - 1 - end]) end++;
  return shown.slice(start, shown.length - end) === "" ? now.slice(start, now.length - end) : null;
}

/**
 * `st.selectbox`: a searchable combobox. The field shows the chosen option; typing filters the
 * options (by `filter_mode`) into a listbox picked with the pointer or the keyboard (arrows,
 * Home/End, Enter; Escape gives up the search, or clears a clearable field). With
 * `accept_new_options` the typed text can be added as a value of its own. Sends the chosen
 * option's index, a new value's text, or null.
 */
export function Selectbox({ el }: { el: SelectboxEl }) {
  const rerun = useRerun();
  const form = useForm();
  const ids = useId();
  const inputId = `${ids}-input`;
  const labelId = `${ids}-label`;
  const server: Choice = el.index ?? el.new_value;
  const state = useWidgetState<Choice>(server);
  const choice = state.value;
  const shown = choice === null ? "" : typeof choice === "number" ? (el.options[choice] ?? "") : choice;
  // What the user typed since the field last showed the value (null: not searching).
  const [typed, setTyped] = useState<string | null>(null);
  const [isOpen, setOpen] = useState(false);
  // A row the user moved to with the keyboard or pointer (null: the row Enter would pick).
  const [moved, setMoved] = useState<number | null>(null);
  const [missing, setMissing] = useState(false);
  const typingOff = el.filter_mode === null;

  // Each text's first option, to find the option that a typed text names.
  const byLabel = useMemo(() => {
    const found = new Map<string, number>();
    el.options.forEach((o, i) => found.has(o) || found.set(o, i));
    return found;
  }, [el.options]);
  const query = typed ?? "";
  const { matches, pending } = useOptionSearch(el.options, query, el.filter_mode, null);
  const creatable = el.accept_new_options && query !== "" && !byLabel.has(query);
  const items = useMemo(() => (creatable ? [CREATE, ...matches] : (matches as number[])), [creatable, matches]);
  const text = typed ?? shown;
  // Enter picks the "Add:" row, else the option the field's text names, else the first.
  const target = useMemo(() => {
    if (creatable) return 0;
    const option = byLabel.get(text);
    const named = option === undefined ? -1 : items.indexOf(option);
    return named >= 0 ? named : items.length > 0 ? 0 : -1;
  }, [creatable, items, text, byLabel]);
  const highlighted = isOpen ? (moved !== null && moved < items.length ? moved : target) : -1;

  const choiceRef = useRef(choice);
  choiceRef.current = choice;
  useEffect(() => {
    if (!form || !el.required) return undefined;
    return form.addCheck(el.id, () => {
      const ok = choiceRef.current !== null;
      setMissing(!ok);
      return ok;
    });
  }, [form, el.required, el.id]);

  // Enter pressed while a long list's search is on its way: applied to its answer.
  const enterQueued = useRef(false);
  useEffect(() => {
    if (pending || !enterQueued.current) return;
    enterQueued.current = false;
    if (isOpen) choose(items[highlighted]);
  });

  const close = () => {
    enterQueued.current = false;
    setTyped(null);
    setOpen(false);
    setMoved(null);
  };
  const commit = (next: Choice) => {
    close();
    if (next !== null) setMissing(false);
    if (next === choice) return;
    state.sent(next);
    rerun(el.id, next);
  };
  const choose = (item: number | undefined) => {
    if (item === undefined) return;
    commit(item === CREATE ? query : item);
  };

  // Typing is handled here, not in onStateChange: downshift reports changes after the render,
  // and a controlled input must take each keystroke before the next one arrives.
  const onInput = (value: string) => {
    enterQueued.current = false;
    let now = value;
    if (typed === null && shown !== "") {
      const inserted = insertedText(shown, now);
      if (inserted) now = inserted;
    }
    setTyped(now === shown ? null : now);
    setMoved(null);
    if (now !== shown) setOpen(true);
  };

  const onStateChange = (change: UseComboboxStateChange<number>) => {
    switch (change.type) {
      case T.InputBlur:
        close();
        break;
      case T.InputClick:
      case T.ToggleButtonClick:
        if (el.disabled) break;
        setMoved(null);
        setOpen(change.type === T.InputClick ? true : !isOpen);
        if (change.type === T.ToggleButtonClick && isOpen) setTyped(null);
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
    itemToString: (i) => (i === null ? "" : i === CREATE ? query : (el.options[i] ?? "")),
    inputValue: text,
    isOpen,
    highlightedIndex: highlighted,
    selectedItem: typeof choice === "number" ? choice : null,
    inputId,
    labelId,
    menuId: `${ids}-menu`,
    toggleButtonId: `${ids}-toggle`,
    getItemId: (k) => `${ids}-option-${k}`,
    // SelectMenu scrolls its virtual rows itself.
    scrollIntoView: () => undefined,
    onStateChange,
  });

  const onKeyDown = (event: ListKeyEvent) => {
    if (el.disabled) return;
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
    if (event.key === "Escape") {
      skipDownshift(event);
      if (typed !== null || isOpen) {
        event.preventDefault();
        close();
      } else if (el.clearable && choice !== null) {
        event.preventDefault();
        commit(null);
      }
    } else if (event.key === "Tab") {
      close();
    }
  };

  const invalid = missing && choice === null;
  const row = (k: number) => {
    const item = items[k] as number;
    return item === CREATE
      ? { key: "\0create", content: `Add: ${query}`, special: true }
      : { key: item, content: el.options[item] };
  };
  return (
    <div className={`widget selectbox${invalid ? " invalid" : ""}${el.disabled ? " disabled" : ""}`}>
      <WidgetLabel
        label={el.label}
        visibility={el.label_visibility}
        help={el.help}
        htmlFor={inputId}
        id={labelId}
        required={el.required}
      />
      <div className={`select-field${el.disabled ? " disabled" : ""}${el.icon ? " with-icon" : ""}`}>
        {el.icon && (
          <span className="select-icon" data-testid="stSelectboxIcon">
            {el.icon === "spinner" ? <span className="spinner" aria-hidden="true" /> : <Icon icon={el.icon} />}
          </span>
        )}
        <input
          {...combobox.getInputProps({
            onKeyDown,
            onChange: (event: React.ChangeEvent<HTMLInputElement>) => onInput(event.target.value),
            disabled: el.disabled,
            placeholder: el.placeholder,
            readOnly: typingOff,
            inputMode: typingOff ? "none" : undefined,
            spellCheck: false,
            "aria-required": el.required || undefined,
            "aria-invalid": invalid || undefined,
            "aria-describedby": invalid ? `${ids}-error` : undefined,
          })}
        />
        {invalid && (
          <span className="select-error-icon" title="This field is required." aria-hidden="true">
            !
          </span>
        )}
        {el.clearable && choice !== null && !el.disabled && (
          <button type="button" className="select-clear" aria-label="Clear value" onClick={() => commit(null)}>
          </button>
        )}
        <button
          type="button"
          className="select-arrow"
          aria-label="Open"
          {...combobox.getToggleButtonProps({ disabled: el.disabled })}
        />
      </div>
      {invalid && (
        <span id={`${ids}-error`} className="sr-only" role="alert">
          This field is required.
        </span>
      )}
      <SelectMenu
        api={combobox}
        count={items.length}
        row={row}
        onPick={(k) => choose(items[k])}
        busy={pending}
        label={el.label}
        empty="No results"
        testId="stSelectboxVirtualDropdown"
      />
    </div>
  );
}
