import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LINEAR_RATIO_BOUND, measureGrowth } from "../testing/expect-linear-time";
import { JsonBodyReader, MAX_JSON_DEPTH, MAX_JSON_VALUES } from "./json-body-reader";

/** Feeds `bytes` in chunks cut at the given offsets. */
function read(bytes: Uint8Array, cuts: number[] = [], maxBytes = 1 << 30) {
  const reader = new JsonBodyReader(maxBytes);
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b).concat(bytes.length)) {
    if (cut <= from || cut > bytes.length) continue;
    if (!reader.push(bytes.subarray(from, cut))) break;
    from = cut;
  }
  return reader.finish();
}

const utf8 = (text: string) => Buffer.from(text, "utf8");

describe("JSON body reader", () => {
  it("returns the decoded text whatever the chunking, multi-byte characters and escapes split included (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.array(fc.nat(), { maxLength: 12 }), (value, rawCuts) => {
        const bytes = utf8(JSON.stringify({ v: value, s: 'a\\"b\\\\"😀中' }));
        const body = read(bytes, rawCuts.map((c) => c % (bytes.length + 1)));
        expect(body).toEqual({ text: bytes.toString("utf8") });
      }),
      { numRuns: 500, seed: 11 },
    );
  });

  it("refuses bodies over the byte limit", () => {
    expect(read(utf8(`"${"x".repeat(100)}"`), [], 50)).toEqual({ tooLarge: true });
    expect(read(utf8(`"${"x".repeat(40)}"`), [], 50)).toEqual({ text: `"${"x".repeat(40)}"` });
  });

  it("refuses more values than the cap, counted outside strings only", () => {
    const many = utf8(JSON.stringify(Array.from({ length: MAX_JSON_VALUES + 1 }, () => 1)));
    expect(read(many, [1000, 5000])).toMatchObject({ tooComplex: expect.stringContaining("JSON values") });
    // Commas, brackets and quotes inside a string are text, not structure.
    const inString = utf8(JSON.stringify({ s: ',[{"'.repeat(MAX_JSON_VALUES) }));
    expect(read(inString, [7, 8, 9])).toHaveProperty("text");
  });

  it("refuses nesting deeper than the cap", () => {
    const deep = (n: number) => utf8("[".repeat(n) + "]".repeat(n));
    expect(read(deep(MAX_JSON_DEPTH))).toHaveProperty("text");
    expect(read(deep(MAX_JSON_DEPTH + 1))).toMatchObject({ tooComplex: expect.stringContaining("deeper") });
  });

  it("reads in linear time, long strings and backslash runs included", () => {
    for (const unit of ["a", "\\\\", '\\"', "中", " ", "1"]) {
      const g = measureGrowth(
        (n) => utf8(unit === " " || unit === "1" ? `[${unit.repeat(n)}]` : `"${unit.repeat(n)}"`),
        (bytes) => read(bytes, [65_536, 131_072, 196_608]),
        20_000,
        5,
        5,
      );
      expect(g.ratio, `${unit}: ${g.smallMs.toFixed(2)} → ${g.largeMs.toFixed(2)} ms`).toBeLessThan(LINEAR_RATIO_BOUND);
    }
  });
});
