// Carries cache invalidations between processes: the console announces a change with
// PostgreSQL NOTIFY, and every gateway process (Next.js or the lean entry) LISTENs and drops
// its cached entries, so a revoked key is refused at once everywhere, not after a TTL.
import pg from "pg";

export const INVALIDATION_CHANNEL = "switchyard_config";

export interface Invalidation {
  tenantId?: string;
  keyHash?: string;
}

export interface Notifier {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

export async function publishInvalidation(db: Notifier, invalidation: Invalidation): Promise<void> {
  await db.$executeRawUnsafe(`SELECT pg_notify('${INVALIDATION_CHANNEL}', $1)::text`, JSON.stringify(invalidation));
}

const RECONNECT_MS = 2_000;
const holder = globalThis as unknown as { __switchyardInvalidationListener?: boolean };

/** Starts one listener per process; reconnects after a connection loss. */
export function startInvalidationListener(connectionString: string, apply: (invalidation: Invalidation) => void): void {
  if (holder.__switchyardInvalidationListener) return;
  holder.__switchyardInvalidationListener = true;

  const connect = (afterLoss: boolean) => {
    const client = new pg.Client({ connectionString });
    let retried = false;
    const retry = () => {
      if (retried) return;
      retried = true;
      client.end().catch(() => {});
      // Caches stay as they are during an outage: they are what keeps the gateway serving.
      setTimeout(() => connect(true), RECONNECT_MS).unref();
    };
    client.on("notification", (message) => {
      try {
        apply(JSON.parse(message.payload ?? "{}") as Invalidation);
      } catch {
        apply({});
      }
    });
    client.on("error", retry);
    client.on("end", retry);
    client
      .connect()
      .then(() => client.query(`LISTEN ${INVALIDATION_CHANNEL}`))
      // Changes made while we were not listening were not heard: start from a clean cache.
      .then(() => afterLoss && apply({}))
      .catch(retry);
    // The listener must not keep a finished process alive.
    (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
  };
  connect(false);
}
