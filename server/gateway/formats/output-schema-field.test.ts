import { describe, expect, it } from "vitest";
import { anthropicMessagesRequestSchema, toCanonical as anthropicToCanonical } from "./anthropic";
import { describeValidationError } from "./describe-validation-error";
import { openAIChatRequestSchema } from "./openai-schema";
import { MAX_OUTPUT_SCHEMA_DEPTH, MAX_OUTPUT_SCHEMA_NODES } from "./output-schema-field";
import { responsesRequestSchema } from "./responses-schema";

/** An object schema whose property nests `levels` objects deep (two JSON levels each). */
function nested(levels: number): Record<string, unknown> {
  let schema: Record<string, unknown> = { type: "string" };
  for (let i = 0; i < levels; i++) schema = { type: "object", properties: { inner: schema }, required: ["inner"] };
  return schema;
}
const wide = { type: "object", properties: Object.fromEntries(Array.from({ length: MAX_OUTPUT_SCHEMA_NODES / 2 }, (_, i) => [`p${i}`, { type: "string" }])) };

const messages = [{ role: "user", content: "Hi" }];
const bodies = {
  chat: (schema: unknown) => openAIChatRequestSchema.safeParse({ model: "auto", messages, response_format: { type: "json_schema", json_schema: { name: "out", schema } } }),
  responses: (schema: unknown) => responsesRequestSchema.safeParse({ model: "auto", input: "Hi", text: { format: { type: "json_schema", name: "out", schema } } }),
  messages: (schema: unknown) => anthropicMessagesRequestSchema.safeParse({ model: "auto", max_tokens: 10, messages, output_config: { format: { type: "json_schema", schema } } }),
};

describe("output schema caps", () => {
  it.each(Object.entries(bodies))("%s accepts a reasonable schema and refuses one too deep or too large, naming the field", (_name, parse) => {
    expect(parse(nested(10)).success).toBe(true);
    const deep = parse(nested(MAX_OUTPUT_SCHEMA_DEPTH));
    expect(deep.success).toBe(false);
    if (!deep.success) expect(describeValidationError(deep.error).message).toMatch(new RegExp(`schema: the schema nests deeper than ${MAX_OUTPUT_SCHEMA_DEPTH} levels$`));
    const large = parse(wide);
    expect(large.success).toBe(false);
    if (!large.success) expect(describeValidationError(large.error).message).toContain(`more than ${MAX_OUTPUT_SCHEMA_NODES} values`);
  });

  it("carries Anthropic's output_config.format into the canonical request", () => {
    const schema = { type: "object", properties: { a: { type: "string" } }, required: ["a"], additionalProperties: false };
    const body = anthropicMessagesRequestSchema.parse({ model: "auto", max_tokens: 10, messages, output_config: { format: { type: "json_schema", schema }, effort: "low" } });
    expect(anthropicToCanonical(body).request.responseFormat).toEqual({ type: "json_schema", name: "output", schema, strict: true });
    const plain = anthropicMessagesRequestSchema.parse({ model: "auto", max_tokens: 10, messages });
    expect(anthropicToCanonical(plain).request).not.toHaveProperty("responseFormat");
  });
});
