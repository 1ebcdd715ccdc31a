"use client";

// A multi-select: the chosen values as a list, each with a remove button, and a searchable
// select below that adds one more. Ordered lists (a fallback chain) also get up and down
// buttons and can be dragged, since their order is what they mean.
import { useId, useState } from "react";
import { ComboboxInput, type ComboOption } from "./combobox";
import { addItem, moveItem, removeItem } from "./ordered-list";

interface Props {
  label: string;
  /** The accessible name when several pickers share a visible label ("Fallback order for coding"). */
  ariaLabel?: string;
  options: readonly ComboOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  ordered?: boolean;
  /** Shown when nothing is chosen ("All models"). */
  emptyText: string;
  placeholder?: string;
  error?: string;
  readOnly?: boolean;
}

const SMALL_BUTTON = "rounded px-1.5 text-slate-500 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-400 disabled:opacity-30";

export function ListPicker({ label, ariaLabel, options, value, onChange, ordered = false, emptyText, placeholder = "Add…", error, readOnly }: Props) {
  const id = useId();
  const name = ariaLabel ?? label;
  const [dragged, setDragged] = useState<number | null>(null);
  const labelOf = (v: string) => options.find((o) => o.value === v)?.label ?? v;
  const remaining = options.filter((o) => !value.includes(o.value));
  const List = ordered ? "ol" : "ul";
  return (
    <div role="group" aria-label={name}>
      <span aria-hidden="true" className="block text-sm font-medium text-slate-700">{label}</span>
      {value.length === 0 ? (
        <p className="mt-1 text-xs text-slate-500">{emptyText}</p>
      ) : (
        <List aria-label={`Chosen ${ordered ? "in order" : "items"}`} className="mt-1 space-y-1">
          {value.map((item, index) => (
            <li
              key={item}
              draggable={ordered && !readOnly}
              onDragStart={() => setDragged(index)}
              onDragOver={(e) => dragged !== null && e.preventDefault()}
              onDrop={() => { if (dragged !== null) onChange(moveItem(value, dragged, index)); setDragged(null); }}
              onDragEnd={() => setDragged(null)}
              className={`flex items-center gap-1 rounded border border-slate-200 bg-slate-50 px-2 py-1 text-sm ${ordered && !readOnly ? "cursor-grab" : ""}`}
            >
              {ordered && <span className="w-5 shrink-0 text-xs tabular-nums text-slate-500">{index + 1}.</span>}
              <span className="min-w-0 flex-1 truncate">{labelOf(item)}</span>
              {!readOnly && ordered && (
                <>
                  <button type="button" className={SMALL_BUTTON} aria-label={`Move ${item} up in ${name}`} disabled={index === 0} onClick={() => onChange(moveItem(value, index, index - 1))}>↑</button>
                  <button type="button" className={SMALL_BUTTON} aria-label={`Move ${item} down in ${name}`} disabled={index === value.length - 1} onClick={() => onChange(moveItem(value, index, index + 1))}>↓</button>
                </>
              )}
              {!readOnly && <button type="button" className={SMALL_BUTTON} aria-label={`Remove ${item} from ${name}`} onClick={() => onChange(removeItem(value, item))}>×</button>}
            </li>
          ))}
        </List>
      )}
      {!readOnly && (
        <div className="mt-1">
          <ComboboxInput label={name} options={remaining} shown="" placeholder={placeholder} invalid={Boolean(error)}
            describedBy={error ? `${id}-error` : undefined} onPick={(v) => onChange(addItem(value, v))} />
        </div>
      )}
      {error && <p id={`${id}-error`} className="mt-1 text-xs text-red-600">{error}</p>}
    </div>
  );
}
