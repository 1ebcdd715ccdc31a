// Workers answer "all breakers closed?" from the primary's announcements: no IPC call while every
// breaker is closed, calls again once one opens, and never an older flag over a newer one.
import { describe, expect, it } from "vitest";
import { InProcessBreakerStore } from "../resilience/breaker-store";
import { DEFAULT_BREAKER_CONFIG } from "../resilience/circuit-breaker";
import { announcingBreakerStore, withAnnouncedFlag, BREAKER_FLAG_MESSAGE, type FlaggedBreakerStore } from "./breaker-flag";
import { hostStores, remoteStore } from "./ipc-stores";

const METHODS = ["read", "acquire", "record", "listNotClosed", "flag"] as const;
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

function cluster() {
  const listeners: ((message: unknown) => void)[] = [];
  const calls: string[] = [];
  let onCall: ((message: unknown, reply: (answer: unknown) => void) => void) | null = null;
  const store = announcingBreakerStore(new InProcessBreakerStore(DEFAULT_BREAKER_CONFIG), (message) =>
    setImmediate(() => listeners.forEach((l) => l(structuredClone(message)))),
  );
  hostStores({ breakers: { store, methods: METHODS } }, (listener) => void (onCall = listener));
  const worker = () => {
    const own: ((message: unknown) => void)[] = [];
    const onMessage = (listener: (message: unknown) => void) => void (own.push(listener), listeners.push(listener));
    const channel = {
      send: (message: unknown) => {
        calls.push((message as { method: string }).method);
        setImmediate(() => onCall?.(structuredClone(message), (answer) => setImmediate(() => own.forEach((l) => l(structuredClone(answer))))));
      },
      onMessage,
      isOpen: () => true,
      onClose: () => {},
    };
    return withAnnouncedFlag(remoteStore<FlaggedBreakerStore>("breakers", METHODS, channel), onMessage);
  };
  return { worker, calls };
}

describe("announced breaker flag", () => {
  it("lets workers skip the primary while all breakers are closed, and ask it once one opens", async () => {
    const { worker, calls } = cluster();
    const [a, b] = [worker(), worker()];
    // Unknown until the primary answers: asked.
    expect(a.allClosed?.()).toBe(false);
    await settle();
    expect(a.allClosed?.()).toBe(true);
    calls.length = 0;
    expect(await a.acquire(["t:model:m", "t:provider:p"], 1_000)).toBe(true);
    expect(calls).toEqual([]);

    for (let i = 0; i < DEFAULT_BREAKER_CONFIG.consecutiveFailures; i++) await b.record(["t:model:m", "t:provider:p"], false, 1_000);
    await settle();
    expect(a.allClosed?.()).toBe(false);
    expect(b.allClosed?.()).toBe(false);
    calls.length = 0;
    expect(await a.acquire(["t:model:m", "t:provider:p"], 1_001)).toBe(false);
    expect(calls).toEqual(["acquire"]);

    // After the cool-down a probe succeeds and closes both: announced again.
    const later = 1_000 + DEFAULT_BREAKER_CONFIG.coolDownMs;
    expect(await b.acquire(["t:model:m", "t:provider:p"], later)).toBe(true);
    await b.record(["t:model:m", "t:provider:p"], true, later);
    await settle();
    expect(a.allClosed?.()).toBe(true);
  });

  it("keeps the newest flag when an older answer arrives after an announcement", () => {
    const listeners: ((message: unknown) => void)[] = [];
    let answerFlag: (flag: { seq: number; allClosed: boolean }) => void = () => {};
    const remote = { flag: () => new Promise((resolve) => (answerFlag = resolve)) } as unknown as FlaggedBreakerStore;
    const store = withAnnouncedFlag(remote, (listener) => void listeners.push(listener));
    listeners.forEach((l) => l({ [BREAKER_FLAG_MESSAGE]: { seq: 3, allClosed: false } }));
    answerFlag({ seq: 2, allClosed: true });
    return Promise.resolve().then(() => expect(store.allClosed?.()).toBe(false));
  });
});
