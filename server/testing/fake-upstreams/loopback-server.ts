// Plumbing shared by the fake and the scripted upstreams: what they record of each request,
// and how they listen and shut down.
import type http from "node:http";
import type { AddressInfo } from "node:net";
import type { FakeUpstream, RecordedRequest } from "./start-fake-server";

/** The whole body of a request to a test server, as text. */
export function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (data += chunk));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

export async function recordRequest(req: http.IncomingMessage): Promise<RecordedRequest> {
  const text = await readBody(req);
  return { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: text ? JSON.parse(text) : undefined };
}

/** Listens on a free loopback port; close() also drops open connections, so a hanging request cannot keep a test waiting. */
export async function listenOnLoopback(server: http.Server, requests: RecordedRequest[]): Promise<FakeUpstream> {
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
