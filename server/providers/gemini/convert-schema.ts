import type { JsonSchema } from "../types";

/** Keys Gemini's OpenAPI-subset Schema accepts; anything else (e.g. additionalProperties, $schema) is rejected. */
const ALLOWED_KEYS = new Set([
  "type",
  "format",
  "title",
  "description",
  "nullable",
  "enum",
  "properties",
  "required",
  "items",
  "minItems",
  "maxItems",
  "minimum",
  "maximum",
  "minLength",
  "maxLength",
  "pattern",
  "anyOf",
  "propertyOrdering",
  "default",
]);

/** Whether a schema refers to its own parts ($ref), which Gemini's OpenAPI subset cannot express. */
export function hasReferences(schema: unknown): boolean {
  const pending: unknown[] = [schema];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === null || typeof node !== "object") continue;
    if (!Array.isArray(node) && "$ref" in node) return true;
    pending.push(...Object.values(node));
  }
  return false;
}

/** Converts a JSON Schema into the subset Gemini understands, keeping the constraints it can express. */
export function toGeminiSchema(schema: unknown): JsonSchema {
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) return {};
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema as JsonSchema)) {
    // Zod writes literals as const and exclusive unions as oneOf: Gemini's nearest are enum and anyOf.
    if (key === "const" && typeof value === "string" && !("enum" in schema)) out.enum = [value];
    else if (key === "oneOf" && Array.isArray(value) && !("anyOf" in schema)) out.anyOf = value.map(toGeminiSchema);
    if (!ALLOWED_KEYS.has(key)) continue;
    if (key === "type" && Array.isArray(value)) {
      // JSON Schema's ["string", "null"] is Gemini's { type: "string", nullable: true }.
      const types = value.filter((t) => t !== "null");
      if (types[0] !== undefined) out.type = types[0];
      if (types.length < value.length) out.nullable = true;
    } else if (key === "properties" && typeof value === "object" && value !== null) {
      out.properties = Object.fromEntries(
        Object.entries(value as JsonSchema).map(([name, sub]) => [name, toGeminiSchema(sub)]),
      );
    } else if (key === "items") {
      out.items = toGeminiSchema(value);
    } else if (key === "anyOf" && Array.isArray(value)) {
      out.anyOf = value.map(toGeminiSchema);
    } else {
      out[key] = value;
    }
  }
  return out;
}
