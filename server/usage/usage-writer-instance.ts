// The process's usage writer, flushed on graceful shutdown (see instrumentation.ts and the
// lean gateway entry point).
import { getDb } from "../db/client";
import { env } from "../env";
import { UsageWriter } from "./usage-writer";

const holder = globalThis as unknown as { __switchyardUsageWriter?: UsageWriter };

export function getUsageWriter(): UsageWriter {
  holder.__switchyardUsageWriter ??= new UsageWriter(getDb(), {
    flushIntervalMs: env.SWITCHYARD_USAGE_FLUSH_MS,
    onError: (error) => console.error(`[usage] write failed, will retry: ${error instanceof Error ? error.message.split("\n")[0] : error}`),
  });
  return holder.__switchyardUsageWriter;
}

/** Writes what is buffered before the process exits. */
export async function flushUsageOnShutdown(): Promise<void> {
  await holder.__switchyardUsageWriter?.close(15_000);
}
