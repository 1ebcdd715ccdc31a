import { z } from "zod";
import { REASONING_EFFORTS } from "@/server/providers/types";
import { endUserField, metadataField, modelField } from "./kept-fields-schema";
import { outputSchemaField } from "./output-schema-field";

/** cache_control on a text part (as OpenRouter accepts it) marks an Anthropic prompt-cache breakpoint. */
const textPart = z.object({ type: z.literal("text"), text: z.string(), cache_control: z.object({ type: z.literal("ephemeral") }).passthrough().nullish() });
const imagePart = z.object({
  type: z.literal("image_url"),
  image_url: z.object({ url: z.string().min(1), detail: z.enum(["auto", "low", "high"]).optional() }),
});
const refusalPart = z.object({ type: z.literal("refusal"), refusal: z.string() });

const toolCall = z.object({
  id: z.string(),
  type: z.literal("function"),
  function: z.object({ name: z.string(), arguments: z.string() }),
});

const message = z.discriminatedUnion("role", [
  z.object({ role: z.literal(["system", "developer"]), content: z.union([z.string(), z.array(textPart)]), name: z.string().optional() }),
  z.object({
    role: z.literal("user"),
    content: z.union([z.string(), z.array(z.discriminatedUnion("type", [textPart, imagePart]))]),
    name: z.string().optional(),
  }),
  z.object({
    role: z.literal("assistant"),
    content: z.union([z.string(), z.array(z.discriminatedUnion("type", [textPart, refusalPart]))]).nullish(),
    tool_calls: z.array(toolCall).optional(),
    refusal: z.string().nullish(),
    name: z.string().optional(),
  }),
  z.object({ role: z.literal("tool"), tool_call_id: z.string(), content: z.union([z.string(), z.array(textPart)]) }),
]);

const responseFormat = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text") }),
  z.object({ type: z.literal("json_object") }),
  z.object({
    type: z.literal("json_schema"),
    json_schema: z.object({
      name: z.string(),
      description: z.string().optional(),
      schema: outputSchemaField.optional(),
      strict: z.boolean().nullish(),
    }),
  }),
]);

/** POST /v1/chat/completions. Unknown parameters are dropped rather than rejected, as most gateways do. */
export const openAIChatRequestSchema = z.object({
  model: modelField,
  messages: z.array(message).min(1),
  tools: z
    .array(
      z.object({
        type: z.literal("function"),
        function: z.object({
          name: z.string().min(1),
          description: z.string().optional(),
          parameters: z.record(z.string(), z.unknown()).optional(),
          strict: z.boolean().nullish(),
        }),
      }),
    )
    .optional(),
  tool_choice: z
    .union([z.enum(["auto", "none", "required"]), z.object({ type: z.literal("function"), function: z.object({ name: z.string() }) })])
    .optional(),
  max_tokens: z.number().int().positive().nullish(),
  max_completion_tokens: z.number().int().positive().nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  stop: z.union([z.string(), z.array(z.string()).max(4)]).nullish(),
  response_format: responseFormat.optional(),
  reasoning_effort: z.enum(REASONING_EFFORTS).nullish(),
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullish(),
  n: z.literal(1, { message: "only n=1 is supported" }).nullish(),
  user: endUserField.optional(),
  metadata: metadataField.optional(),
});

export type OpenAIChatRequest = z.infer<typeof openAIChatRequestSchema>;
