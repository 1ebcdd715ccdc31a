import type { SSEEvent } from "./types";

/**
 * Incremental Server-Sent Events decoder (WHATWG rules): accepts text or bytes in arbitrary
 * pieces, so chunk boundaries may fall anywhere, including inside a UTF-8 sequence or between
 * CR and LF. Synchronous, so that a provider call decodes and maps an upstream chunk's events
 * in one step rather than one async step per event.
 */
export function createSSEDecoder() {
  const utf8 = new TextDecoder();
  /**
   * Pieces of the unfinished last line, joined once its end arrives: a line that comes in many
   * pieces is then read once. (Appending to one string and scanning it again on every piece was
   * quadratic in the line's length: one long line from an upstream held the event loop.)
   */
  let partial: string[] = [];
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
      // An empty piece (a chunk that held only part of a UTF-8 sequence) must not forget a CR
      // whose LF has yet to come.
      if (text === "") return out;
      let start = 0;
      if (pendingCR && text.startsWith("\n")) start = 1;
      pendingCR = false;
      let lineStart = start;
      for (let i = start; i < text.length; i++) {
        const ch = text[i];
        if (ch !== "\n" && ch !== "\r") continue;
        let line = text.slice(lineStart, i);
        if (partial.length > 0) {
          partial.push(line);
          line = partial.join("");
          partial = [];
        }
        processLine(line, out);
        if (ch === "\r") {
          if (i + 1 === text.length) pendingCR = true;
          else if (text[i + 1] === "\n") i++;
        }
        lineStart = i + 1;
      }
      if (lineStart < text.length) partial.push(text.slice(lineStart));
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
