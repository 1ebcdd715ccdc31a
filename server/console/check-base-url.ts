import { checkUpstreamBaseUrl } from "../providers/check-upstream-base-url";
import { invalid } from "./console-error";

/**
 * Base URLs (custom models, provider credentials) come from tenants and are checked before
 * they are stored: well-formed, and not reaching a non-public address (server-side request forgery).
 */
export async function checkBaseUrl(raw: string | null): Promise<string | null> {
  if (raw === null || raw === "") return null;
  const check = await checkUpstreamBaseUrl(raw);
  if (!check.ok) throw invalid(`Base URL: ${check.reason}`);
  return check.url;
}
