// The JSON schema a caller asks the answer to follow (response_format, text.format,
// output_config.format). It is forwarded to the provider and walked by the simulator, so its
// size is capped here: providers document far smaller limits (OpenAI: 10 levels, 5,000 properties).
import { z } from "zod";

/**
 * Nesting of objects and arrays inside the schema. An object property nests two (properties,
 * then the property) and a union two more, so OpenAI's 10 levels need about 40.
 */
export const MAX_OUTPUT_SCHEMA_DEPTH = 40;
/** Objects, arrays and values in the schema. */
export const MAX_OUTPUT_SCHEMA_NODES = 10_000;

/** Depth and node count of a parsed JSON value; stops counting once past either cap. */
function measure(value: unknown): { depth: number; nodes: number } {
  let nodes = 0;
  let deepest = 0;
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (pending.length > 0 && nodes <= MAX_OUTPUT_SCHEMA_NODES && deepest <= MAX_OUTPUT_SCHEMA_DEPTH) {
    const next = pending.pop()!;
    nodes++;
    if (next.value === null || typeof next.value !== "object") continue;
    deepest = Math.max(deepest, next.depth + 1);
    for (const child of Object.values(next.value)) pending.push({ value: child, depth: next.depth + 1 });
  }
  return { depth: deepest, nodes };
}

export const outputSchemaField = z.record(z.string(), z.unknown()).superRefine((schema, ctx) => {
  const { depth, nodes } = measure(schema);
  if (depth > MAX_OUTPUT_SCHEMA_DEPTH) ctx.addIssue({ code: "custom", message: `the schema nests deeper than ${MAX_OUTPUT_SCHEMA_DEPTH} levels` });
  else if (nodes > MAX_OUTPUT_SCHEMA_NODES) ctx.addIssue({ code: "custom", message: `the schema has more than ${MAX_OUTPUT_SCHEMA_NODES} values` });
});
