/**
 * The simulator's "truth": how good each simulated model really is per category, which the
 * learning features are supposed to discover. It is the catalog figure moved by a fixed offset per
 * model and category (up to TRUTH_SPREAD quality points either way, from a hash, so the same in
 * every run and process), which makes the catalog slightly wrong in a way evidence can correct.
 *
 * A simulated answer is sound with probability trueQuality / 100, drawn per request from the
 * request's content and the model (the per-request noise), so replays are reproducible. Soundness is
 * written at the end of the answer as a bracketed simulator note, the only thing the simulated
 * judge reads; real models never see or produce it.
 */
import { createRandom } from "../../random/mulberry32";
import { DEFAULT_CATALOG } from "../../routing/defaults";
import { hashString } from "./generate-text";

/** Largest distance, in quality points, between the truth and the catalog figure. */
export const TRUTH_SPREAD = 12;

export type Soundness = "sound" | "flawed";

/** The simulator note closing an answer; kept recognisable as an artefact of the demo. */
export const SOUND_NOTE = "[simulator note: this answer is sound]";
export const FLAWED_NOTE = "[simulator note: this answer is flawed]";

const FLAWS = [
  "One step above skips a case that changes the result.",
  "The reasoning above rests on an assumption that does not hold here.",
  "The final figure above is off because of an arithmetic slip.",
  "The answer above addresses a slightly different question than the one asked.",
];

/** The fixed offset of a model in a category, in [-TRUTH_SPREAD, TRUTH_SPREAD]. */
export function truthOffset(model: string, category: string): number {
  const unit = hashString(`truth|${model}|${category}`) / 4294967296;
  return Math.round((unit * 2 - 1) * TRUTH_SPREAD * 10) / 10;
}

/** The built-in catalog entry of a model named by catalog id or provider model id (the simulator sees the latter). */
const builtinOf = (model: string) => DEFAULT_CATALOG.find((m) => m.id === model || m.providerModelId === model);

/** The catalog's figure for a built-in model; null when unknown. */
export function catalogFigure(model: string, category: string): number | null {
  return builtinOf(model)?.quality[category] ?? null;
}

/**
 * The model's true quality (0-100) in the category; null for a model the simulator has no figure
 * for. Keyed by the catalog id, so both names of a model share one truth.
 */
export function trueQuality(model: string, category: string): number | null {
  const entry = builtinOf(model);
  const figure = entry?.quality[category] ?? null;
  if (!entry || figure === null) return null;
  return Math.min(100, Math.max(0, figure + truthOffset(entry.id, category)));
}

/** Whether this model's answer to this request is sound: a draw at the true quality, seeded by both. */
export function soundnessOf(requestKey: string, model: string, quality: number): Soundness {
  const random = createRandom(hashString(`soundness|${builtinOf(model)?.id ?? model}|${requestKey}`));
  return random() * 100 < quality ? "sound" : "flawed";
}

/** The note that closes an answer: a flawed one names its (plausible) flaw first. */
export function soundnessNote(soundness: Soundness, requestKey: string): string {
  if (soundness === "sound") return SOUND_NOTE;
  return `${FLAWS[hashString(`flaw|${requestKey}`) % FLAWS.length]} ${FLAWED_NOTE}`;
}

/** What an answer's simulator note says; null when it has none (truncated, tool call, or a real model's). */
export function soundnessIn(answer: string): Soundness | null {
  if (answer.includes(SOUND_NOTE)) return "sound";
  if (answer.includes(FLAWED_NOTE)) return "flawed";
  return null;
}
