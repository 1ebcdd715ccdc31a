// A loopback TCP proxy in front of PostgreSQL that counts the statements its clients send, read
// from the wire protocol: one per simple Query ('Q') and one per Bind ('B') of the extended
// protocol (each parameterised statement binds once). Tests use it to show that a path makes no
// database round trip at all.
import net from "node:net";

export interface QueryCountingProxy {
  port: number;
  /** Statements sent through the proxy so far. */
  statements(): number;
  close(): Promise<void>;
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

/** Counts the frontend messages of one connection as its bytes arrive (messages may span chunks). */
function frontendCounter(count: () => void): (chunk: Buffer) => void {
  let pending: Buffer = Buffer.alloc(0);
  let startup = true;
  return (chunk) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    for (;;) {
      if (startup) {
        // Untyped: length (including itself), then a code; SSL and GSS requests precede the real start-up.
        if (pending.length < 8) return;
        const len = pending.readInt32BE(0);
        if (pending.length < len) return;
        const code = pending.readInt32BE(4);
        pending = pending.subarray(len);
        if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) startup = false;
        continue;
      }
      if (pending.length < 5) return;
      const len = pending.readInt32BE(1);
      if (pending.length < 1 + len) return;
      const type = String.fromCharCode(pending[0]!);
      if (type === "Q" || type === "B") count();
      pending = pending.subarray(1 + len);
    }
  };
}

export async function startQueryCountingProxy(targetHost: string, targetPort: number): Promise<QueryCountingProxy> {
  let statements = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, targetHost);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => s.destroy());
    }
    const counter = frontendCounter(() => statements++);
    client.on("data", (chunk: Buffer) => {
      counter(chunk);
      upstream.write(chunk);
    });
    upstream.pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    statements: () => statements,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
