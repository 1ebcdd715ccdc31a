// Counts in words: "1 key", "2 keys", "1,250 requests". English plurals that are not the
// singular plus "s" (policy, policies) are passed in.
import type { CappedCount } from "@/server/console/lists/capped-count";

export function pluralise(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? singular : plural}`;
}

/**
 * A count that stopped at a cap: "10,000+ entries" when capped, else as `pluralise` says it.
 * One wording for every list that counts this way.
 */
export function pluraliseCapped({ count, capped }: CappedCount, singular: string, plural = `${singular}s`): string {
  return capped ? `${count.toLocaleString("en-US")}+ ${plural}` : pluralise(count, singular, plural);
}
