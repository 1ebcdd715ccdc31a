// Edits of an ordered list of distinct values (a fallback chain, a set of allowed models): the
// picker and its buttons only describe the change; these return the new list.

/** The list with `value` appended, unless it is already there. */
export function addItem(list: readonly string[], value: string): string[] {
  return list.includes(value) ? [...list] : [...list, value];
}

export function removeItem(list: readonly string[], value: string): string[] {
  return list.filter((item) => item !== value);
}

/** The list with the item at `from` moved to `to` (both clamped into the list). */
export function moveItem(list: readonly string[], from: number, to: number): string[] {
  const next = [...list];
  if (from < 0 || from >= next.length) return next;
  const [item] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item!);
  return next;
}
