import { validateBaseUrl } from "../../providers/registry";
import { invalid } from "../console-error";

/** Custom base URLs come from tenants and are validated before they are stored. */
export function checkModelBaseUrl(raw: string | null): string | null {
  if (raw === null || raw === "") return null;
  const check = validateBaseUrl(raw);
  if (!check.ok) throw invalid(`Base URL: ${check.reason}`);
  return check.url;
}
