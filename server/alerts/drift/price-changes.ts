/**
 * Catalog price changes, without I/O: the tenant's effective input and output prices now against
 * the prices the alerts job saw last (a snapshot kept on the tenant: each model's price and since
 * when the job has seen it), and the snapshot to keep. A model seen for the first time only enters
 * the snapshot: there is nothing to compare with.
 */
import { z } from "zod";

/** USD per 1M tokens; null = unknown (never free). */
export interface ModelPrice {
  inputPerMTok: number | null;
  outputPerMTok: number | null;
}

const priceSchema = z.object({ inputPerMTok: z.number().nullable(), outputPerMTok: z.number().nullable() });
const snapshotSchema = z.record(z.string(), priceSchema.extend({ seenAt: z.string() }));
export type PriceSnapshot = z.infer<typeof snapshotSchema>;

/** The stored snapshot; anything unreadable counts as empty (prices are then only recorded, not compared). */
export function readPriceSnapshot(stored: unknown): PriceSnapshot {
  const parsed = snapshotSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : {};
}

export interface PriceChange {
  model: string;
  from: ModelPrice;
  to: ModelPrice;
  /** Percent change of each price; null when either side is unknown. */
  inputChangePercent: number | null;
  outputChangePercent: number | null;
  /** Since when the previous price had been seen (ISO). */
  previousSince: string;
}

const changePercent = (from: number | null, to: number | null) => (from === null || to === null || from === 0 ? null : (to / from - 1) * 100);

/** A change counts when a price became known or unknown, or moved by at least `minPercent`. */
function priceMoved(from: number | null, to: number | null, minPercent: number): boolean {
  if (from === to) return false;
  if (from === null || to === null || from === 0) return true;
  return Math.abs(changePercent(from, to)!) >= minPercent;
}

/**
 * The changes, and the snapshot to keep (`changed` says whether it differs from the stored one).
 * A price that moved less than `minPercent` stays in the snapshot as it was, so creeping changes
 * still add up to an alert.
 */
export function comparePrices(current: ReadonlyMap<string, ModelPrice>, snapshot: PriceSnapshot, minPercent: number, now: Date): { changes: PriceChange[]; snapshot: PriceSnapshot; changed: boolean } {
  const next: PriceSnapshot = { ...snapshot };
  const changes: PriceChange[] = [];
  for (const [model, to] of current) {
    const before = snapshot[model];
    if (before && !priceMoved(before.inputPerMTok, to.inputPerMTok, minPercent) && !priceMoved(before.outputPerMTok, to.outputPerMTok, minPercent)) continue;
    next[model] = { ...to, seenAt: now.toISOString() };
    if (!before) continue;
    const from = { inputPerMTok: before.inputPerMTok, outputPerMTok: before.outputPerMTok };
    changes.push({
      model, from, to,
      inputChangePercent: changePercent(from.inputPerMTok, to.inputPerMTok),
      outputChangePercent: changePercent(from.outputPerMTok, to.outputPerMTok),
      previousSince: before.seenAt,
    });
  }
  return { changes, snapshot: next, changed: changes.length > 0 || Object.keys(next).length !== Object.keys(snapshot).length };
}
