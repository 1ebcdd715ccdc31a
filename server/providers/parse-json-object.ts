import { isRecord } from "../is-record";

/** Tool arguments and results arrive as strings that should, but may not, hold a JSON object. */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (isRecord(parsed)) return parsed;
  } catch {
    // fall through: the caller decides what a non-object means for its provider
  }
  return undefined;
}
