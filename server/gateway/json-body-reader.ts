// Reads a JSON request body as its chunks arrive: each chunk is decoded (UTF-8) and scanned for
// the body's structure right away, so the work is spread over the upload instead of landing in
// one block at its end, and a body is measured before JSON.parse sees it. JSON.parse cannot
// be interrupted and costs about 0.1 µs per value: a 20 MB body of small objects held the event
// loop for half a second. Bodies over the size, value or depth caps are refused unparsed.
import { StringDecoder } from "node:string_decoder";
import type { RequestBody } from "./gateway-request";

/** JSON values (objects, arrays, strings and the items after each comma) a body may hold. */
export const MAX_JSON_VALUES = 100_000;
/** How deep objects and arrays may nest (JSON schemas of tools nest a dozen levels at most). */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 34;

export class JsonBodyReader {
  // Node's decoder (Buffer's native UTF-8 slice) decodes about four times faster than TextDecoder.
  private readonly decoder = new StringDecoder("utf8");
  private readonly parts: string[] = [];
  private bytes = 0;
  private values = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private refused: RequestBody | null = null;

  constructor(private readonly maxBytes: number) {}

  /** Adds a chunk; false once the body is refused (the rest need not be read). */
  push(chunk: Uint8Array): boolean {
    if (this.refused) return false;
    this.bytes += chunk.byteLength;
    if (this.bytes > this.maxBytes) {
      this.refused = { tooLarge: true };
      return false;
    }
    const text = this.decoder.write(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    this.scan(text);
    this.parts.push(text);
    return this.refused === null;
  }

  finish(): RequestBody {
    if (this.refused) return this.refused;
    const rest = this.decoder.end();
    if (rest) this.parts.push(rest);
    return { text: this.parts.length === 1 ? this.parts[0]! : this.parts.join("") };
  }

  /**
   * Counts values and tracks depth outside strings; inside a string it jumps from one quote or
   * backslash to the next with indexOf, so long strings cost next to nothing. Each look-up
   * result is kept until passed, which keeps the scan linear.
   */
  private scan(s: string): void {
    const n = s.length;
    let nextQuote = -2;
    let nextBackslash = -2;
    let i = 0;
    while (i < n) {
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
          i++;
          continue;
        }
        if (nextQuote !== -1 && nextQuote < i) nextQuote = s.indexOf('"', i);
        if (nextBackslash !== -1 && nextBackslash < i) nextBackslash = s.indexOf("\\", i);
        if (nextBackslash !== -1 && (nextQuote === -1 || nextBackslash < nextQuote)) {
          this.escaped = true;
          i = nextBackslash + 1;
        } else if (nextQuote !== -1) {
          this.inString = false;
          i = nextQuote + 1;
        } else return; // the string goes on in the next chunk
        continue;
      }
      const c = s.charCodeAt(i++);
      if (c === QUOTE) {
        this.inString = true;
        this.values++;
      } else if (c === 123 /* { */ || c === 91 /* [ */) {
        this.values++;
        if (++this.depth > MAX_JSON_DEPTH) {
          this.refused = { tooComplex: `Request body nests objects and arrays deeper than ${MAX_JSON_DEPTH} levels` };
          return;
        }
      } else if (c === 125 /* } */ || c === 93 /* ] */) this.depth--;
      else if (c === 44 /* , */) this.values++;
      else continue;
      if (this.values > MAX_JSON_VALUES) {
        this.refused = { tooComplex: `Request body holds more than ${MAX_JSON_VALUES.toLocaleString("en-US")} JSON values` };
        return;
      }
    }
  }
}

/** Reads a web body stream through a JsonBodyReader, cancelling it once the body is refused. */
export async function readJsonStream(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<RequestBody> {
  const json = new JsonBodyReader(maxBytes);
  if (!body) return json.finish();
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!json.push(value)) {
      await reader.cancel();
      break;
    }
  }
  return json.finish();
}
