import { describe, expect, it } from "vitest";
import { parseSSE } from "../testing/parse-sse";
import { LINEAR_RATIO_BOUND, measureGrowth } from "../testing/expect-linear-time";
import { createSSEDecoder } from "./sse";

const STREAM = [
  ": keep-alive comment",
  "event: message_start",
  'data: {"type":"message_start"}',
  "",
  "data: first line",
  "data: second line",
  "id: 7",
  "",
  "data:no-space",
  "",
  "event: ignored-without-data",
  "",
  'data: {"text":"héllo ✓ 🚀"}',
  "",
  "data: [DONE]",
  "",
  "",
].join("\n");

const EXPECTED = [
  { event: "message_start", data: '{"type":"message_start"}' },
  { data: "first line\nsecond line", id: "7" },
  { data: "no-space", id: "7" },
  { data: '{"text":"héllo ✓ 🚀"}', id: "7" },
  { data: "[DONE]", id: "7" },
];

async function collect(chunks: Uint8Array[]) {
  async function* source() {
    yield* chunks;
  }
  const events = [];
  for await (const event of parseSSE(source())) events.push(event);
  return events;
}

describe("SSE parser", () => {
  it("parses events, multi-line data, ids and comments", async () => {
    expect(await collect([new TextEncoder().encode(STREAM)])).toEqual(EXPECTED);
  });

  it("gives the same events whatever byte offset a chunk boundary falls on", async () => {
    for (const text of [STREAM, STREAM.replace(/\n/g, "\r\n"), STREAM.replace(/\n/g, "\r")]) {
      const bytes = new TextEncoder().encode(text);
      for (let cut = 0; cut <= bytes.length; cut++) {
        const events = await collect([bytes.slice(0, cut), bytes.slice(cut)]);
        expect(events, `cut at byte ${cut}`).toEqual(EXPECTED);
      }
    }
  });

  it("survives one byte per chunk", async () => {
    const bytes = new TextEncoder().encode(STREAM.replace(/\n/g, "\r\n"));
    expect(await collect(Array.from(bytes, (b) => Uint8Array.of(b)))).toEqual(EXPECTED);
  });

  it("drops a final event that never got its blank line", async () => {
    const events = await collect([new TextEncoder().encode('data: {"a":1}\n\ndata: {"partial"')]);
    expect(events).toEqual([{ data: '{"a":1}' }]);
  });

  it("handles a CR at the end of one push and LF at the start of the next", () => {
    const decoder = createSSEDecoder();
    expect(decoder.push("data: x\r")).toEqual([]);
    expect(decoder.push("\n\r")).toEqual([{ data: "x" }]);
    expect(decoder.push("\ndata: y\n\n")).toEqual([{ data: "y" }]);
  });

  it("decodes a long line that arrives in many pieces in linear time", () => {
    const PIECE = 1_024;
    const g = measureGrowth(
      (n) => Array.from({ length: Math.ceil(n / PIECE) }, (_, i) => (i === 0 ? "data: " : "") + "x".repeat(PIECE)),
      (pieces) => {
        const decoder = createSSEDecoder();
        for (const piece of pieces) decoder.push(piece);
        const events = decoder.push("\n\n");
        if (events[0]!.data.length !== pieces.length * PIECE) throw new Error("the line was not decoded whole");
      },
      200_000,
      5,
      5,
    );
    expect(g.ratio, `${g.smallMs.toFixed(2)} → ${g.largeMs.toFixed(2)} ms`).toBeLessThan(LINEAR_RATIO_BOUND);
  });

  it("remembers a CR across an empty piece", () => {
    const decoder = createSSEDecoder();
    expect(decoder.push("data: a\r")).toEqual([]);
    expect(decoder.push("")).toEqual([]);
    // One event of two data lines: the LF completes the CR LF, it is no blank line of its own.
    expect(decoder.push("\ndata: b\r\n\r\n")).toEqual([{ data: "a\nb" }]);
  });

  it("keeps a line whose pieces end and start in a CR LF pair apart from the next", () => {
    const decoder = createSSEDecoder();
    expect(decoder.push("data: a")).toEqual([]);
    expect(decoder.push("bc\r")).toEqual([]);
    expect(decoder.push("\n\ndata: d")).toEqual([{ data: "abc" }]);
    expect(decoder.push("e\n\n")).toEqual([{ data: "de" }]);
  });
});
