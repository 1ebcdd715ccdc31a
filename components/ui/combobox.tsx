"use client";

// A searchable select (the ARIA combobox pattern: a text input that filters a listbox).
// Typing filters, ArrowUp/ArrowDown move through the matches, Enter picks, Escape closes and
// restores the choice; a tap or click picks on touch screens. The input shows the chosen
// option's label while closed, so a form reads like a form, not like a search box.
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { filterOptions, type ComboOption } from "./combobox-options";

export type { ComboOption } from "./combobox-options";

const INPUT = "block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200 aria-[invalid=true]:border-red-400 read-only:bg-slate-50";

interface ComboboxInputProps {
  /** The accessible name; shown as a visible label by `Combobox`, read only by screen readers here. */
  label: string;
  options: readonly ComboOption[];
  /** The text shown while the list is closed ("" for nothing chosen). */
  shown: string;
  onPick: (value: string) => void;
  placeholder?: string;
  readOnly?: boolean;
  invalid?: boolean;
  describedBy?: string;
  id?: string;
}

/** The input and its listbox, without a label: the building block of the select and the list pickers. */
export function ComboboxInput({ label, options, shown, onPick, placeholder, readOnly, invalid, describedBy, id }: ComboboxInputProps) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const list = useRef<HTMLUListElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const matches = open ? filterOptions(options, query) : [];
  const activeOption = matches[Math.min(active, matches.length - 1)];

  // Opened without a search, the list starts at the current choice, as a native select does.
  const openWith = (text: string) => {
    setQuery(text);
    setActive(text === "" ? Math.max(0, options.findIndex((o) => o.label === shown)) : 0);
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    setQuery("");
  };
  const pick = (option: ComboOption) => {
    onPick(option.value);
    close();
    // Selected, so that typing again searches afresh instead of appending to the label.
    requestAnimationFrame(() => input.current?.select());
  };
  const moveTo = (index: number) => {
    setActive(index);
    list.current?.children[index]?.scrollIntoView({ block: "nearest" });
  };

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (readOnly) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) return openWith("");
      const step = event.key === "ArrowDown" ? 1 : -1;
      moveTo((Math.min(active, matches.length - 1) + step + matches.length) % Math.max(matches.length, 1));
    } else if (event.key === "Enter" && open) {
      // Picking must not submit the form the select sits in.
      event.preventDefault();
      if (activeOption) pick(activeOption);
    } else if (event.key === "Escape" && open) {
      // Closes the list only, not the dialog around it.
      event.stopPropagation();
      close();
    }
  }

  return (
    <div className="relative">
      <input
        id={id}
        ref={input}
        type="text"
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && activeOption ? `${listId}-${matches.indexOf(activeOption)}` : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        readOnly={readOnly}
        placeholder={open ? shown || placeholder : placeholder}
        value={open ? query : shown}
        onChange={(e) => openWith(e.target.value)}
        onClick={() => !readOnly && !open && openWith("")}
        onFocus={(e) => e.currentTarget.select()}
        onKeyDown={onKeyDown}
        onBlur={close}
        className={INPUT}
      />
      {open && (
        // Not named after the input: a label match would then find two elements.
        <ul id={listId} ref={list} role="listbox" aria-label="Choices"
          className="absolute left-0 z-30 mt-1 max-h-64 w-full min-w-[14rem] max-w-[calc(100vw-2rem)] overflow-y-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg">
          {matches.length === 0 && <li className="px-3 py-2 text-slate-500">No match</li>}
          {matches.map((option, index) => (
            <li
              key={option.value}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={option === activeOption}
              // Keeps the focus in the input, whose blur would close the list before the click lands.
              onMouseDown={(e) => e.preventDefault()}
              onMouseMove={() => index !== active && setActive(index)}
              onClick={() => pick(option)}
              className={`cursor-pointer px-3 py-2 ${option === activeOption ? "bg-indigo-50" : ""}`}
            >
              <span className="block font-medium text-slate-800">{option.label}</span>
              {option.detail && <span className="block text-xs text-slate-500">{option.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface ComboboxProps {
  label: string;
  options: readonly ComboOption[];
  value: string;
  onChange: (value: string) => void;
  /** The label of the empty choice ("No team"); without it nothing chosen shows the placeholder. */
  emptyLabel?: string;
  placeholder?: string;
  error?: string;
  hint?: ReactNode;
  readOnly?: boolean;
  /** Read by screen readers instead of `label` when several selects share a visible label. */
  ariaLabel?: string;
}

/** A labelled searchable select; a stored value missing from the options is still shown as it is. */
export function Combobox({ label, options, value, onChange, emptyLabel, placeholder = "Type to search…", error, hint, readOnly, ariaLabel }: ComboboxProps) {
  const id = useId();
  const all = emptyLabel === undefined ? options : [{ value: "", label: emptyLabel }, ...options];
  const shown = all.find((o) => o.value === value)?.label ?? value;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">{label}</label>
      <div className="mt-1">
        <ComboboxInput id={id} label={ariaLabel ?? label} options={all} shown={shown} onPick={onChange} placeholder={placeholder}
          readOnly={readOnly} invalid={Boolean(error)} describedBy={error ? `${id}-error` : undefined} />
      </div>
      {hint && !error && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
      {error && <p id={`${id}-error`} className="mt-1 text-xs text-red-600">{error}</p>}
    </div>
  );
}
