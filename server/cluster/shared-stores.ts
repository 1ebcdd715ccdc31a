// The state a server keeps in its own memory when Redis is not configured: rate-limit windows,
// budget holds, circuit breakers, the response cache and the sign-in back-off counters. A server
// of several worker processes (SWITCHYARD_WORKERS, server/cluster/run-workers.ts) keeps one of
// each in its primary process, and the workers use it over the cluster's IPC channel: limits and
// budgets then hold for the server as a whole, not per worker.
import cluster, { type Worker } from "node:cluster";
import { AggregatorRegistry, type PrometheusContentType } from "prom-client";
import { InProcessBackoffStore, type BackoffStore } from "../auth/backoff-store";
import { InProcessCachedTexts, type CachedTextStore } from "../cache/response-cache";
import { InProcessBudgetStore, type BudgetStore } from "../limits/budget-store";
import { InProcessRateWindowStore, type RateWindowStore } from "../limits/rate-window-store";
import { InProcessBreakerStore, type BreakerStore } from "../resilience/breaker-store";
import { processBreakerConfig } from "../resilience/process-breaker-config";
import { announcingBreakerStore, withAnnouncedFlag, type FlaggedBreakerStore } from "./breaker-flag";
import { batchedSender, hostStores, remoteStore } from "./ipc-stores";

interface SharedStores {
  "rate-windows": RateWindowStore;
  budgets: BudgetStore;
  breakers: BreakerStore & { allClosed(): boolean };
  /** The response cache's texts: workers serialise and parse, the primary only keeps text. */
  "response-cache": CachedTextStore;
  "sign-in-backoff": BackoffStore;
  /** Not a store: the primary sums the workers' Prometheus metrics for the one that is scraped. */
  metrics: Pick<AggregatorRegistry<PrometheusContentType>, "clusterMetrics">;
}

type Name = keyof SharedStores;

const STORES: { [N in Name]: { methods: readonly (keyof SharedStores[N] & string)[]; create(): SharedStores[N] } } = {
  "rate-windows": { methods: ["take", "adjustTokens"], create: () => new InProcessRateWindowStore() },
  budgets: { methods: ["reserve", "initialise", "settle"], create: () => new InProcessBudgetStore() },
  breakers: { methods: ["read", "acquire", "record", "listNotClosed"], create: () => new InProcessBreakerStore(processBreakerConfig()) },
  "response-cache": { methods: ["getText", "setText"], create: () => new InProcessCachedTexts() },
  "sign-in-backoff": { methods: ["admit", "refund", "forget"], create: () => new InProcessBackoffStore() },
  metrics: { methods: ["clusterMetrics"], create: () => new AggregatorRegistry() },
};

const BREAKER_METHODS = [...STORES.breakers.methods, "flag"] as const;

/**
 * A send's callback. `connected` (or `isConnected()`) stays true until this process has handled
 * the channel's close, so a send to a process that was just killed can still fail (EPIPE). Without
 * a callback the failure is an 'error' event that nothing handles, and it ends this process: in
 * the primary, the whole server. The close itself is handled where it is announced (the calls'
 * stand-ins fail their pending calls on 'disconnect'; run-workers replaces a worker on 'exit').
 */
const closedUnderUs = (): void => {};

/**
 * A worker's calls to all of the primary's stores, a turn of the event loop's as one message.
 * Sent only while the channel is open: `process.send` on a closed channel emits an 'error' that
 * would end the worker at once, losing the usage records it holds (its stand-ins have already
 * failed those calls, see `remoteStore`).
 */
const toPrimary = batchedSender((batch) => void (process.connected && process.send!(batch, undefined, undefined, closedUnderUs)));

/** This process's store of that kind, or in a cluster worker its stand-in for the primary's. */
export function sharedInProcessStore<N extends Name>(name: N): SharedStores[N] {
  const { methods, create } = STORES[name];
  if (!cluster.isWorker) return create();
  const onMessage = (listener: (message: unknown) => void) => void process.on("message", listener);
  const channel = { send: toPrimary, onMessage, isOpen: () => process.connected, onClose: (listener: () => void) => void process.once("disconnect", listener) };
  if (name === "breakers") {
    return withAnnouncedFlag(remoteStore<FlaggedBreakerStore>(name, BREAKER_METHODS, channel), onMessage) as SharedStores[N];
  }
  return remoteStore<SharedStores[N]>(name, methods, channel);
}

/** In the primary: creates one store of each kind and answers the workers' calls to them. */
export function hostSharedStores(): void {
  const broadcast = (message: object) => {
    for (const worker of Object.values(cluster.workers ?? {})) if (worker?.isConnected()) worker.send(message, undefined, closedUnderUs);
  };
  // The breakers also announce their flag (see breaker-flag.ts).
  const hosted = (name: Name) =>
    name === "breakers"
      ? { store: announcingBreakerStore(STORES.breakers.create(), broadcast), methods: BREAKER_METHODS }
      : { store: STORES[name].create() as object, methods: STORES[name].methods };
  const stores = Object.fromEntries((Object.keys(STORES) as Name[]).map((name) => [name, hosted(name)]));
  const replies = new WeakMap<Worker, (answer: object) => void>();
  const replyTo = (worker: Worker) => {
    let reply = replies.get(worker);
    if (!reply) {
      reply = batchedSender((batch) => void (worker.isConnected() && worker.send(batch, undefined, closedUnderUs)));
      replies.set(worker, reply);
    }
    return reply;
  };
  hostStores(stores, (listener) => {
    cluster.on("message", (worker, message) => listener(message, replyTo(worker)));
  });
}
