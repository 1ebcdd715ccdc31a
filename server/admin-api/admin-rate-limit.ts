// Each admin key may make a bounded number of calls a minute: its own requests-per-minute limit
// when it has one, else the default. Counted in the gateway limiter's per-minute windows, under
// keys of their own, so that all servers of a deployment share the count through Redis.
import { ConsoleError } from "../console/console-error";
import type { GatewayKey } from "../gateway/config-cache";
import { WINDOW_MS, type RateWindowStore } from "../limits/rate-window-store";
import { logInternalError } from "../errors/log-internal-error";

/** Calls a minute for an admin key without an rpm limit: ample for scripts, a cap on a runaway loop. */
export const DEFAULT_ADMIN_RPM = 120;

export class AdminRateLimited extends ConsoleError {
  constructor(readonly retryAfterSeconds: number) {
    super("rate_limited", `Too many admin API calls for this key; retry in ${retryAfterSeconds} s`);
  }
}

export async function takeAdminCall(store: RateWindowStore, key: Pick<GatewayKey, "id" | "rpmLimit">, now: Date): Promise<void> {
  const window = Math.floor(now.getTime() / WINDOW_MS);
  const admitted = await store.take(`admin:${key.id}`, window, { requests: 1, tokens: 0 }, { requests: key.rpmLimit ?? DEFAULT_ADMIN_RPM, tokens: null }).catch((error: unknown) => {
    // As for the gateway's rate limits: they protect capacity, so an unreachable store lets calls through.
    logInternalError("admin-api", error);
    return true;
  });
  if (!admitted) throw new AdminRateLimited(Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - now.getTime()) / 1000)));
}
