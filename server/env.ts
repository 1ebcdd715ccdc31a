// The only module that reads process.env: every setting is validated here once.
import { z } from "zod";
import { parseUpstreamAllowList } from "./providers/upstream-allow-list";
import { parseTrustedProxies } from "./auth/trusted-proxies";
import { settingParsedBy } from "./parsed-setting";

const optionalUrl = z.string().url().optional().or(z.literal("").transform(() => undefined));
const optionalText = z.string().min(1).optional().or(z.literal("").transform(() => undefined));

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().min(1).optional(),
  PORT: z.coerce.number().int().positive().default(3000),
  SWITCHYARD_MASTER_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded")
    .optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: optionalUrl,
  REDIS_URL: optionalUrl,
  /** Starts every Redis key, so that several deployments (or test runs) can share one Redis. */
  SWITCHYARD_REDIS_PREFIX: z.string().min(1).default("switchyard:"),
  SWITCHYARD_DEMO_DAYS: z.coerce.number().int().min(0).max(365).default(60),
  SWITCHYARD_DEMO_REQUESTS_PER_DAY: z.coerce.number().int().min(0).max(100_000).default(1500),
  SWITCHYARD_EMBEDDED_PG_PORT: z.coerce.number().int().positive().default(54329),
  SWITCHYARD_USAGE_FLUSH_MS: z.coerce.number().int().positive().default(500),
  /**
   * How often each gateway process tries a learning round (folding queued feedback, evaluations
   * and signals into the tenants' learned state; one process at a time). 0 turns learning off.
   */
  SWITCHYARD_LEARNING_INTERVAL_MS: z.coerce.number().int().min(0).default(5000),
  /** How often each gateway process tries an alerts round (budget alerts; one process at a time). 0 turns alerts off. */
  SWITCHYARD_ALERTS_INTERVAL_MS: z.coerce.number().int().min(0).default(60_000),
  /**
   * How often each gateway process tries a webhooks round (alerts whose status changed become
   * deliveries, and due deliveries are sent; one process at a time). 0 turns sending off there.
   */
  SWITCHYARD_WEBHOOKS_INTERVAL_MS: z.coerce.number().int().min(0).default(10_000),
  /**
   * Processes of the `npm start` server and of `npm run gateway`, on one port (node:cluster);
   * unset: one per core. 1 runs the server in a single process, without a cluster.
   */
  SWITCHYARD_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  /**
   * On SIGTERM or SIGINT (or when a worker's primary is gone): how long requests in progress may
   * take to finish before the process cuts them off, records them and exits.
   */
  SWITCHYARD_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(15_000),
  /**
   * How long a client may take to send a whole request (headers and body) to the `npm start`
   * server or `npm run gateway`; past it the server answers 408 and closes the connection. The
   * headers alone get at most 15 s of it. The answer (a stream included) has no such limit.
   */
  SWITCHYARD_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  /** Upstream deadlines: until response headers, until the first body byte, between chunks, whole call. */
  SWITCHYARD_UPSTREAM_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  SWITCHYARD_UPSTREAM_FIRST_BYTE_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
  SWITCHYARD_UPSTREAM_IDLE_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  SWITCHYARD_UPSTREAM_TOTAL_TIMEOUT_MS: z.coerce.number().int().positive().default(600_000),
  /**
   * The most of one upstream answer the gateway reads, decompressed, in bytes: a whole JSON body,
   * or a whole stream (a long stream's events are about 200 bytes per token). Past it the call
   * fails like a broken connection and the next model of the plan is tried (or, once a stream has
   * reached the caller, the stream ends with an error event).
   */
  SWITCHYARD_MAX_UPSTREAM_ANSWER_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(64 * 1024 * 1024),
  /** Circuit breakers: consecutive upstream failures that open one, and how long it stays open. */
  SWITCHYARD_BREAKER_FAILURES: z.coerce.number().int().positive().default(5),
  SWITCHYARD_BREAKER_COOL_DOWN_MS: z.coerce.number().int().positive().default(30_000),
  /**
   * Largest request body the gateway and the console API read, in bytes. Decoding and parsing
   * a body holds the event loop about 2 ms per MB of text (more for CJK and emoji).
   */
  SWITCHYARD_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(10 * 1024 * 1024),
  /**
   * Upstream calls reach only public addresses. Comma-separated host names, addresses and CIDR
   * ranges listed here are let through, e.g. self-hosted model servers on a private network
   * ("models.internal,10.0.0.0/8"). Empty (the default): no exceptions.
   */
  SWITCHYARD_ALLOWED_UPSTREAM_HOSTS: settingParsedBy(parseUpstreamAllowList),
  /**
   * The proxies in front of the console whose X-Forwarded-For is believed when sign-in and
   * sign-up limits look for the client's address: a hop count ("1": one load balancer), or
   * comma-separated proxy addresses and CIDR ranges ("10.0.0.0/8"). Empty (the default): none,
   * the connection's own address is the client's and X-Forwarded-For is ignored.
   */
  SWITCHYARD_TRUSTED_PROXIES: settingParsedBy(parseTrustedProxies),
  /**
   * The token a Prometheus scraper presents (`Authorization: Bearer <token>`) to read the
   * gateway's GET /metrics. Empty (the default): no metrics are kept and /metrics is a 404.
   */
  SWITCHYARD_METRICS_TOKEN: z.string().min(16).optional().or(z.literal("").transform(() => undefined)),
  /**
   * OpenTelemetry's standard settings: either endpoint turns the gateway's request traces on
   * (OTLP over HTTP, JSON); the exporter itself reads OTEL_EXPORTER_OTLP_HEADERS and the
   * endpoints. Both empty (the default): no traces.
   */
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: optionalUrl,
  OTEL_SERVICE_NAME: z.string().min(1).default("switchyard"),
  /**
   * OpenID Connect single sign-on (docs/SSO.md): the identity provider's issuer URL and this
   * app's client there. All three set: the sign-in page offers "Sign in with <name>" beside the
   * email and password form. All empty (the default): no single sign-on.
   */
  SWITCHYARD_OIDC_ISSUER: optionalUrl,
  SWITCHYARD_OIDC_CLIENT_ID: optionalText,
  SWITCHYARD_OIDC_CLIENT_SECRET: optionalText,
  /** The identity provider's name on the sign-in button. */
  SWITCHYARD_OIDC_NAME: z.string().trim().min(1).max(40).default("SSO"),
}).superRefine((value, ctx) => {
  const oidc = [value.SWITCHYARD_OIDC_ISSUER, value.SWITCHYARD_OIDC_CLIENT_ID, value.SWITCHYARD_OIDC_CLIENT_SECRET];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    ctx.addIssue({ code: "custom", path: ["SWITCHYARD_OIDC_ISSUER"], message: "set SWITCHYARD_OIDC_ISSUER, SWITCHYARD_OIDC_CLIENT_ID and SWITCHYARD_OIDC_CLIENT_SECRET together, or none of them" });
  }
});

export type Env = z.infer<typeof schema>;

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}

export const env = load();

export function requireDatabaseUrl(): string {
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set");
  return env.DATABASE_URL;
}

/** The environment for a child process (Prisma CLI, Next server), with overrides. */
export function childEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
