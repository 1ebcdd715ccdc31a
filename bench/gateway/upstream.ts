// A minimal OpenAI-compatible upstream for the gateway benchmark: one process, two ports, one
// answering at once and one after a fixed delay. It answers /v1/chat/completions with a fixed
// JSON completion or, when the body asks for `stream: true`, a short SSE stream ending in a
// usage chunk and [DONE]. Nothing is parsed beyond what the answer needs, so that the
// upstream costs as little CPU as possible on a machine it shares with the gateways.
//
// Run: node --import tsx bench/gateway/upstream.ts <port-for-0ms> <port-for-delayed> [delay-ms]
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

const TEXT_PIECES = ["The", " answer", " is", " forty", "-two", ", as", " computed", " by", " the", " bench", "."];
const USAGE = { prompt_tokens: 24, completion_tokens: 11, total_tokens: 35 };

function jsonBody(model: string): string {
  return JSON.stringify({
    id: "chatcmpl-bench",
    object: "chat.completion",
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, message: { role: "assistant", content: TEXT_PIECES.join("") }, finish_reason: "stop" }],
    usage: USAGE,
  });
}

function sseBody(model: string, includeUsage: boolean): string {
  const frame = (data: unknown) => `data: ${JSON.stringify(data)}\n\n`;
  const chunk = (delta: object, finish: string | null = null) =>
    frame({ id: "chatcmpl-bench", object: "chat.completion.chunk", created: 1_700_000_000, model, choices: [{ index: 0, delta, finish_reason: finish }] });
  let out = chunk({ role: "assistant", content: "" });
  for (const piece of TEXT_PIECES) out += chunk({ content: piece });
  out += chunk({}, "stop");
  if (includeUsage) out += frame({ id: "chatcmpl-bench", object: "chat.completion.chunk", created: 1_700_000_000, model, choices: [], usage: USAGE });
  return out + "data: [DONE]\n\n";
}

// The answers depend only on (model, stream, include_usage); memoised per combination.
const answers = new Map<string, string>();
function answerFor(model: string, stream: boolean, includeUsage: boolean): string {
  const key = `${model}|${stream}|${includeUsage}`;
  let body = answers.get(key);
  if (body === undefined) {
    body = stream ? sseBody(model, includeUsage) : jsonBody(model);
    answers.set(key, body);
  }
  return body;
}

function handler(delayMs: number) {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === "GET" && req.url === "/healthz") return void res.end("ok");
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      res.writeHead(404, { "content-type": "application/json" });
      return void res.end('{"error":{"message":"not found","type":"invalid_request_error"}}');
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      let body: { model?: string; stream?: boolean; stream_options?: { include_usage?: boolean } } = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        res.writeHead(400, { "content-type": "application/json" });
        return void res.end('{"error":{"message":"invalid JSON","type":"invalid_request_error"}}');
      }
      const stream = body.stream === true;
      const payload = answerFor(body.model ?? "gpt-bench", stream, body.stream_options?.include_usage === true);
      // A stream goes out chunked like a real provider's (no content-length), in one write.
      const send = () => {
        if (stream) res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
        else res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(payload) });
        res.end(payload);
      };
      if (delayMs > 0) setTimeout(send, delayMs);
      else send();
    });
  };
}

export function startUpstream(port: number, delayMs: number): Promise<void> {
  const server = createServer(handler(delayMs));
  server.keepAliveTimeout = 120_000;
  return new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
}

if (process.argv[1]?.endsWith("upstream.ts")) {
  const [fastPort, slowPort, delay] = process.argv.slice(2).map(Number);
  if (!fastPort || !slowPort) {
    console.error("usage: upstream.ts <port-0ms> <port-delayed> [delay-ms]");
    process.exit(2);
  }
  void Promise.all([startUpstream(fastPort, 0), startUpstream(slowPort, delay || 50)]).then(() =>
    console.log(`upstream ready on ${fastPort} (0 ms) and ${slowPort} (${delay || 50} ms)`),
  );
}
