// The save-time check of a tenant's base URL (console: provider credentials, custom models),
// which names the problem; guard-upstream-address.ts checks every connection again.
import dns from "node:dns";
import { isIP } from "node:net";
import { env } from "../env";
import { DESCRIPTIONS, ONLY_PUBLIC } from "./guard-upstream-address";
import { validateBaseUrl, type BaseUrlCheck } from "./registry";
import { normaliseHost, refusedAddressClass, type UpstreamAllowList } from "./upstream-allow-list";

type ResolveAll = (host: string) => Promise<string[]>;

const resolveAll: ResolveAll = async (host) => (await dns.promises.lookup(host, { all: true })).map((a) => a.address);

/**
 * The save-time check of a tenant's base URL: well-formed (validateBaseUrl), and its host
 * neither a non-public address nor a name resolving to one. A name that does not resolve now
 * is accepted: the connect-time guard still checks whatever it resolves to later.
 */
export async function checkUpstreamBaseUrl(
  raw: string,
  list: UpstreamAllowList = env.SWITCHYARD_ALLOWED_UPSTREAM_HOSTS,
  resolve: ResolveAll = resolveAll,
): Promise<BaseUrlCheck> {
  const check = validateBaseUrl(raw);
  if (!check.ok) return check;
  const host = normaliseHost(new URL(check.url).hostname);
  if (isIP(host)) {
    const refusal = refusedAddressClass(list, host, host);
    return refusal ? { ok: false, reason: `${host} is ${DESCRIPTIONS[refusal]}; ${ONLY_PUBLIC}` } : check;
  }
  const addresses = await resolve(host).catch(() => []);
  for (const address of addresses) {
    const refusal = refusedAddressClass(list, host, address);
    if (refusal) return { ok: false, reason: `${host} resolves to ${address}, ${DESCRIPTIONS[refusal]}; ${ONLY_PUBLIC}` };
  }
  return check;
}
