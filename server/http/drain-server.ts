// The graceful end of a server that answers callers: it stops accepting connections, lets the
// requests in progress finish (each records its usage as it ends), and closes keep-alive
// connections as they fall idle. Waiting for `server.close()`'s callback instead would wait for
// every idle keep-alive connection's timeout (65 s), and exiting at once would cut the requests
// in progress off, unanswered and unrecorded.
import type { Server } from "node:http";

/** Requests still running at the grace period's end are cut off, and get this long to record it (a 499). */
const CUT_OFF_SETTLE_MS = 1_000;
const POLL_MS = 25;

/** Counts `server`'s requests in progress, and returns how to drain it (resolves once drained). */
export function drainableServer(server: Server): (graceMs: number) => Promise<void> {
  let inFlight = 0;
  server.on("request", (_req, res) => {
    inFlight++;
    // 'close' comes once per response: sent in full, or its connection gone.
    res.once("close", () => inFlight--);
  });
  return (graceMs) =>
    new Promise((resolve) => {
      server.close();
      const start = Date.now();
      let cutOff = false;
      const timer = setInterval(check, POLL_MS);
      check();
      function check() {
        // A connection whose answer was just sent is idle now: closed, so that the client's next
        // request opens a connection to a server that still accepts.
        server.closeIdleConnections();
        const elapsed = Date.now() - start;
        if (!cutOff && inFlight > 0 && elapsed >= graceMs) {
          cutOff = true;
          server.closeAllConnections();
        }
        if (inFlight === 0 || elapsed >= graceMs + CUT_OFF_SETTLE_MS) {
          clearInterval(timer);
          resolve();
        }
      }
    });
}
