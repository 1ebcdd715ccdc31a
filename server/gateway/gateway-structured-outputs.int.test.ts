// Structured outputs through the gateway process in demo mode, with the official OpenAI SDK's
// parse helpers: the simulated provider answers with JSON valid against the caller's schema,
// models that cannot follow a schema are left out of the plan (and say why), and one asked
// for by name is refused with a 400.
import OpenAI from "openai";
import { zodResponseFormat, zodTextFormat } from "openai/helpers/zod";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CANNOT_FOLLOW_SCHEMA } from "../routing/select-model";
import { setupGateway, waitForRequestLogs } from "../testing/setup-gateway";
import { createOrderedPolicy } from "../testing/seed-gateway-tenant";

const fx = setupGateway({
  // glm-5 cannot follow a schema (built-in catalog). Priced here (its output price is unknown,
  // which would rank it last), it is the cheaper of the two.
  prepare: async ({ db, tenant }) => {
    await db.model.updateMany({ where: { slug: "glm-5", tenantId: null }, data: { outputPricePerMTok: 1 } });
    await createOrderedPolicy(db, tenant.tenantId, "glm-first", ["glm-5", "gemini-3-flash"]);
  },
});
/** The tenant's chat models besides the policy's two (embedding models are never candidates). */
const otherChatModels = async () =>
  (await fx.db.model.count({ where: { OR: [{ tenantId: null }, { tenantId: fx.tenant.tenantId }], kind: "chat", slug: { notIn: ["glm-5", "gemini-3-flash"] } } }));
const client = () => new OpenAI({ baseURL: fx.gateway.baseUrl, apiKey: fx.tenant.apiKey, maxRetries: 0, timeout: 20_000 });

const City = z.object({
  name: z.string(),
  country: z.object({ code: z.string(), eu: z.boolean() }),
  population: z.number().int(),
  districts: z.array(z.object({ name: z.string(), area: z.number() })),
  climate: z.enum(["oceanic", "continental", "mediterranean"]),
  motto: z.string().nullable(),
});
const citySchema = z.toJSONSchema(City) as Record<string, unknown>;

describe("structured outputs through the gateway", () => {
  it("chat.completions.parse returns an object valid against the zod schema", async () => {
    const completion = await client().chat.completions.parse({
      model: "auto",
      messages: [{ role: "user", content: "Describe Lisbon." }],
      response_format: zodResponseFormat(City, "city"),
    });
    const parsed = completion.choices[0]?.message.parsed;
    expect(City.safeParse(parsed).success).toBe(true);
    expect(parsed?.climate).toBe("oceanic");
  });

  it("honours json_schema in a stream: the streamed text is the JSON", async () => {
    const stream = client().chat.completions.stream({
      model: "auto",
      messages: [{ role: "user", content: "Describe Porto." }],
      response_format: zodResponseFormat(City, "city"),
    });
    const final = await stream.finalChatCompletion();
    expect(City.safeParse(final.choices[0]?.message.parsed).success).toBe(true);
  });

  it("responses.parse returns output_parsed valid against the zod schema, streamed too", async () => {
    const response = await client().responses.parse({ model: "auto", input: "Describe Madrid.", text: { format: zodTextFormat(City, "city") } });
    expect(City.safeParse(response.output_parsed).success).toBe(true);
    const stream = client().responses.stream({ model: "auto", input: "Describe Seville.", text: { format: zodTextFormat(City, "city") } });
    const final = await stream.finalResponse();
    expect(City.safeParse(final.output_parsed).success).toBe(true);
  });

  it("json_object answers one JSON object", async () => {
    const completion = await client().chat.completions.create({ model: "auto", messages: [{ role: "user", content: "Describe Rome as JSON." }], response_format: { type: "json_object" } });
    expect(JSON.parse(completion.choices[0]?.message.content ?? "")).toEqual({ answer: expect.any(String) });
  });

  it("leaves a model that cannot follow a schema out of the plan, and the explanation says so", async () => {
    const { data, response } = await client()
      .chat.completions.create({ model: "policy/glm-first", messages: [{ role: "user", content: "Describe Oslo." }], response_format: zodResponseFormat(City, "city") })
      .withResponse();
    expect(data.model).toBe("gemini-3-flash");
    expect(City.safeParse(JSON.parse(data.choices[0]?.message.content ?? "")).success).toBe(true);
    const plain = await client().chat.completions.create({ model: "policy/glm-first", messages: [{ role: "user", content: "Describe Oslo." }] });
    expect(plain.model).toBe("glm-5");

    const requestId = response.headers.get("x-switchyard-request-id");
    const logs = await waitForRequestLogs(fx, 7);
    const explanation = logs.find((log) => log.id === requestId)?.explanation as { plan: string[]; candidates: Array<{ modelId: string; status: string; reason: string }>; modelsNotAllowed: number };
    expect(explanation.plan).toEqual(["gemini-3-flash"]);
    expect(explanation.candidates.find((c) => c.modelId === "glm-5")).toMatchObject({ status: "skipped", reason: CANNOT_FOLLOW_SCHEMA });
    // The rule's own models are listed; the rest of the catalog is counted.
    expect(explanation.candidates.map((c) => c.modelId).sort()).toEqual(["gemini-3-flash", "glm-5"]);
    expect(explanation.modelsNotAllowed).toBe(await otherChatModels());
  });

  it("previews the same plan on /v1/route: a body asking for a schema skips the model that cannot follow one", async () => {
    const preview = async (body: object) => {
      const res = await fetch(`${fx.gateway.baseUrl}/route`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${fx.tenant.apiKey}` }, body: JSON.stringify(body) });
      expect(res.status).toBe(200);
      return (await res.json()) as { model: string; candidates: Array<{ modelId: string; status: string; reason: string }>; models_not_allowed: number };
    };
    const messages = [{ role: "user", content: "Describe Oslo." }];
    const withSchema = await preview({ model: "policy/glm-first", messages, response_format: zodResponseFormat(City, "city") });
    expect(withSchema.model).toBe("gemini-3-flash");
    expect(withSchema.candidates.find((c) => c.modelId === "glm-5")).toMatchObject({ status: "skipped", reason: CANNOT_FOLLOW_SCHEMA });
    expect(withSchema.candidates).toHaveLength(2);
    expect(withSchema.models_not_allowed).toBe(await otherChatModels());
    expect((await preview({ model: "policy/glm-first", messages })).model).toBe("glm-5");
  });

  it("refuses a model asked for by name that cannot follow a schema with a 400; json_object still works there", async () => {
    const refused = await client()
      .chat.completions.create({ model: "glm-5", messages: [{ role: "user", content: "Hi" }], response_format: { type: "json_schema", json_schema: { name: "city", schema: citySchema, strict: true } } })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OpenAI.BadRequestError);
    expect((refused as InstanceType<typeof OpenAI.BadRequestError>).message).toContain("cannot follow a JSON schema");
    const jsonMode = await client().chat.completions.create({ model: "glm-5", messages: [{ role: "user", content: "Hi" }], response_format: { type: "json_object" } });
    expect(jsonMode.model).toBe("glm-5");
  });

  it("refuses a schema nested too deep with a 400 naming the field", async () => {
    let schema: Record<string, unknown> = { type: "string" };
    for (let i = 0; i < 25; i++) schema = { type: "object", properties: { inner: schema }, required: ["inner"] };
    const refused = await client()
      .chat.completions.create({ model: "auto", messages: [{ role: "user", content: "Hi" }], response_format: { type: "json_schema", json_schema: { name: "deep", schema } } })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OpenAI.BadRequestError);
    expect((refused as InstanceType<typeof OpenAI.BadRequestError>).message).toContain("response_format.json_schema.schema: the schema nests deeper than");
  });
});
