// Every endpoint of the admin API, as data: method, path, the console role it needs, its
// schemas and the console service it calls. The handler and the OpenAPI document both read
// this table, so neither can list a route the other lacks.
import type { z } from "zod";
import type { TenantActor } from "../console/actor";
import type { Role } from "../console/schemas/roles";
import { createApiKey } from "../console/keys/create-api-key";
import { getApiKey, listApiKeys } from "../console/keys/list-api-keys";
import { revokeApiKey } from "../console/keys/revoke-api-key";
import { rotateApiKey } from "../console/keys/rotate-api-key";
import { updateApiKeyLimits } from "../console/keys/update-api-key-limits";
import { listTeams } from "../console/teams/list-teams";
import { createTeam } from "../console/teams/create-team";
import { updateTeam } from "../console/teams/update-team";
import { getPolicy, listPolicies } from "../console/policies/list-policies";
import { savePolicyVersion } from "../console/policies/save-policy-version";
import { notFound } from "../console/console-error";
import { getSpendBreakdown } from "../analytics/get-spend-breakdown";
import { spendBreakdownQuerySchema } from "../analytics/spend-breakdown-query";
import {
  createKeyBodySchema, createTeamBodySchema, idParamsSchema, savePolicyVersionBodySchema, updateKeyBodySchema, updateTeamBodySchema,
} from "./admin-schemas";

export type AdminMethod = "GET" | "POST" | "PATCH" | "PUT";

interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

export interface AdminRoute<P = unknown, Q = unknown, B = unknown> {
  method: AdminMethod;
  /** Under /api/admin/v1, with `{name}` path parameters. */
  path: string;
  summary: string;
  /** The console role the call needs: viewer for reads, admin for changes (as in the console). */
  role: Role;
  /** 201 for a call that creates something. */
  status: 200 | 201;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  run(actor: TenantActor, input: RouteInput<P, Q, B>): Promise<unknown>;
}

/** Keeps each route's run typed by its own schemas while the table holds them all. */
const route = <P, Q, B>(r: AdminRoute<P, Q, B>) => r as unknown as AdminRoute;

const teamById = async (actor: TenantActor, id: string) => {
  const team = (await listTeams(actor)).find((t) => t.id === id);
  if (!team) throw notFound("Team");
  return team;
};

export const ADMIN_ROUTES: readonly AdminRoute[] = [
  route({ method: "GET", path: "/keys", summary: "List API keys with their month-to-date spend", role: "viewer", status: 200, run: (actor) => listApiKeys(actor) }),
  route({
    method: "POST", path: "/keys", summary: "Create an API key (the secret is in this answer only)", role: "admin", status: 201, body: createKeyBodySchema,
    run: (actor, { body }) => createApiKey(actor, body),
  }),
  route({ method: "GET", path: "/keys/{id}", summary: "Read one API key", role: "viewer", status: 200, params: idParamsSchema, run: (actor, { params }) => getApiKey(actor, params.id) }),
  route({
    method: "PATCH", path: "/keys/{id}", summary: "Set a key's monthly budget and rate limits", role: "admin", status: 200, params: idParamsSchema, body: updateKeyBodySchema,
    run: (actor, { params, body }) => updateApiKeyLimits(actor, params.id, body),
  }),
  route({
    method: "POST", path: "/keys/{id}/rotate", summary: "Rotate a key: a new secret with the same settings; the old key is revoked", role: "admin", status: 201, params: idParamsSchema,
    run: (actor, { params }) => rotateApiKey(actor, params.id),
  }),
  route({
    method: "POST", path: "/keys/{id}/revoke", summary: "Revoke a key (the gateway refuses it from the next request)", role: "admin", status: 200, params: idParamsSchema,
    run: async (actor, { params }) => {
      await revokeApiKey(actor, params.id);
      return getApiKey(actor, params.id);
    },
  }),
  route({ method: "GET", path: "/teams", summary: "List teams with their month-to-date spend", role: "viewer", status: 200, run: (actor) => listTeams(actor) }),
  route({
    method: "POST", path: "/teams", summary: "Create a team", role: "admin", status: 201, body: createTeamBodySchema,
    run: async (actor, { body }) => teamById(actor, (await createTeam(actor, body)).id),
  }),
  route({
    method: "PUT", path: "/teams/{id}", summary: "Rename a team and set its monthly budget", role: "admin", status: 200, params: idParamsSchema, body: updateTeamBodySchema,
    run: async (actor, { params, body }) => {
      await updateTeam(actor, { id: params.id, ...body });
      return teamById(actor, params.id);
    },
  }),
  route({ method: "GET", path: "/policies", summary: "List routing policies", role: "viewer", status: 200, run: (actor) => listPolicies(actor) }),
  route({ method: "GET", path: "/policies/{id}", summary: "Read a routing policy with its rules", role: "viewer", status: 200, params: idParamsSchema, run: (actor, { params }) => getPolicy(actor, params.id) }),
  route({
    method: "POST", path: "/policies/{id}/versions", summary: "Save a new version of a policy (as the console's editor does)", role: "admin", status: 201,
    params: idParamsSchema, body: savePolicyVersionBodySchema,
    run: (actor, { params, body }) => savePolicyVersion(actor, { id: params.id, ...body }),
  }),
  route({
    method: "GET", path: "/spend", summary: "Spend per day, key, team, model or category over a range of days", role: "viewer", status: 200, query: spendBreakdownQuerySchema,
    run: (actor, { query }) => getSpendBreakdown(actor, query),
  }),
];
