// A setting read from text (the environment): its parsed value, or why the text was refused.
// One shape for every such parser, so server/env.ts turns any of them into a schema field the
// same way and a bad value stops the start with the parser's own reason.
import { z } from "zod";

export type ParsedSetting<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A string setting (empty by default) parsed by `parse`; a refusal becomes a schema issue. */
export function settingParsedBy<T>(parse: (raw: string) => ParsedSetting<T>) {
  return z
    .string()
    .default("")
    .transform((raw, ctx) => {
      const parsed = parse(raw);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: "custom", message: parsed.reason });
      return z.NEVER;
    });
}
