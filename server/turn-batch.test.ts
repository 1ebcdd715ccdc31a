import { describe, expect, it } from "vitest";
import { TurnBatch } from "./turn-batch";

const endOfTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("TurnBatch", () => {
  it("passes on the items of one turn together, once the turn is over", async () => {
    const delivered: number[][] = [];
    const batch = new TurnBatch<number>((items) => delivered.push(items));
    batch.add(1);
    batch.add(2);
    expect(delivered).toEqual([]);
    expect(batch.size).toBe(2);
    await endOfTurn();
    batch.add(3);
    await endOfTurn();
    expect(delivered).toEqual([[1, 2], [3]]);
    expect(batch.size).toBe(0);
  });

  it("flushes at once when asked, and delivers nothing twice or empty at the end of the turn", async () => {
    const delivered: number[][] = [];
    const batch = new TurnBatch<number>((items) => delivered.push(items));
    batch.add(1);
    batch.flush();
    expect(delivered).toEqual([[1]]);
    await endOfTurn();
    expect(delivered).toEqual([[1]]);
    // Added after a flush but in the same turn: the end of that turn still delivers it.
    batch.add(2);
    batch.flush();
    batch.add(3);
    await endOfTurn();
    await endOfTurn();
    expect(delivered).toEqual([[1], [2], [3]]);
  });
});
