import { execFileSync } from "node:child_process";
import { transformSync } from "esbuild";
import { describe, expect, it } from "vitest";
import { firstRequestSnippet, KEY_PLACEHOLDER, SNIPPET_CLIENTS } from "./snippets";

const origin = "https://switchyard.example.com";
const apiKey = "sy_test_0123456789abcdef";

describe("first-request snippets", () => {
  it("fill in the organisation's address and the key for every client", () => {
    for (const { id } of SNIPPET_CLIENTS) {
      const snippet = firstRequestSnippet(id, { origin, apiKey });
      expect(snippet).toContain(apiKey);
      expect(snippet).toContain(origin);
      expect(snippet).toContain("auto");
      expect(snippet).not.toContain(KEY_PLACEHOLDER);
    }
  });

  it("use a placeholder while the key is unknown", () => {
    for (const { id } of SNIPPET_CLIENTS) {
      expect(firstRequestSnippet(id, { origin, apiKey: null })).toContain(KEY_PLACEHOLDER);
    }
  });

  it("give OpenAI clients the /v1 base URL and the Anthropic SDK the bare origin, which it extends itself", () => {
    expect(firstRequestSnippet("openai-js", { origin: `${origin}/`, apiKey })).toContain(`baseURL: "${origin}/v1"`);
    expect(firstRequestSnippet("python", { origin, apiKey })).toContain(`base_url="${origin}/v1"`);
    expect(firstRequestSnippet("anthropic-js", { origin, apiKey })).toContain(`baseURL: "${origin}",`);
    expect(firstRequestSnippet("curl", { origin, apiKey })).toContain(`'${origin}/v1/chat/completions'`);
  });

  it("are valid JavaScript modules", () => {
    for (const id of ["openai-js", "anthropic-js"] as const) {
      expect(() => transformSync(firstRequestSnippet(id, { origin, apiKey }), { format: "esm", loader: "js" })).not.toThrow();
    }
  });

  it("give curl words that the shell reads back unchanged, quotes included", () => {
    const snippet = firstRequestSnippet("curl", { origin: "http://it's.test", apiKey });
    // printf prints each word the shell parsed on its own line: the command with curl swapped for printf.
    const words = execFileSync("sh", ["-c", snippet.replace(/^curl /, "printf '%s\\n' ")], { encoding: "utf8" }).trimEnd().split("\n");
    expect(words).toEqual([
      "http://it's.test/v1/chat/completions",
      "-H", `Authorization: Bearer ${apiKey}`,
      "-H", "Content-Type: application/json",
      "-d", JSON.stringify({ model: "auto", messages: [{ role: "user", content: "Write a haiku about routers" }] }),
    ]);
  });
});
