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
  minimum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  minLength?: number;
};

const FORMATTED_STRINGS: Record<string, string> = {
  date: "2025-01-15",
  "date-time": "2025-01-15T09:30:00Z",
  time: "09:30:00",
  email: "user@example.com",
  uri: "https://example.com",
  url: "https://example.com",
  uuid: "00000000-0000-4000-8000-000000000000",
};

function exampleString(schema: Schema, name: string): string {
  const formatted = schema.format ? FORMATTED_STRINGS[schema.format] : undefined;
  const base = formatted ?? (name ? `example ${name}` : "example");
  return base.padEnd(schema.minLength ?? 0, "x");
}

function exampleNumber(schema: Schema, integer: boolean): number {
  if (schema.minimum !== undefined) return integer ? Math.ceil(schema.minimum) : schema.minimum;
  if (schema.exclusiveMinimum !== undefined) return Math.floor(schema.exclusiveMinimum) + 1;
  return 1;
}

/**
 * A value that validates against the schema: enum/const/default first, every required
 * property, the minimum number of array items. Optional properties are left out.
 */
export function generateFromSchema(schema: Schema, name = ""): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const variant = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (variant) return generateFromSchema(variant, name);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type ?? (schema.properties ? "object" : "string")) {
    case "object": {
      const result: Record<string, unknown> = {};
      for (const key of schema.required ?? []) result[key] = generateFromSchema(schema.properties?.[key] ?? {}, key);
      return result;
    }
    case "array":
      return Array.from({ length: Math.max(schema.minItems ?? 0, 1) }, () => generateFromSchema(schema.items ?? {}, name));
    case "integer":
      return exampleNumber(schema, true);
    case "number":
      return exampleNumber(schema, false);
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return exampleString(schema, name);
  }
}
