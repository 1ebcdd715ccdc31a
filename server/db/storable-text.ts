// Text PostgreSQL can store. A NUL byte is refused by text and jsonb columns alike, and a lone
// UTF-16 surrogate has no UTF-8 form: jsonb refuses its escape, and a text column gets it
// silently replaced. Either one in a batched insert fails the whole batch, so input is checked
// with isStorableText where it arrives and records are cleaned with toStorableText where they
// are written.

const NUL = "\u0000";
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, "g");
const REPLACEMENT = "\uFFFD";

export const UNSTORABLE_TEXT_MESSAGE = "Contains a NUL character or a broken Unicode character (lone surrogate)";

export function isStorableText(text: string): boolean {
  return !text.includes(NUL) && !LONE_SURROGATE.test(text);
}

/** The text with each NUL byte and lone surrogate replaced by U+FFFD. */
export function toStorableText(text: string): string {
  return isStorableText(text) ? text : text.replaceAll(NUL, REPLACEMENT).replace(LONE_SURROGATES, REPLACEMENT);
}
