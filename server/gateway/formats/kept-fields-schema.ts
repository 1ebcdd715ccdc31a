// Body fields the gateway keeps or matches tenant rules against, shared by every caller
// format: the model (stored in the request log), the end-user id and the metadata (matched by
// custom-category rules). Each refuses what PostgreSQL cannot store (a NUL byte or a lone
// surrogate) with a 400 naming the field, and is capped at the size the providers' APIs accept.
import { z } from "zod";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "../../db/storable-text";

const keptText = (max: number) => z.string().max(max, `at most ${max} characters`).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);

/** Catalog ids, provider model ids and `policy/<name>` are all far shorter. */
export const modelField = keptText(256).min(1);

export const endUserField = keptText(512);

/** OpenAI's documented limits: 16 pairs, keys up to 64 characters, values up to 512 (custom categories match within them). */
export const METADATA_LIMITS = { pairs: 16, keyChars: 64, valueChars: 512 } as const;
export const metadataField = z
  .record(keptText(METADATA_LIMITS.keyChars), keptText(METADATA_LIMITS.valueChars))
  .refine((metadata) => Object.keys(metadata).length <= METADATA_LIMITS.pairs, `at most ${METADATA_LIMITS.pairs} key-value pairs`);
