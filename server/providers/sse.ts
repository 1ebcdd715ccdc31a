import type { SSEEvent } from "./types";

/**
 * Incremental Server-Sent Events decoder (WHATWG rules): accepts text or bytes in arbitrary
 * pieces, so chunk boundaries may fall anywhere, including inside a UTF-8 sequence or between
 * CR and LF. Synchronous, so that a provider call decodes and maps an upstream chunk's events
 * in one step rather than one async step per event.
 */
export function createSSEDecoder() {
  const utf8 = new TextDecoder();
  let buffer = "";
  let data: string[] = [];
  let event: string | undefined;
  let id: string | undefined;
  let pendingCR = false;

  function dispatch(out: SSEEvent[]) {
    if (data.length > 0) {
      const sse: SSEEvent = { data: data.join("\n") };
      if (event !== undefined) sse.event = event;
      if (id !== undefined) sse.id = id;
      out.push(sse);
    }
    data = [];
    event = undefined;
  }

  function processLine(line: string, out: SSEEvent[]) {
    if (line === "") return dispatch(out);
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") data.push(value);
    else if (field === "event") event = value;
    else if (field === "id") id = value;
  }

  return {
    push(text: string): SSEEvent[] {
      const out: SSEEvent[] = [];
      let start = 0;
      if (pendingCR && text.startsWith("\n")) start = 1;
      pendingCR = false;
      buffer += text.slice(start);
      let lineStart = 0;
      for (let i = 0; i < buffer.length; i++) {
        const ch = buffer[i];
        if (ch !== "\n" && ch !== "\r") continue;
        processLine(buffer.slice(lineStart, i), out);
        if (ch === "\r") {
          if (i + 1 === buffer.length) pendingCR = true;
          else if (buffer[i + 1] === "\n") i++;
        }
        lineStart = i + 1;
      }
      buffer = buffer.slice(lineStart);
      return out;
    },
    pushBytes(chunk: Uint8Array): SSEEvent[] {
      return this.push(utf8.decode(chunk, { stream: true }));
    },
    /** The body ended: an event without its closing blank line is incomplete and dropped, as the SSE spec says. */
    end(): SSEEvent[] {
      return this.push(utf8.decode());
    },
  };
}
