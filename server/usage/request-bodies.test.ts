import { describe, expect, it } from "vitest";
import { capText, capturePrompt } from "./request-bodies";

describe("capText", () => {
  it("keeps a text within the cap whole", () => {
    expect(capText("hello", 5)).toEqual({ text: "hello", truncated: false });
  });

  it("cuts at the cap in UTF-8 bytes, never inside a character", () => {
    expect(capText("héllo", 2)).toEqual({ text: "h", truncated: true });
    expect(capText("€€€", 7)).toEqual({ text: "€€", truncated: true });
  });
});

describe("capturePrompt", () => {
  it("puts the system prompt first and keeps every message under the cap", () => {
    expect(capturePrompt("be brief", [{ role: "user", content: "hi" }], 100)).toEqual({
      prompt: [{ role: "system", content: "be brief" }, { role: "user", content: "hi" }],
      truncated: false,
    });
  });

  it("shares the cap among the messages and drops those past it", () => {
    const messages = [{ role: "user" as const, content: "a".repeat(6) }, { role: "assistant" as const, content: "b".repeat(6) }, { role: "user" as const, content: "c" }];
    expect(capturePrompt(undefined, messages, 10)).toEqual({
      prompt: [{ role: "user", content: "aaaaaa" }, { role: "assistant", content: "bbbb" }],
      truncated: true,
    });
  });
});
