import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSync } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { sourceMapLookup } from "./source-map-lookup";

const dir = mkdtempSync(path.join(tmpdir(), "sourcemap-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("sourceMapLookup", () => {
  it("names the TypeScript file and line a position in the bundle came from", () => {
    writeFileSync(path.join(dir, "helper.ts"), "export function helper(n: number): number {\n  const doubled: number = n * 2;\n  return doubled + 1;\n}\n");
    writeFileSync(path.join(dir, "entry.ts"), 'import { helper } from "./helper";\n\nconsole.log(helper(20));\n');
    const outfile = path.join(dir, "out", "bundle.mjs");
    buildSync({ entryPoints: [path.join(dir, "entry.ts")], outfile, bundle: true, format: "esm", sourcemap: "linked", logLevel: "silent" });
    const lines = readFileSync(outfile, "utf8").split("\n");
    const lookup = sourceMapLookup(outfile, dir)!;
    const at = (needle: string) => {
      const line = lines.findIndex((l) => l.includes(needle));
      return lookup(line, lines[line]!.indexOf(needle));
    };
    expect(at("n * 2")).toEqual({ file: "helper.ts", line: 2 });
    expect(at("doubled + 1")).toEqual({ file: "helper.ts", line: 3 });
    expect(at("console.log")).toEqual({ file: "entry.ts", line: 3 });
  });

  it("gives no lookup for a file without a map", () => {
    expect(sourceMapLookup(path.join(dir, "missing.mjs"))).toBeNull();
  });
});
