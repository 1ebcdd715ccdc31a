// Console lists count their matches up to a cap: beyond it they say "10,000+", so that a wide
// filter over a large table never makes the database count millions of rows for one page.
export const COUNT_CAP = 10_000;

export interface CappedCount {
  count: number;
  capped: boolean;
}

/** `counted` from a count with `take: COUNT_CAP + 1`. */
export function cappedCount(counted: number): CappedCount {
  return counted > COUNT_CAP ? { count: COUNT_CAP, capped: true } : { count: counted, capped: false };
}
