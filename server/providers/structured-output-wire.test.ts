// Each adapter's upstream body for a JSON-format request, checked against the shape its
// provider documents: OpenAI's response_format, Gemini's generationConfig and Anthropic's
// output_config.format. Streaming requests carry the same setting.
import { describe, expect, it } from "vitest";
import { anthropicAdapter } from "./anthropic";
import { geminiAdapter } from "./gemini";
import { openaiAdapter } from "./openai";
import { openaiCompatibleAdapter } from "./openai-compatible";
import { simpleRequest, targetFor } from "./test-requests";
import type { ChatRequest, ProviderAdapter, ResponseFormat } from "./types";

const schema = {
  type: "object",
  properties: { city: { type: "string" }, population: { type: ["integer", "null"] }, tags: { type: "array", items: { type: "string" } } },
  required: ["city", "population", "tags"],
  additionalProperties: false,
};
const jsonSchema: ResponseFormat = { type: "json_schema", name: "city", schema, strict: true };

function bodyOf(adapter: ProviderAdapter, responseFormat: ResponseFormat, stream = false) {
  const req: ChatRequest = { ...simpleRequest, responseFormat, stream };
  return JSON.parse(adapter.buildRequest(req, targetFor("http://upstream", stream)).init.body);
}

describe("structured outputs on the wire", () => {
  it.each([
    ["openai", openaiAdapter],
    ["openai-compatible", openaiCompatibleAdapter],
  ])("%s: response_format json_schema with name, schema and strict, streamed too", (_name, adapter) => {
    for (const stream of [false, true]) {
      const body = bodyOf(adapter, jsonSchema, stream);
      expect(body.response_format).toEqual({ type: "json_schema", json_schema: { name: "city", schema, strict: true } });
      expect(body.stream ?? false).toBe(stream);
    }
    expect(bodyOf(adapter, { type: "json_object" }).response_format).toEqual({ type: "json_object" });
  });

  it("gemini: JSON mime type with the schema in Gemini's subset, or as JSON Schema when it has references", () => {
    const body = bodyOf(geminiAdapter, jsonSchema, true);
    expect(body.generationConfig).toMatchObject({
      responseMimeType: "application/json",
      responseSchema: {
        type: "object",
        properties: { city: { type: "string" }, population: { type: "integer", nullable: true }, tags: { type: "array", items: { type: "string" } } },
        required: ["city", "population", "tags"],
      },
    });
    expect(body.generationConfig.responseSchema).not.toHaveProperty("additionalProperties");
    const literal = { type: "object", properties: { kind: { type: "string", const: "city" }, size: { oneOf: [{ type: "integer" }, { type: "string" }] } } };
    expect(bodyOf(geminiAdapter, { type: "json_schema", name: "literal", schema: literal }).generationConfig.responseSchema).toEqual({
      type: "object",
      properties: { kind: { type: "string", enum: ["city"] }, size: { anyOf: [{ type: "integer" }, { type: "string" }] } },
    });
    const referring = { type: "object", properties: { home: { $ref: "#/$defs/city" } }, required: ["home"], $defs: { city: schema } };
    const withRefs = bodyOf(geminiAdapter, { type: "json_schema", name: "home", schema: referring });
    expect(withRefs.generationConfig).toEqual({ maxOutputTokens: 64, temperature: 0.2, topP: 0.9, stopSequences: ["END"], responseMimeType: "application/json", responseJsonSchema: referring });
    expect(bodyOf(geminiAdapter, { type: "json_object" }).generationConfig).not.toHaveProperty("responseSchema");
    expect(bodyOf(geminiAdapter, { type: "json_object" }).generationConfig.responseMimeType).toBe("application/json");
  });

  it("anthropic: output_config.format for a schema in its subset (streamed too); json_object by instruction, as it has no JSON mode", () => {
    for (const stream of [false, true]) {
      const body = bodyOf(anthropicAdapter, jsonSchema, stream);
      expect(body.output_config).toEqual({ format: { type: "json_schema", schema } });
      expect(body.system).toBe("You are terse.");
    }
    const loose = {
      type: "object",
      properties: {
        tags: { type: "array", items: { type: "string", format: "hostname" }, minItems: 2 },
        when: { type: "string", format: "date", pattern: "^2" },
        shape: { oneOf: [{ $ref: "#/$defs/point" }, { type: "null" }] },
      },
      required: ["tags"],
      $defs: { point: { type: "object", properties: { x: { type: "number", minimum: 0 } } } },
    };
    expect(bodyOf(anthropicAdapter, { type: "json_schema", name: "loose", schema: loose }).output_config.format.schema).toEqual({
      type: "object",
      properties: {
        tags: { type: "array", items: { type: "string", format: "hostname" }, description: "{minItems: 2}" },
        when: { type: "string", format: "date", description: '{pattern: "^2"}' },
        shape: { anyOf: [{ $ref: "#/$defs/point" }, { type: "null" }] },
      },
      additionalProperties: false,
      required: ["tags"],
      $defs: { point: { type: "object", properties: { x: { type: "number", description: "{minimum: 0}" } }, additionalProperties: false } },
    });
    const plain = bodyOf(anthropicAdapter, { type: "json_object" });
    expect(plain).not.toHaveProperty("output_config");
    expect(plain.system).toContain("single valid JSON object");
  });
});
