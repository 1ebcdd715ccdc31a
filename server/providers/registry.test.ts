import { describe, expect, it } from "vitest";
import { CATALOG_PROVIDERS, PROVIDER_IDS, providerRegistry, resolveProvider, validateBaseUrl } from "./registry";

describe("provider registry", () => {
  it("has one adapter per provider id, each naming itself", () => {
    for (const id of PROVIDER_IDS) expect(providerRegistry[id].id).toBe(id);
  });

  it("maps zhipu to the OpenAI-compatible adapter at the BigModel base URL", () => {
    const resolved = resolveProvider("zhipu");
    expect(resolved.adapter.id).toBe("openai-compatible");
    expect(resolved.baseUrl).toBe("https://open.bigmodel.cn/api/paas/v4");
    expect(CATALOG_PROVIDERS.anthropic.baseUrl).toBe("https://api.anthropic.com");
  });

  it("requires a base URL for generic OpenAI-compatible servers and validates custom ones", () => {
    expect(() => resolveProvider("openai-compatible")).toThrow(/needs a base URL/);
    expect(resolveProvider("openai-compatible", "http://localhost:11434/v1/").baseUrl).toBe("http://localhost:11434/v1");
    expect(() => resolveProvider("openai", "ftp://example.com")).toThrow(/http/);
  });

  it.each([
    ["https://api.example.com/v1", true],
    ["http://10.0.0.5:8000/v1", true],
    ["file:///etc/passwd", false],
    ["javascript:alert(1)", false],
    ["https://user:secret@example.com/v1", false],
    ["https://example.com/v1?key=abc", false],
    ["not a url", false],
  ])("validateBaseUrl(%s) ok=%s", (url, ok) => {
    expect(validateBaseUrl(url).ok).toBe(ok);
  });
});
