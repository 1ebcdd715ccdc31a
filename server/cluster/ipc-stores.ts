// Stores kept by one process and used by others over an IPC channel: the primary of a server
// that runs several worker processes without Redis holds the one in-process store of each kind,
// and each worker's stand-in forwards every call to it, so that all workers count on the same
// windows, holds and breakers, as the threads of one process would. One round trip per call.
import { randomUUID } from "node:crypto";

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
  const pending = new Map<string, { resolve(value: unknown): void; reject(error: Error): void; timer: NodeJS.Timeout }>();
  channel.onMessage((message) => {
    const reply = message as Partial<Reply> | null;
    const call = typeof reply?.ipcStoreReply === "string" ? pending.get(reply.ipcStoreReply) : undefined;
    if (!call || !reply) return;
    pending.delete(reply.ipcStoreReply!);
    clearTimeout(call.timer);
    if (reply.error !== undefined) call.reject(new Error(`${name} store: ${reply.error}`));
    else call.resolve(reply.value);
  });
  const stub: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of methods) {
    stub[method] = (...args) =>
      new Promise((resolve, reject) => {
        const callId = `${token}:${next++}`;
        const timer = setTimeout(() => {
          pending.delete(callId);
          reject(new Error(`${name} store: no answer within ${timeoutMs} ms`));
        }, timeoutMs);
        timer.unref();
        pending.set(callId, { resolve, reject, timer });
        channel.send({ ipcStore: name, callId, method, args });
      });
  }
  return stub as T;
}

/** Answers the calls from `source` with `stores`, allowing only the methods each one lists. */
export function hostStores(stores: Record<string, { store: object; methods: readonly string[] }>, source: CallSource): void {
  source((message, reply) => {
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
  });
}
