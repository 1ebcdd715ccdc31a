// Field errors from a zod parse on the client, keyed by path, in words a user can act on.
// Messages the schemas spell out ("0 to 100", "Pick a judge model…") are kept; zod's own
// defaults ("Invalid input: expected number, received NaN") are replaced by a sentence that
// names the field, because a form shows them next to an input the user typed into.
import type { ZodError, core } from "zod";

export type FieldErrors = Record<string, string>;

/** Labels of the form's fields by schema path ("rules.0.qualityBar") or by the path's last name ("qualityBar"). */
export type FieldLabels = Record<string, string>;

/** zod's default messages all start like this; a schema's own message never does. */
const ZOD_DEFAULT = /^(Invalid|Too (small|big)|Expected|Required)\b/;

function labelFor(path: readonly PropertyKey[], labels: FieldLabels): string {
  const key = path.map(String).join(".");
  const last = [...path].reverse().find((segment) => typeof segment === "string");
  return labels[key] ?? (last === undefined ? undefined : labels[last]) ?? "this field";
}

/** The sentence shown for one issue. */
export function issueMessage(issue: core.$ZodIssue, labels: FieldLabels = {}): string {
  if (!ZOD_DEFAULT.test(issue.message)) return issue.message;
  const label = labelFor(issue.path, labels);
  switch (issue.code) {
    case "invalid_type":
      if (issue.expected === "number") return `Enter a number for ${label}`;
      if (issue.expected === "int") return `Enter a whole number for ${label}`;
      if (issue.expected === "array") return `Pick one or more for ${label}`;
      if (issue.expected === "date") return `Pick a date for ${label}`;
      return `Fill in ${label}`;
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "array") return min <= 1 ? `Pick at least one for ${label}` : `Pick at least ${min} for ${label}`;
      if (issue.origin === "string") return min <= 1 ? `Fill in ${label}` : `${capitalise(label)} needs at least ${min} characters`;
      return `${capitalise(label)} must be ${issue.inclusive === false ? "above" : "at least"} ${min}`;
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "array") return `Pick at most ${max} for ${label}`;
      if (issue.origin === "string") return `${capitalise(label)} takes at most ${max} characters`;
      return `${capitalise(label)} must be ${issue.inclusive === false ? "below" : "at most"} ${max}`;
    }
    case "invalid_value":
      return `Pick one of the options for ${label}`;
    case "not_multiple_of":
      return issue.divisor === 1 ? `Enter a whole number for ${label}` : `Check ${label}`;
    default:
      return `Check ${label}`;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function zodFieldErrors(error: ZodError, labels: FieldLabels = {}): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) out[issue.path.join(".")] ??= issueMessage(issue, labels);
  return out;
}

/** The first issue's sentence, for forms with one field. */
export function firstIssueMessage(error: ZodError, labels: FieldLabels = {}): string | undefined {
  const issue = error.issues[0];
  return issue && issueMessage(issue, labels);
}
