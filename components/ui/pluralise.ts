// Counts in words: "1 key", "2 keys", "1,250 requests". English plurals that are not the
// singular plus "s" (policy, policies) are passed in.
export function pluralise(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? singular : plural}`;
}
