// The OpenAPI 3.1 document of the admin API, built from the route table and the same zod
// schemas the handler validates with (as JSON Schema of what a client sends).
import { z } from "zod";
import { ADMIN_ROUTES, type AdminRoute } from "./admin-routes";
import { ADMIN_MAX_BODY_BYTES } from "./admin-schemas";

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", examples: ["bad_request", "unauthorized", "forbidden", "not_found", "conflict", "too_many_requests"] },
        message: { type: "string" },
        field: { type: "string", description: "The invalid field of a 400, as a dotted path" },
      },
    },
  },
} as const;

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

/** JSON Schema of a request schema's input, without the draft marker (OpenAPI 3.1 names the dialect). */
function inputSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input" }) as Record<string, unknown>;
  return rest;
}

function parameters(route: AdminRoute) {
  const inPath = route.params ? Object.keys((inputSchema(route.params).properties ?? {}) as object) : [];
  const query = route.query ? inputSchema(route.query) : null;
  const queryProps = (query?.properties ?? {}) as Record<string, unknown>;
  const required = new Set((query?.required ?? []) as string[]);
  return [
    ...inPath.map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })),
    ...Object.entries(queryProps).map(([name, schema]) => ({ name, in: "query", required: required.has(name), schema })),
  ];
}

function operation(route: AdminRoute) {
  return {
    summary: route.summary,
    description: `Needs an admin key whose role is ${route.role} or higher (${route.role === "viewer" ? "scope admin_read or admin" : "scope admin"}).`,
    security: [{ adminKey: [] }],
    parameters: parameters(route),
    ...(route.body && { requestBody: { required: true, content: { "application/json": { schema: inputSchema(route.body) } } } }),
    responses: {
      [route.status]: { description: route.status === 201 ? "Created" : "OK", content: { "application/json": { schema: { type: "object" } } } },
      400: errorResponse("Invalid input; `field` names it"),
      401: errorResponse("Missing, unknown, revoked or expired key"),
      403: errorResponse("The key lacks the admin scope or the role this call needs"),
      404: errorResponse("No such id in the key's organisation"),
      409: errorResponse("Conflicts with the current state (a stale policy version, a name in use)"),
      ...(route.body && { 413: errorResponse(`The body is over ${ADMIN_MAX_BODY_BYTES / 1024} KiB`) }),
      429: errorResponse("Too many calls this minute for the key; see Retry-After"),
    },
  };
}

export function buildAdminOpenApi() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ADMIN_ROUTES) (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route);
  return {
    openapi: "3.1.0",
    info: { title: "Switchyard admin API", version: "1" },
    servers: [{ url: "/api/admin/v1" }],
    paths,
    components: {
      securitySchemes: { adminKey: { type: "http", scheme: "bearer", description: "An API key with the admin or admin_read scope" } },
      schemas: { Error: errorSchema },
    },
  };
}
