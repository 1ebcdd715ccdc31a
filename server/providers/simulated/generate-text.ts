/** Deterministic, category-flavoured answer text for the simulated provider. */

type Category = "coding" | "math" | "science" | "computer_use" | "general";

const CATEGORY_CUES: Array<[Category, RegExp]> = [
  ["coding", /\b(code|function|bug|compile|python|javascript|typescript|java|rust|sql|regex|api|class|refactor|stack trace|exception)\b/i],
  ["math", /\b(solve|equation|integral|derivative|prove|proof|calculate|probability|theorem|sum|matrix)\b|\d\s*[-+*/^]\s*\d/i],
  ["science", /\b(physics|chemistry|biology|atom|molecule|cell|energy|quantum|gravity|protein|reaction|planet|evolution)\b/i],
  ["computer_use", /\b(click|browser|navigate|screenshot|desktop|button|open the|scroll|type into|window)\b/i],
];

const SENTENCES: Record<Category, string[]> = {
  coding: [
    "The cleanest fix is to validate the input at the boundary and keep the core function pure.",
    "Here is the idea in short: iterate once, keep a running map of what you have seen, and return early.",
    "Watch out for the off-by-one at the end of the range; the loop should stop before the length.",
    "Adding a small unit test for the empty case will keep this from regressing.",
    "If performance matters, the hash-map version runs in linear time instead of quadratic.",
    "Prefer a descriptive name over a comment; the intent then lives in the code itself.",
  ],
  math: [
    "Start by isolating the unknown on one side and simplifying both sides.",
    "Substituting the value back into the original equation confirms the result.",
    "The key step is recognising the pattern as a geometric series.",
    "By symmetry, both cases contribute equally, so we can double the single case.",
    "The answer follows directly once the boundary conditions are applied.",
    "A quick sanity check with small numbers gives the same result.",
  ],
  science: [
    "At its core this comes down to conservation of energy.",
    "The effect is driven by the difference in concentration across the membrane.",
    "Experiments since the early twentieth century have confirmed this prediction repeatedly.",
    "Temperature matters here because it changes the reaction rate exponentially.",
    "The simplest model ignores friction, which is a good first approximation.",
    "Measured values agree with theory to within a few percent.",
  ],
  computer_use: [
    "First, open the settings page from the menu in the top right corner.",
    "Then click the button labelled Save and wait for the confirmation banner.",
    "If the dialog does not appear, refresh the page and try the action again.",
    "Scroll down to the advanced section, where the option is listed.",
    "The change takes effect immediately; no restart is needed.",
    "Take a screenshot afterwards to confirm the new state.",
  ],
  general: [
    "Good question, and the short answer is that it depends on your priorities.",
    "The most common approach is also the simplest one, and it works well in practice.",
    "It helps to break the problem into smaller steps and handle them one at a time.",
    "Most people find that a little planning up front saves time later.",
    "There are a few trade-offs worth considering before deciding.",
    "In summary, start small, measure, and adjust as you learn more.",
  ],
};

/** The cues read the prompt's start only: a regex over a whole long prompt can take quadratic time. */
const CUE_SCAN_CHARS = 2000;

export function detectCategory(text: string): Category {
  const head = text.slice(0, CUE_SCAN_CHARS);
  for (const [category, cue] of CATEGORY_CUES) if (cue.test(head)) return category;
  return "general";
}

/** FNV-1a, 32 bit: a stable hash of the request so equal requests get equal answers. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function generateAnswer(prompt: string, random: () => number): string {
  const pool = SENTENCES[detectCategory(prompt)];
  const count = 2 + Math.floor(random() * 4);
  const start = Math.floor(random() * pool.length);
  const sentences = Array.from({ length: count }, (_, i) => pool[(start + i) % pool.length]);
  // Eight words at most, each cut to 40 characters: the answer stays short whatever the prompt.
  const words = prompt.slice(0, CUE_SCAN_CHARS).trim().split(/\s+/, 8);
  const topic = words.map((word) => word.slice(0, 40)).join(" ").replace(/[?.!:]+$/, "");
  return [topic ? `About "${topic}":` : "", ...sentences].filter(Boolean).join(" ");
}
