// Stores kept by one process and used by others over an IPC channel: the primary of a server
// that runs several worker processes without Redis holds the one in-process store of each kind,
// and each worker's stand-in forwards every call to it, so that all workers count on the same
// windows, holds and breakers, as the threads of one process would. One round trip per call; the
// calls (and answers) of one turn of the event loop travel as one message (`batchedSender`).
import { randomUUID } from "node:crypto";
import { TurnBatch } from "../turn-batch";

interface Call {
  ipcStore: string;
  /** Which stand-in and which of its calls: replies go to every listener of the worker. */
  callId: string;
  method: string;
  args: unknown[];
}

interface Reply {
  ipcStoreReply: string;
  value?: unknown;
  error?: string;
}

/** A worker's side of the channel. */
export interface WorkerChannel {
  send(message: Call): void;
  onMessage(listener: (message: unknown) => void): void;
  /** False once the channel closed (the primary is gone): nothing sent arrives any more. */
  isOpen(): boolean;
  onClose(listener: () => void): void;
}

/** The primary's side: every worker's calls, each with a way to answer the worker that sent it. */
export type CallSource = (listener: (message: unknown, reply: (answer: Reply) => void) => void) => void;

/** A call the primary does not answer in time fails, as a Redis command does when Redis is away. */
export const CALL_TIMEOUT_MS = 5_000;

type Methods<T> = readonly (keyof T & string)[];

/** A stand-in for the store `name` of the process at the other end of `channel`. */
export function remoteStore<T>(name: string, methods: Methods<T>, channel: WorkerChannel, timeoutMs = CALL_TIMEOUT_MS): T {
  const token = randomUUID();
  let next = 0;
  // Map order is sending order, so the calls past their deadline are at its front. One sweep
  // for all of them instead of a timer per call: a request makes several calls.
  const pending = new Map<string, { resolve(value: unknown): void; reject(error: Error): void; deadline: number }>();
  let sweeper: NodeJS.Timeout | null = null;
  const sweep = () => {
    const now = Date.now();
    for (const [callId, call] of pending) {
      if (call.deadline > now) break;
      pending.delete(callId);
      call.reject(new Error(`${name} store: no answer within ${timeoutMs} ms`));
    }
    if (pending.size === 0 && sweeper) {
      clearInterval(sweeper);
      sweeper = null;
    }
  };
  // A closed channel never answers: the calls waiting fail at once rather than at their deadline,
  // so that a worker whose primary is gone finishes its requests (and records them) promptly.
  const gone = () => new Error(`${name} store: the primary process is gone`);
  channel.onClose(() => {
    for (const [callId, call] of pending) {
      pending.delete(callId);
      call.reject(gone());
    }
  });
  channel.onMessage((message) => {
    for (const one of unbatched(message)) {
      const reply = one as Partial<Reply> | null;
      const call = typeof reply?.ipcStoreReply === "string" ? pending.get(reply.ipcStoreReply) : undefined;
      if (!call || !reply) continue;
      pending.delete(reply.ipcStoreReply!);
      if (reply.error !== undefined) call.reject(new Error(`${name} store: ${reply.error}`));
      else call.resolve(reply.value);
    }
  });
  const stub: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of methods) {
    stub[method] = (...args) =>
      new Promise((resolve, reject) => {
        if (!channel.isOpen()) {
          reject(gone());
          return;
        }
        const callId = `${token}:${next++}`;
        pending.set(callId, { resolve, reject, deadline: Date.now() + timeoutMs });
        if (!sweeper) {
          sweeper = setInterval(sweep, Math.max(1, Math.min(timeoutMs / 4, 1_000)));
          sweeper.unref();
        }
        channel.send({ ipcStore: name, callId, method, args });
      });
  }
  return stub as T;
}

/**
 * A sender that puts the messages of one turn of the event loop into one `{ ipcBatch: [...] }`:
 * each IPC message costs a write, a wake-up and a parse at the other end, and under load a turn
 * carries the calls of many requests.
 */
export function batchedSender<M>(send: (batch: { ipcBatch: M[] }) => void): (message: M) => void {
  const batch = new TurnBatch<M>((messages) => send({ ipcBatch: messages }));
  return (message) => batch.add(message);
}

/** The messages in `message`: a batch's, or the message itself. */
export function unbatched(message: unknown): readonly unknown[] {
  const batch = (message as { ipcBatch?: unknown } | null)?.ipcBatch;
  return Array.isArray(batch) ? batch : [message];
}

/** Answers the calls from `source` with `stores`, allowing only the methods each one lists. */
export function hostStores(stores: Record<string, { store: object; methods: readonly string[] }>, source: CallSource): void {
  source((message, reply) => {
    for (const one of unbatched(message)) answer(one, reply);
  });
  function answer(message: unknown, reply: (answer: Reply) => void): void {
    const call = message as Partial<Call> | null;
    if (typeof call?.ipcStore !== "string" || typeof call.callId !== "string") return;
    const callId = call.callId;
    const hosted = Object.hasOwn(stores, call.ipcStore) ? stores[call.ipcStore] : undefined;
    if (!hosted || typeof call.method !== "string" || !hosted.methods.includes(call.method) || !Array.isArray(call.args)) {
      reply({ ipcStoreReply: callId, error: `no such call ${call.ipcStore}.${String(call.method)}` });
      return;
    }
    const method = (hosted.store as Record<string, (...args: unknown[]) => Promise<unknown>>)[call.method]!;
    method.apply(hosted.store, call.args).then(
      (value) => reply({ ipcStoreReply: callId, value }),
      (error: unknown) => reply({ ipcStoreReply: callId, error: error instanceof Error ? error.message : "failed" }),
    );
  }
}
