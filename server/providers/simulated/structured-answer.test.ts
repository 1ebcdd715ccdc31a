import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { ChatRequest, JsonSchema } from "../types";
import { collect } from "@/server/testing/collect";
import { simulate, simulateStream } from "./simulate";
import { generateFromSchema } from "./generate-arguments";

const valid = (schema: JsonSchema, value: unknown) => z.fromJSONSchema(schema as never).safeParse(value).success;

function ask(text: string, responseFormat: ChatRequest["responseFormat"]): ChatRequest {
  return { messages: [{ role: "user", content: [{ type: "text", text }] }], stream: false, responseFormat };
}

const invoice: JsonSchema = {
  type: "object",
  properties: {
    customer: { type: "object", properties: { name: { type: "string" }, email: { type: "string", format: "email" } }, required: ["name", "email"], additionalProperties: false },
    lines: { type: "array", items: { type: "object", properties: { sku: { type: "string", maxLength: 4 }, qty: { type: "integer", minimum: 1 } }, required: ["sku", "qty"], additionalProperties: false }, minItems: 2 },
    status: { type: "string", enum: ["draft", "sent"] },
    total: { type: "number", exclusiveMinimum: 0 },
    paid: { type: "boolean" },
    note: { anyOf: [{ type: "string" }, { type: "null" }] },
    discount: { type: "number", maximum: 0.5 },
  },
  required: ["customer", "lines", "status", "total", "paid", "note", "discount"],
  additionalProperties: false,
};

describe("schema instances", () => {
  it("fills nested objects, arrays, enums, numbers, integers, booleans and nullable fields validly", () => {
    const value = generateFromSchema(invoice);
    expect(valid(invoice, value)).toBe(true);
    expect(value).toEqual({
      customer: { name: "example name", email: "user@example.com" },
      lines: [{ sku: "exam", qty: 1 }, { sku: "exam", qty: 1 }],
      status: "draft",
      total: 1,
      paid: true,
      note: "example note",
      discount: 0.5,
    });
  });

  it("follows local references, and stops at a bounded depth on a schema that refers to itself", () => {
    const schema = { type: "object", properties: { item: { $ref: "#/$defs/item" } }, required: ["item"], $defs: { item: { type: "object", properties: { id: { type: "integer" } }, required: ["id"] } } };
    expect(generateFromSchema(schema)).toEqual({ item: { id: 1 } });
    const endless = { type: "object", properties: { child: { $ref: "#" } }, required: ["child"] };
    expect(JSON.stringify(generateFromSchema(endless)).length).toBeLessThan(1000);
  });

  it("bounds the work a schema can ask for", () => {
    const huge = { type: "array", items: { type: "string", minLength: 1e9 }, minItems: 1e9 };
    const value = generateFromSchema(huge) as string[];
    expect(value.length).toBe(100);
    expect(value[0]!.length).toBe(1000);
  });
});

describe("simulated structured answers", () => {
  it("answers a json_schema request with JSON valid against the schema", async () => {
    const response = await simulate(ask("Draft an invoice", { type: "json_schema", name: "invoice", schema: invoice, strict: true }));
    expect(valid(invoice, JSON.parse(response.content))).toBe(true);
    expect(response.finishReason).toBe("stop");
  });

  it("streams the JSON in several pieces that join to the whole answer", async () => {
    const req = { ...ask("Draft an invoice", { type: "json_schema", name: "invoice", schema: invoice }), stream: true };
    const texts = (await collect(simulateStream(req))).flatMap((e) => (e.type === "text" ? [e.text] : []));
    expect(texts.length).toBeGreaterThan(3);
    expect(texts.join("")).toBe((await simulate(req)).content);
  });

  it("answers a json_object request with one JSON object", async () => {
    const response = await simulate(ask("Describe Rome", { type: "json_object" }));
    const parsed: unknown = JSON.parse(response.content);
    expect(parsed).toEqual({ answer: expect.stringContaining("Describe Rome") });
  });
});
