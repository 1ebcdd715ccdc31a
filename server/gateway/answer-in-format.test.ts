// An endpoint's own refusals reach the caller as they are; any other error, such as the
// database's, only as a reference to the server log.
import { afterEach, describe, expect, it, vi } from "vitest";
import { anthropicFormat } from "./formats/anthropic";
import { openAIFormat } from "./formats/openai";
import { notFound } from "./gateway-error";
import { answerInFormat } from "./gateway-response";

const bodyOf = (response: Awaited<ReturnType<typeof answerInFormat>>) => ("body" in response ? response.body : "");

describe("answerInFormat", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers a GatewayError with its own status and message", async () => {
    const response = await answerInFormat(openAIFormat, () => Promise.reject(notFound("No such request")));
    expect(response.status).toBe(404);
    expect(JSON.parse(bodyOf(response))).toMatchObject({ error: { message: "No such request" } });
  });

  it("answers any other error with a 500 in the caller's format that carries a reference and none of its text", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const failure = new Error('invalid byte sequence for encoding "UTF8": 0x00 in column "comment" of relation "Feedback"');
    for (const response of [await answerInFormat(openAIFormat, () => Promise.reject(failure)), await answerInFormat(anthropicFormat, () => Promise.reject(failure))]) {
      expect(response.status).toBe(500);
      const body = bodyOf(response);
      expect(body).not.toMatch(/UTF8|Feedback|comment|byte sequence/);
      const reference = /Internal error \(reference ([0-9a-f]+)\)/.exec(body)?.[1];
      expect(reference).toBeDefined();
      expect(logged).toHaveBeenCalledWith(`[gateway] internal error ${reference}:`, failure);
    }
    expect(JSON.parse(bodyOf(await answerInFormat(anthropicFormat, () => Promise.reject(failure))))).toMatchObject({ type: "error", error: { type: "api_error" } });
  });
});
