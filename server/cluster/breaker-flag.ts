// Workers of a clustered server without Redis ask the primary's breaker store before each call.
// Almost always every breaker is closed, and then the answer is known in advance: the primary
// announces each change of "are all breakers closed?" to every worker, which answers routing's
// and acquisition's questions from that flag locally and goes over IPC only while a breaker is
// open or half-open. The flag may lag a change by one message; a call let through in that
// moment is what two gateway processes sharing Redis allow as well.
import type { BreakerStore } from "../resilience/breaker-store";

/** Numbered, so that a worker never replaces a newer announcement with an older answer. */
export interface BreakerFlag {
  seq: number;
  allClosed: boolean;
}

/** The primary's store as the workers call it: a breaker store that also tells its flag. */
export interface FlaggedBreakerStore extends BreakerStore {
  flag(): Promise<BreakerFlag>;
}

export const BREAKER_FLAG_MESSAGE = "ipcBreakerFlag";

type AlwaysKnows = BreakerStore & { allClosed(): boolean };

/** In the primary: `store`, announcing through `broadcast` each change of its flag after a call. */
export function announcingBreakerStore(store: AlwaysKnows, broadcast: (message: { [BREAKER_FLAG_MESSAGE]: BreakerFlag }) => void): FlaggedBreakerStore {
  let current: BreakerFlag = { seq: 0, allClosed: store.allClosed() };
  const announceChange = <T>(value: T): T => {
    const allClosed = store.allClosed();
    if (allClosed !== current.allClosed) {
      current = { seq: current.seq + 1, allClosed };
      broadcast({ [BREAKER_FLAG_MESSAGE]: current });
    }
    return value;
  };
  return {
    read: (keys, now) => store.read(keys, now),
    acquire: (keys, now) => store.acquire(keys, now).then(announceChange),
    record: (keys, success, now) => store.record(keys, success, now).then(announceChange),
    listNotClosed: (limit) => store.listNotClosed(limit),
    flag: async () => current,
  };
}

/**
 * In a worker: the primary's store, with allClosed() answered from the flag. Until the first
 * answer or announcement arrives the flag is unknown, and every question goes to the primary.
 */
export function withAnnouncedFlag(remote: FlaggedBreakerStore, onMessage: (listener: (message: unknown) => void) => void): BreakerStore {
  let known: BreakerFlag = { seq: -1, allClosed: false };
  const learn = (flag: BreakerFlag | undefined) => {
    if (flag && typeof flag.seq === "number" && flag.seq > known.seq) known = { seq: flag.seq, allClosed: flag.allClosed === true };
  };
  onMessage((message) => learn((message as { [BREAKER_FLAG_MESSAGE]?: BreakerFlag } | null)?.[BREAKER_FLAG_MESSAGE]));
  remote.flag().then(learn, () => {});
  return {
    allClosed: () => known.allClosed,
    read: (keys, now) => remote.read(keys, now),
    // A closed breaker lets a call through unchanged (as the in-process store does).
    acquire: (keys, now) => (known.allClosed ? Promise.resolve(true) : remote.acquire(keys, now)),
    record: (keys, success, now) => remote.record(keys, success, now),
    listNotClosed: (limit) => remote.listNotClosed(limit),
  };
}
