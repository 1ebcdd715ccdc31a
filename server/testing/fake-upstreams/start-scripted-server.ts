import http from "node:http";
import type { AddressInfo } from "node:net";
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
    let text = "";
    for await (const chunk of req) text += chunk;
    const recorded: RecordedRequest = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: text ? JSON.parse(text) : undefined };
    requests.push(recorded);
    const answer = await respond(recorded);
    const contentType = answer.stream ? "text/event-stream" : "application/json";
    res.writeHead(answer.status ?? 200, { "content-type": contentType, ...answer.headers });
    if (!answer.stream) return void res.end(JSON.stringify(answer.json ?? {}));
    const reader = answer.stream.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) res.write(next.value);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
