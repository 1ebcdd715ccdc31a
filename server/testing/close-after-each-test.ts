import { afterEach } from "vitest";
import type { FakeUpstream } from "./fake-upstreams";

/**
 * Wraps a fake upstream's start function so that whatever a test starts is closed after it,
 * pass or fail, without each test file keeping track of its servers.
 */
export function closeAfterEachTest<Args extends unknown[]>(start: (...args: Args) => Promise<FakeUpstream>) {
  const started: FakeUpstream[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((upstream) => upstream.close()));
  });
  return async (...args: Args): Promise<FakeUpstream> => {
    const upstream = await start(...args);
    started.push(upstream);
    return upstream;
  };
}
