/**
 * The simulated judge: a simulated model that receives the judging prompt of judge-prompt.ts
 * grades the two answers by the soundness their simulator notes state (sound beats flawed, two
 * alike tie, an answer without a note counts as in between). Like a real judge it is imperfect: on
 * some readings it answers at random, and on some it simply prefers whichever answer it read
 * first. The evaluation asks twice with the answers swapped, which cancels that preference.
 */
import { JUDGE_RUBRIC_TITLE, answersOf, type Verdict } from "../../learning/evaluation/judge-prompt";
import type { ChatRequest } from "../types";
import { soundnessIn } from "./simulated-truth";

/** Share of readings with a random verdict. */
export const JUDGE_NOISE = 0.06;
/** Share of readings that prefer answer A whatever the answers say. */
export const JUDGE_POSITION_BIAS = 0.12;

export function isJudgingRequest(req: Pick<ChatRequest, "system">): boolean {
  return req.system?.startsWith(JUDGE_RUBRIC_TITLE) ?? false;
}

const scoreOf = (answer: string) => {
  const soundness = soundnessIn(answer);
  return soundness === "sound" ? 1 : soundness === "flawed" ? 0 : 0.5;
};

/** The verdict on a judging prompt's answers, from `random` (seeded per reading by the caller). */
export function simulatedVerdict(prompt: string, random: () => number): Verdict {
  const answers = answersOf(prompt);
  const draw = random();
  if (draw < JUDGE_NOISE) return (["A", "B", "TIE"] as const)[Math.floor(random() * 3)]!;
  if (draw < JUDGE_NOISE + JUDGE_POSITION_BIAS) return "A";
  if (!answers) return "TIE";
  const a = scoreOf(answers.a);
  const b = scoreOf(answers.b);
  return a > b ? "A" : b > a ? "B" : "TIE";
}

const REASONS: Record<Verdict, string> = {
  A: "Answer A is correct and addresses the question directly; answer B contains a mistake.",
  B: "Answer B is correct and addresses the question directly; answer A contains a mistake.",
  TIE: "Both answers are of similar quality; neither is clearly better.",
};

/** The judge's reply text: a short reason and the verdict line the parser reads. */
export function simulatedJudgement(prompt: string, random: () => number): string {
  const verdict = simulatedVerdict(prompt, random);
  return `${REASONS[verdict]}\nVERDICT: ${verdict}`;
}
