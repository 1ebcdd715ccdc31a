// The admin API's HTTP handler, mounted by app/api/admin/v1/[...path]/route.ts: finds the route,
// authenticates the admin key, counts the call against the key's per-minute limit, checks the
// role the route needs, validates path, query and body with the route's schemas, calls the
// console service and answers JSON.
import type { Db } from "../db/client";
import { ConsoleError, notFound } from "../console/console-error";
import { readJsonStream } from "../gateway/json-body-reader";
import type { RateWindowStore } from "../limits/rate-window-store";
import { ADMIN_ROUTES, type AdminRoute } from "./admin-routes";
import { adminErrorResponse } from "./admin-error-response";
import { AdminRateLimited, takeAdminCall } from "./admin-rate-limit";
import { authenticateAdminKey, requireRole } from "./authenticate-admin-key";
import { buildAdminOpenApi } from "./admin-openapi";
import { ADMIN_MAX_BODY_BYTES } from "./admin-schemas";

export const ADMIN_API_BASE = "/api/admin/v1";
/** Query parameters read from a URL; no endpoint takes more than a handful. */
const MAX_QUERY_PARAMS = 20;

export interface AdminApiDeps {
  db: Db;
  rateWindows: RateWindowStore;
  now?: () => Date;
}

interface Match {
  route: AdminRoute;
  params: Record<string, string>;
}

/** A path segment's text; null for a malformed escape, which no route matches. */
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The route for a path, and whether some route has the path with another method (405). */
function findRoute(method: string, path: string): { match: Match | null; pathKnown: boolean } {
  const segments = path.split("/").filter(Boolean);
  let pathKnown = false;
  for (const route of ADMIN_ROUTES) {
    const pattern = route.path.split("/").filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const fits = pattern.every((part, i) => {
      if (!part.startsWith("{")) return part === segments[i];
      const value = decodeSegment(segments[i]!);
      if (value !== null) params[part.slice(1, -1)] = value;
      return value !== null;
    });
    if (!fits) continue;
    pathKnown = true;
    if (route.method === method) return { match: { route, params }, pathKnown };
  }
  return { match: null, pathKnown };
}

const tooLarge = () =>
  Response.json({ error: { code: "payload_too_large", message: `Request body exceeds ${ADMIN_MAX_BODY_BYTES} bytes` } }, { status: 413 });

/** The parsed JSON body, read up to the cap; a 413 response past it. */
async function readBody(req: Request): Promise<{ value: unknown } | Response> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > ADMIN_MAX_BODY_BYTES) return tooLarge();
  const body = await readJsonStream(req.body, ADMIN_MAX_BODY_BYTES);
  if ("tooLarge" in body) return tooLarge();
  if ("tooComplex" in body) throw new ConsoleError("invalid", body.tooComplex);
  if (body.text.trim() === "") return { value: {} };
  try {
    return { value: JSON.parse(body.text) };
  } catch {
    throw new ConsoleError("invalid", "The request body is not valid JSON");
  }
}

function readQuery(url: URL): Record<string, string> {
  const entries = [...url.searchParams.entries()];
  if (entries.length > MAX_QUERY_PARAMS) throw new ConsoleError("invalid", `At most ${MAX_QUERY_PARAMS} query parameters`);
  return Object.fromEntries(entries);
}

export function createAdminApiHandler(deps: AdminApiDeps): (req: Request) => Promise<Response> {
  const now = deps.now ?? (() => new Date());
  return async (req) => {
    const url = new URL(req.url);
    const path = url.pathname.slice(ADMIN_API_BASE.length) || "/";
    if (req.method === "GET" && path === "/openapi.json") return Response.json(buildAdminOpenApi());
    try {
      const { match, pathKnown } = findRoute(req.method, path);
      if (!match) {
        if (pathKnown) return Response.json({ error: { code: "method_not_supported", message: `${req.method} is not supported on this path` } }, { status: 405 });
        throw notFound("Endpoint");
      }
      const at = now();
      const { key, actor } = await authenticateAdminKey(deps.db, req.headers, at);
      await takeAdminCall(deps.rateWindows, key, at);
      requireRole(actor, match.route.role);
      const body = match.route.body ? await readBody(req) : { value: {} };
      if (body instanceof Response) return body;
      const input = {
        params: match.route.params ? match.route.params.parse(match.params) : {},
        query: match.route.query ? match.route.query.parse(readQuery(url)) : {},
        body: match.route.body ? match.route.body.parse(body.value) : {},
      };
      const result = await match.route.run(actor, input);
      return Response.json(result, { status: match.route.status });
    } catch (error) {
      return adminErrorResponse(error, error instanceof AdminRateLimited ? { "retry-after": String(error.retryAfterSeconds) } : {});
    }
  };
}
