// Maps a position in a bundled file back to its TypeScript source through the bundle's source
// map (version 3, "mappings" in base64 VLQ), so that profiles of the lean gateway's bundle name
// the server modules, as profiles of the unbundled code did.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export interface SourcePosition {
  /** Repository-relative path of the source file. */
  file: string;
  /** 1-based. */
  line: number;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const c of segment) {
    const digit = DIGIT.get(c)!;
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** Per generated line: [generated column, source index, source line (0-based)] sorted by column. */
type LineMap = Array<[number, number, number]>;

function decodeMappings(mappings: string): LineMap[] {
  const lines: LineMap[] = [];
  let source = 0;
  let sourceLine = 0;
  for (const line of mappings.split(";")) {
    const entries: LineMap = [];
    let column = 0;
    for (const segment of line.split(",")) {
      if (!segment) continue;
      const [dCol, dSource, dLine] = decodeSegment(segment);
      column += dCol!;
      if (dSource === undefined) continue;
      source += dSource;
      sourceLine += dLine!;
      entries.push([column, source, sourceLine]);
    }
    lines.push(entries);
  }
  return lines;
}

/** A lookup for one bundle, or null when it has no map next to it. */
export function sourceMapLookup(bundlePath: string, root = process.cwd()): ((line0: number, column0: number) => SourcePosition | null) | null {
  const mapPath = `${bundlePath}.map`;
  if (!existsSync(mapPath)) return null;
  const map = JSON.parse(readFileSync(mapPath, "utf8")) as { sources: string[]; mappings: string };
  const lines = decodeMappings(map.mappings);
  const files = map.sources.map((s) => path.relative(root, path.resolve(path.dirname(bundlePath), s)));
  return (line0, column0) => {
    const entries = lines[line0];
    if (!entries?.length) return null;
    let best = entries[0]!;
    for (const entry of entries) {
      if (entry[0] > column0) break;
      best = entry;
    }
    return { file: files[best[1]]!, line: best[2] + 1 };
  };
}
