import http from "node:http";
import { listenOnLoopback, recordRequest } from "./loopback-server";
import type { FakeUpstream, RecordedRequest } from "./start-fake-server";

export type ScriptedResponse = {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  /** Written as text/event-stream. */
  stream?: ReadableStream<Uint8Array>;
};

/** A server whose every answer comes from the test, for pointing official SDKs at gateway output. */
export async function startScriptedServer(
  respond: (req: RecordedRequest) => ScriptedResponse | Promise<ScriptedResponse>,
): Promise<FakeUpstream> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer(async (req, res) => {
    const recorded = await recordRequest(req);
    requests.push(recorded);
    const answer = await respond(recorded);
    const contentType = answer.stream ? "text/event-stream" : "application/json";
    res.writeHead(answer.status ?? 200, { "content-type": contentType, ...answer.headers });
    if (!answer.stream) return void res.end(JSON.stringify(answer.json ?? {}));
    const reader = answer.stream.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) res.write(next.value);
    res.end();
  });
  return listenOnLoopback(server, requests);
}
