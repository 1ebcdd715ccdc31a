// The options of a searchable select, and which of them match what was typed.

export interface ComboOption {
  value: string;
  /** What the input shows once the option is chosen. */
  label: string;
  /** A second line in the list (provider, price, quality): searched too. */
  detail?: string;
}

/**
 * Options whose label, value or detail contain every typed word, best first: an exact label,
 * then labels that start with the text, then the rest in their given order. So typing a full
 * slug and pressing Enter picks that slug, not a longer one that contains it.
 */
export function filterOptions(options: readonly ComboOption[], query: string): ComboOption[] {
  const text = query.trim().toLowerCase();
  if (text === "") return [...options];
  const words = text.split(/\s+/);
  const rank = (option: ComboOption) => {
    const label = option.label.toLowerCase();
    return label === text || option.value.toLowerCase() === text ? 0 : label.startsWith(text) ? 1 : 2;
  };
  return options
    .filter((option) => {
      const haystack = `${option.label} ${option.value} ${option.detail ?? ""}`.toLowerCase();
      return words.every((word) => haystack.includes(word));
    })
    .map((option, index) => ({ option, index, rank: rank(option) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ option }) => option);
}
