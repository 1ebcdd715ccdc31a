import type { JsonSchema } from "../types";

type Schema = JsonSchema & {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  $ref?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  minLength?: number;
  maxLength?: number;
};

/**
 * Bounds on the work one schema can ask for: nesting (references may point back at themselves),
 * array items and string length, and the whole value's size. The last is what makes the work
 * linear: a schema of a few hundred bytes nesting arrays of `minItems: 100` (or an array whose
 * items refer back to the root) asks for 100^depth values. Past any bound the value is smaller
 * than the schema asks, never larger.
 */
const MAX_DEPTH = 32;
const MAX_ITEMS = 100;
const MAX_STRING_LENGTH = 1000;
export const MAX_GENERATED_VALUES = 10_000;
export const MAX_GENERATED_CHARS = 200_000;

/** What is left of one value's bounds, shared by the whole recursion. */
interface Budget {
  values: number;
  chars: number;
}

const FORMATTED_STRINGS: Record<string, string> = {
  date: "2025-01-15",
  "date-time": "2025-01-15T09:30:00Z",
  time: "09:30:00",
  email: "user@example.com",
  uri: "https://example.com",
  url: "https://example.com",
  uuid: "00000000-0000-4000-8000-000000000000",
};

function exampleString(schema: Schema, name: string, budget: Budget): string {
  const formatted = schema.format ? FORMATTED_STRINGS[schema.format] : undefined;
  const base = formatted ?? (name ? `example ${name}` : "example");
  const text = base.padEnd(Math.min(schema.minLength ?? 0, MAX_STRING_LENGTH), "x").slice(0, Math.min(schema.maxLength ?? Infinity, budget.chars));
  budget.chars -= text.length;
  return text;
}

function exampleNumber(schema: Schema, integer: boolean): number {
  if (schema.minimum !== undefined) return integer ? Math.ceil(schema.minimum) : schema.minimum;
  if (schema.exclusiveMinimum !== undefined) return Math.floor(schema.exclusiveMinimum) + 1;
  if (schema.maximum !== undefined && schema.maximum < 1) return integer ? Math.floor(schema.maximum) : schema.maximum;
  if (schema.exclusiveMaximum !== undefined && schema.exclusiveMaximum <= 1) return Math.ceil(schema.exclusiveMaximum) - 1;
  return 1;
}

/** A local reference ("#/$defs/x", "#/definitions/x" or "#" itself) resolved against the root schema. */
function resolveRef(ref: string, root: Schema): Schema {
  if (!ref.startsWith("#")) return {};
  let node: unknown = root;
  for (const part of ref.slice(1).split("/").filter(Boolean)) {
    node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[part.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
  }
  return node !== null && typeof node === "object" ? (node as Schema) : {};
}

function generate(schema: Schema, name: string, root: Schema, depth: number, budget: Budget): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  if (depth >= MAX_DEPTH || budget.values <= 0) return null;
  budget.values--;
  if (typeof schema.$ref === "string") return generate(resolveRef(schema.$ref, root), name, root, depth + 1, budget);
  const variant = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (variant) return generate(variant, name, root, depth + 1, budget);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type ?? (schema.properties ? "object" : "string")) {
    case "object": {
      const result: Record<string, unknown> = {};
      for (const key of schema.required ?? []) {
        if (budget.values <= 0) break;
        result[key] = generate(schema.properties?.[key] ?? {}, key, root, depth + 1, budget);
      }
      return result;
    }
    case "array": {
      const length = Math.min(Math.max(schema.minItems ?? 0, 1), MAX_ITEMS);
      const items: unknown[] = [];
      while (items.length < length && budget.values > 0) items.push(generate(schema.items ?? {}, name, root, depth + 1, budget));
      return items;
    }
    case "integer":
      return exampleNumber(schema, true);
    case "number":
      return exampleNumber(schema, false);
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return exampleString(schema, name, budget);
  }
}

/**
 * A deterministic minimal value that validates against the schema (within the bounds above): enum/const/default first,
 * every required property (optional ones left out), the minimum number of array items, the
 * first variant of anyOf/oneOf, local references followed.
 */
export function generateFromSchema(schema: Schema, name = ""): unknown {
  return generate(schema, name, schema, 0, { values: MAX_GENERATED_VALUES, chars: MAX_GENERATED_CHARS });
}
