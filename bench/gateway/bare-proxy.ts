// The floor of any Node.js gateway in this benchmark: a pass-through proxy that does nothing
// but the two HTTP exchanges (caller and upstream) with node:http and a keep-alive agent. It
// reads the caller's body, sends it to the upstream named by the `x-upstream` header, and
// streams the answer back chunk by chunk. No key, no routing, no limits, no usage, no format
// conversion: what it adds over calling the upstream directly is what Node's HTTP machinery,
// the kernel's loopback sockets and the process wake-ups cost on this machine.
//
// Run: node --import tsx bench/gateway/bare-proxy.ts <port>
import { Agent, createServer, request } from "node:http";

const agent = new Agent({ keepAlive: true, maxFreeSockets: 256, scheduling: "lifo" });

export function startBareProxy(port: number): Promise<void> {
  const server = createServer((req, res) => {
    if (req.url === "/healthz") return void res.end("ok");
    const upstream = new URL(String(req.headers["x-upstream"]));
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const out = request(
        {
          agent,
          hostname: upstream.hostname,
          port: upstream.port,
          path: upstream.pathname,
          method: req.method,
          headers: { "content-type": "application/json", "content-length": body.length, authorization: req.headers.authorization ?? "" },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, { "content-type": answer.headers["content-type"] ?? "application/json" });
          answer.pipe(res);
        },
      );
      out.on("error", () => res.writeHead(502).end());
      out.end(body);
    });
  });
  server.keepAliveTimeout = 120_000;
  return new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
}

if (process.argv[1]?.endsWith("bare-proxy.ts")) {
  const port = Number(process.argv[2]);
  if (!port) {
    console.error("usage: bare-proxy.ts <port>");
    process.exit(2);
  }
  void startBareProxy(port).then(() => console.log(`bare proxy on ${port}`));
}
