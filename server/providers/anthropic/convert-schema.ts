import type { JsonSchema } from "../types";

/** The string formats Anthropic's structured outputs enforce; others are described instead. */
const STRING_FORMATS = new Set(["date-time", "time", "date", "duration", "email", "hostname", "uri", "ipv4", "ipv6", "uuid"]);

const isPrimitive = (value: unknown) => value === null || typeof value !== "object";
const asSchema = (value: unknown): JsonSchema => (value !== null && typeof value === "object" && !Array.isArray(value) ? (value as JsonSchema) : {});

/**
 * Anthropic enforces a subset of JSON Schema (output_config.format): every object is closed
 * (additionalProperties false), only listed string formats, minItems 0 or 1. Keywords outside
 * the subset are not dropped silently but written into the description, which the model reads,
 * as Anthropic's own SDK does. The caller's schema is not changed.
 */
export function toAnthropicSchema(input: unknown): JsonSchema {
  const rest: JsonSchema = { ...asSchema(input) };
  const take = (key: string) => {
    const value = rest[key];
    delete rest[key];
    return value;
  };
  const out: JsonSchema = {};
  const defs = take("$defs");
  if (defs !== undefined) out.$defs = Object.fromEntries(Object.entries(asSchema(defs)).map(([name, def]) => [name, toAnthropicSchema(def)]));
  const ref = take("$ref");
  if (ref !== undefined) return { ...out, $ref: ref };

  if (Array.isArray(rest.enum) && rest.enum.length > 0 && rest.enum.every(isPrimitive)) out.enum = take("enum");
  if (rest.const !== undefined && isPrimitive(rest.const)) out.const = take("const");
  const type = take("type");
  delete rest.$schema;
  const anyOf = take("anyOf") ?? take("oneOf");
  const allOf = take("allOf");
  if (Array.isArray(anyOf)) out.anyOf = anyOf.map(toAnthropicSchema);
  else if (Array.isArray(allOf)) out.allOf = allOf.map(toAnthropicSchema);
  else if (out.enum === undefined && out.const === undefined && type !== undefined) out.type = type;
  for (const key of ["description", "title"]) if (rest[key] !== undefined) out[key] = take(key);

  if (out.type === "object") {
    out.properties = Object.fromEntries(Object.entries(asSchema(take("properties"))).map(([name, sub]) => [name, toAnthropicSchema(sub)]));
    delete rest.additionalProperties;
    out.additionalProperties = false;
    if (rest.required !== undefined) out.required = take("required");
  } else if (out.type === "string" && typeof rest.format === "string" && STRING_FORMATS.has(rest.format)) {
    out.format = take("format");
  } else if (out.type === "array") {
    if (rest.items !== undefined) out.items = toAnthropicSchema(take("items"));
    if (rest.minItems === 0 || rest.minItems === 1) out.minItems = take("minItems");
  }

  const unsupported = Object.entries(rest);
  if (unsupported.length > 0) {
    const note = `{${unsupported.map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join(", ")}}`;
    out.description = typeof out.description === "string" ? `${out.description}\n\n${note}` : note;
  }
  return out;
}
