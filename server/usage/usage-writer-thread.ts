// Entry point of the usage writer's thread (ThreadedUsageWriter starts it from the bundle
// scripts/build-gateway.ts makes of this file): the same UsageWriter as on the main thread, fed
// with the records the serving thread hands over.
import { parentPort, workerData } from "node:worker_threads";
import { logUsageError, pgUsageSink } from "./pg-usage-sink";
import type { FromUsageThread, ToUsageThread, UsageThreadSettings } from "./threaded-usage-writer";
import { UsageWriter } from "./usage-writer";

const port = parentPort;
if (!port) throw new Error("usage-writer-thread runs as a worker thread");
const settings = workerData as UsageThreadSettings;
const writer = new UsageWriter(pgUsageSink(settings.databaseUrl), { flushIntervalMs: settings.flushIntervalMs, onError: logUsageError });

port.on("message", (message: ToUsageThread) => {
  if ("records" in message) {
    for (const record of message.records) writer.record(record);
    return;
  }
  void writer.close(message.close).then(() => port.postMessage({ closed: true } satisfies FromUsageThread));
});
