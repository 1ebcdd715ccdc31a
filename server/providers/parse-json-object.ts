/** Tool arguments and results arrive as strings that should, but may not, hold a JSON object. */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // fall through: the caller decides what a non-object means for its provider
  }
  return undefined;
}
