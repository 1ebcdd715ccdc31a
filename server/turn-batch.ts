// Items handed over during one turn of the event loop, passed on together at its end. Whatever
// is handed on per item (an IPC message, a thread message, a serialisation pass) costs once per
// turn instead: under load a turn carries the work of many requests, and a request's response
// has already left when its turn ends.

export class TurnBatch<T> {
  private items: T[] = [];
  private scheduled = false;

  constructor(private readonly deliver: (items: T[]) => void) {}

  /** Items waiting for the end of the turn. */
  get size(): number {
    return this.items.length;
  }

  add(item: T): void {
    this.items.push(item);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.endOfTurn);
  }

  /** Passes on what waits now, without waiting for the end of the turn (a flush, a shutdown). */
  flush(): void {
    if (this.items.length === 0) return;
    const items = this.items;
    this.items = [];
    this.deliver(items);
  }

  private readonly endOfTurn = (): void => {
    this.scheduled = false;
    this.flush();
  };
}
