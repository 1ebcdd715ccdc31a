// The OpenAPI document lists exactly the routes the handler serves, with their path parameters
// and the request schemas the handler validates with.
import { describe, expect, it } from "vitest";
import { ADMIN_ROUTES } from "./admin-routes";
import { buildAdminOpenApi } from "./admin-openapi";

type Operation = { parameters: { name: string; in: string; required: boolean }[]; requestBody?: { content: Record<string, { schema: unknown }> } };
/** The value at a path of keys in a JSON Schema (undefined where the path ends early). */
const at = (value: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], value);
const doc = buildAdminOpenApi() as unknown as { openapi: string; paths: Record<string, Record<string, Operation>> };
const op = (path: string, method: string) => doc.paths[path]![method]!;

describe("the admin API's OpenAPI document", () => {
  it("has every route, and no operation without a route", () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(ADMIN_ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    expect(doc.openapi).toBe("3.1.0");
  });

  it("declares each path parameter of a route's path, and a body exactly where the route reads one", () => {
    for (const route of ADMIN_ROUTES) {
      const operation = op(route.path, route.method.toLowerCase());
      const inPath = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(operation.parameters.filter((p) => p.in === "path").map((p) => p.name), route.path).toEqual(inPath);
      expect(operation.requestBody !== undefined, `${route.method} ${route.path}`).toBe(route.body !== undefined);
    }
  });

  it("describes bodies and queries as a client sends them, from the console's schemas", () => {
    const createKey = op("/keys", "post").requestBody!.content["application/json"]!.schema;
    expect(at(createKey, "required")).toEqual(["name", "scopes"]);
    expect(at(createKey, "properties", "scopes", "items", "enum")).toEqual(["gateway", "route", "feedback", "admin", "admin_read"]);
    expect(at(createKey, "properties", "expiresAt", "anyOf", 0)).toMatchObject({ type: "string", format: "date-time" });
    const policy = op("/policies/{id}/versions", "post").requestBody!.content["application/json"]!.schema;
    expect(at(policy, "properties", "policy", "properties", "rules", "maxItems")).toBe(50);
    const spend = op("/spend", "get").parameters.filter((p) => p.in === "query");
    expect(spend.filter((p) => p.required).map((p) => p.name).sort()).toEqual(["from", "to"]);
    expect(spend.map((p) => p.name)).toContain("groupBy");
  });
});
