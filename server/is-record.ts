/** A JSON object (not null, not an array): what stored JSON and parsed bodies are checked with before their fields are read. */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
