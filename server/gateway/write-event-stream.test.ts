import { createServer, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { writeEventStream } from "./write-event-stream";

const CHUNK = `data: ${"x".repeat(64 * 1024)}\n\n`;
const CHUNKS = 1_000;

let server: Server | null = null;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = null;
});

/** A server whose one response is CHUNKS pieces of 64 KiB, each read as an upstream read would come (on a later turn). */
async function streamingServer(): Promise<{ port: number; reads: () => number; ended: Promise<void> }> {
  let reads = 0;
  let end!: () => void;
  const ended = new Promise<void>((resolve) => (end = resolve));
  server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream" });
    const stream = {
      read: async () => {
        await new Promise((resolve) => setImmediate(resolve));
        return reads < CHUNKS ? (reads++, CHUNK) : null;
      },
      cancel: async () => {},
    };
    void writeEventStream(stream, res).then(end);
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, reads: () => reads, ended };
}

describe("writeEventStream", () => {
  it("reads no further ahead of a caller that stopped reading than the socket's buffers, and sends everything once it reads again", async () => {
    const { port, reads, ended } = await streamingServer();
    const socket = connect(port, "127.0.0.1");
    let received = 0;
    socket.on("data", (chunk: Buffer) => (received += chunk.length));
    socket.pause();
    socket.write("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // 64 MiB in all: without the wait every piece would be read (and held) by now.
    expect(reads()).toBeLessThan(CHUNKS / 4);
    socket.resume();
    await ended;
    await new Promise((resolve) => socket.on("close", resolve));
    expect(reads()).toBe(CHUNKS);
    expect(received).toBeGreaterThan(CHUNKS * CHUNK.length);
  });
});
