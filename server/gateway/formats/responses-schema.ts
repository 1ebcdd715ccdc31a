import { z } from "zod";
import { REASONING_EFFORTS } from "@/server/providers/types";
import { endUserField, metadataField, modelField } from "./kept-fields-schema";
import { outputSchemaField } from "./output-schema-field";

const inputText = z.object({ type: z.literal("input_text"), text: z.string() });
const outputText = z.object({ type: z.literal("output_text"), text: z.string() });
const refusal = z.object({ type: z.literal("refusal"), refusal: z.string() });
const inputImage = z.object({
  type: z.literal("input_image"),
  image_url: z.string().min(1, { message: "only images given by image_url (a URL or a data: URL) are supported" }),
  detail: z.enum(["auto", "low", "high"]).optional(),
});

const messageItem = z.object({
  type: z.literal("message").optional(),
  role: z.enum(["user", "assistant", "system", "developer"]),
  content: z.union([z.string(), z.array(z.discriminatedUnion("type", [inputText, outputText, refusal, inputImage]))]),
});
const functionCallItem = z.object({
  type: z.literal("function_call"),
  call_id: z.string().min(1),
  name: z.string().min(1),
  arguments: z.string(),
});
const functionCallOutputItem = z.object({
  type: z.literal("function_call_output"),
  call_id: z.string().min(1),
  output: z.union([z.string(), z.array(z.discriminatedUnion("type", [inputText, outputText]))]),
});
// Reasoning items that a client hands back from an earlier answer carry nothing a model here
// can use; they are accepted and left out.
const reasoningItem = z.object({ type: z.literal("reasoning") });

const inputItem = z.union([messageItem, functionCallItem, functionCallOutputItem, reasoningItem]);

const textFormat = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text") }),
  z.object({ type: z.literal("json_object") }),
  z.object({
    type: z.literal("json_schema"),
    name: z.string(),
    description: z.string().optional(),
    schema: outputSchemaField,
    strict: z.boolean().nullish(),
  }),
]);

/**
 * POST /v1/responses, stateless: the conversation travels in `input`, as with store=false.
 * Only function tools are offered to the routed models; unknown parameters are dropped.
 */
export const responsesRequestSchema = z.object({
  model: modelField,
  input: z.union([z.string().min(1), z.array(inputItem).min(1)]),
  instructions: z.string().nullish(),
  tools: z
    .array(
      z.object({
        type: z.literal("function", { message: "only function tools are supported" }),
        name: z.string().min(1),
        description: z.string().nullish(),
        parameters: z.record(z.string(), z.unknown()).nullish(),
        strict: z.boolean().nullish(),
      }),
    )
    .optional(),
  tool_choice: z.union([z.enum(["auto", "none", "required"]), z.object({ type: z.literal("function"), name: z.string() })]).optional(),
  max_output_tokens: z.number().int().positive().nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  text: z.object({ format: textFormat.optional() }).optional(),
  reasoning: z.object({ effort: z.enum(REASONING_EFFORTS).nullish() }).nullish(),
  stream: z.boolean().nullish(),
  user: endUserField.optional(),
  metadata: metadataField.optional(),
  previous_response_id: z
    .null({ message: "previous_response_id is not supported: this gateway stores no responses; send the conversation in input" })
    .optional(),
});

export type ResponsesRequest = z.infer<typeof responsesRequestSchema>;
