// Stores used over IPC: two workers' stand-ins on one primary's store count together, errors and
// unknown calls come back as rejections, and a primary that does not answer (or is gone) fails the call.
// The channel here is in memory, with structured clones both ways, as node:cluster's
// "advanced" serialisation sends them.
import { describe, expect, it } from "vitest";
import { InProcessRateWindowStore, type RateWindowStore } from "../limits/rate-window-store";
import { batchedSender, hostStores, remoteStore, unbatched, type WorkerChannel } from "./ipc-stores";

type Listener = (message: unknown) => void;

/**
 * A primary hosting `stores`, and a way to connect workers to it; `batched` sends each side's
 * messages of one turn as one, as the cluster's channel does. `sent` and `answers` record what
 * crossed the channel each way.
 */
function primary(stores: Parameters<typeof hostStores>[0], batched = false) {
  let onCall: ((message: unknown, reply: (answer: unknown) => void) => void) | null = null;
  hostStores(stores, (listener) => {
    onCall = listener;
  });
  const sent: unknown[] = [];
  const answers: unknown[] = [];
  return {
    sent,
    answers,
    worker(): WorkerChannel {
      const listeners: Listener[] = [];
      const toWorker = (answer: unknown) => {
        answers.push(answer);
        setImmediate(() => listeners.forEach((l) => l(structuredClone(answer))));
      };
      const reply = batched ? batchedSender(toWorker) : toWorker;
      const toPrimary = (message: unknown) => {
        sent.push(message);
        setImmediate(() => onCall?.(structuredClone(message), reply));
      };
      return {
        send: batched ? batchedSender(toPrimary) : toPrimary,
        onMessage: (listener) => void listeners.push(listener),
        isOpen: () => true,
        onClose: () => {},
      };
    },
  };
}

const METHODS = ["take", "adjustTokens"] as const;
const THREE_A_WINDOW = { requests: 3, tokens: null };

describe("remoteStore and hostStores", () => {
  it("has every worker count on the primary's one store", async () => {
    const server = primary({ "rate-windows": { store: new InProcessRateWindowStore(), methods: METHODS } });
    const a = remoteStore<RateWindowStore>("rate-windows", METHODS, server.worker());
    const b = remoteStore<RateWindowStore>("rate-windows", METHODS, server.worker());
    const taken = await Promise.all([a, b, a, b, a, b].map((store) => store.take("key-1", 7, { requests: 1, tokens: 0 }, THREE_A_WINDOW)));
    expect(taken.filter(Boolean)).toHaveLength(3);
    // Another key, another window: counted apart.
    expect(await b.take("key-2", 7, { requests: 1, tokens: 0 }, THREE_A_WINDOW)).toBe(true);
  });

  it("answers a failing call, an unknown store and a method not listed with a rejection naming the store", async () => {
    const failing = { take: () => Promise.reject(new Error("out of order")) };
    const server = primary({ failing: { store: failing, methods: ["take"] }, "rate-windows": { store: new InProcessRateWindowStore(), methods: ["take"] } });
    await expect(remoteStore<{ take(): Promise<void> }>("failing", ["take"], server.worker()).take()).rejects.toThrow("failing store: out of order");
    await expect(remoteStore<{ take(): Promise<void> }>("missing", ["take"], server.worker()).take()).rejects.toThrow("no such call missing.take");
    // The stand-in lists a method the primary does not allow: refused, not run.
    const overreaching = remoteStore<RateWindowStore>("rate-windows", METHODS, server.worker());
    await expect(overreaching.adjustTokens("key-1", 7, 5)).rejects.toThrow("no such call rate-windows.adjustTokens");
  });

  it("sends the calls of one turn as one message, and takes batched answers", async () => {
    const server = primary({ "rate-windows": { store: new InProcessRateWindowStore(), methods: METHODS } }, true);
    const store = remoteStore<RateWindowStore>("rate-windows", METHODS, server.worker());
    const taken = await Promise.all(Array.from({ length: 5 }, () => store.take("key-1", 7, { requests: 1, tokens: 0 }, THREE_A_WINDOW)));
    expect(taken).toEqual([true, true, true, false, false]);
    expect(server.sent).toHaveLength(1);
    expect(unbatched(server.sent[0])).toHaveLength(5);
    expect(server.answers).toHaveLength(1);
    expect(unbatched(server.answers[0])).toHaveLength(5);
    // A message that is not a batch is itself.
    expect(unbatched({ ipcBreakerFlag: 1 })).toEqual([{ ipcBreakerFlag: 1 }]);
  });

  it("fails a call the primary does not answer in time", async () => {
    const silent: WorkerChannel = { send: () => {}, onMessage: () => {}, isOpen: () => true, onClose: () => {} };
    await expect(remoteStore<RateWindowStore>("rate-windows", METHODS, silent, 50).take("k", 1, { requests: 1, tokens: 0 }, THREE_A_WINDOW)).rejects.toThrow("no answer within 50 ms");
  });

  it("fails the calls waiting when the channel closes, and later ones without sending them", async () => {
    let open = true;
    const closeListeners: (() => void)[] = [];
    const sent: unknown[] = [];
    const closing: WorkerChannel = { send: (m) => void sent.push(m), onMessage: () => {}, isOpen: () => open, onClose: (l) => void closeListeners.push(l) };
    // A long deadline: the rejection must come from the close, not from the sweep.
    const store = remoteStore<RateWindowStore>("rate-windows", METHODS, closing, 60_000);
    const waiting = store.take("k", 1, { requests: 1, tokens: 0 }, THREE_A_WINDOW);
    open = false;
    closeListeners.forEach((l) => l());
    await expect(waiting).rejects.toThrow("rate-windows store: the primary process is gone");
    await expect(store.adjustTokens("k", 1, 5)).rejects.toThrow("the primary process is gone");
    expect(sent).toHaveLength(1);
  });
});
